namespace Journeyscope.Server.Tests.Components;

/// <summary>Small API responses in the shape of docs/api.md.</summary>
internal static class ApiFixtures
{
    public const string Summary = """
        {"timeBasis":"utc","version":3,"cases":2,"events":5,"activityCount":3,"variants":2,
         "firstTimestamp":"2024-03-01T10:00:00+00:00","lastTimestamp":"2024-03-02T10:00:00+00:00",
         "caseDurationSeconds":{"count":2,"mean":3600,"median":3600,"min":1800,"max":5400,"p90":5400,"p95":5400},
         "activities":[{"name":"Register","events":2,"cases":2},{"name":"Check","events":2,"cases":2},{"name":"Pay","events":1,"cases":1}]}
        """;

    public const string ProcessMap = """
        {"timeBasis":"utc","version":3,"cases":2,"events":5,
         "nodes":[{"id":"Register","events":2,"cases":2,"starts":2,"ends":0,"reworkCases":0,"meanWaitSeconds":null,"medianWaitSeconds":null,"totalWaitSeconds":0,"meanProcessingSeconds":null,"totalProcessingSeconds":null},
                  {"id":"Check","events":2,"cases":2,"starts":0,"ends":1,"reworkCases":0,"meanWaitSeconds":60,"medianWaitSeconds":60,"totalWaitSeconds":120,"meanProcessingSeconds":null,"totalProcessingSeconds":null},
                  {"id":"Pay","events":1,"cases":1,"starts":0,"ends":1,"reworkCases":0,"meanWaitSeconds":30,"medianWaitSeconds":30,"totalWaitSeconds":30,"meanProcessingSeconds":null,"totalProcessingSeconds":null}],
         "edges":[{"id":"e0","from":"Register","to":"Check","count":2,"cases":2,"meanSeconds":60,"medianSeconds":60,"minSeconds":60,"maxSeconds":60,"totalSeconds":120,"p90Seconds":60},
                  {"id":"e1","from":"Check","to":"Pay","count":1,"cases":1,"meanSeconds":30,"medianSeconds":30,"minSeconds":30,"maxSeconds":30,"totalSeconds":30,"p90Seconds":30}],
         "starts":[{"activity":"Register","count":2}],"ends":[{"activity":"Check","count":1},{"activity":"Pay","count":1}],
         "sliders":{"activities":1,"paths":1,"activityCoverage":1,"pathCoverage":1,"hiddenActivities":0,"hiddenEdges":0,"hiddenTerminalEdges":0}}
        """;

    public const string Variants = """
        {"timeBasis":"utc","version":3,"variantCount":2,"cases":2,"variants":[
          {"rank":1,"cases":1,"share":0.5,"coverage":0.5,"meanDurationSeconds":5400,"medianDurationSeconds":5400,"activities":["Register","Check","Pay"],"exampleCases":["c1"]},
          {"rank":2,"cases":1,"share":0.5,"coverage":1.0,"meanDurationSeconds":1800,"medianDurationSeconds":1800,"activities":["Register","Check"],"exampleCases":["c2"]}]}
        """;

    public const string Bottlenecks = """
        {"timeBasis":"utc","version":3,"totalWaitingSeconds":150,"usesCalendar":false,"bottlenecks":[
          {"rank":1,"from":"Register","to":"Check","count":2,"totalWaitingSeconds":120,"meanWaitingSeconds":60,"medianWaitingSeconds":60,"share":0.8}]}
        """;

    public const string Performance = """
        {"timeBasis":"utc","version":3,"cases":2,"processingFrom":"none","usesCalendar":false,
         "leadTimeSeconds":{"total":7200,"mean":3600},"processingTimeSeconds":null,"waitingTimeSeconds":{"total":150,"mean":75},
         "flowEfficiency":0.25,"meanFlowEfficiency":null,
         "caseDurationSeconds":{"count":2,"mean":3600,"median":3600,"min":1800,"max":5400,"p90":5400,"p95":5400},
         "stepOrder":"designedJourney","journey":"retail",
         "activities":[{"activity":"Register","events":2,"executions":2,"totalProcessingSeconds":null,"meanProcessingSeconds":null,"waits":0,"totalWaitingSeconds":0,"meanWaitingSeconds":0},
                       {"activity":"Check","events":2,"executions":2,"totalProcessingSeconds":null,"meanProcessingSeconds":null,"waits":2,"totalWaitingSeconds":120,"meanWaitingSeconds":60}],
         "handovers":[],"granularity":"day","throughput":[]}
        """;

    public const string Case = """
        {"caseId":"c1","timeBasis":"utc","durationSeconds":5400,"attributes":{"segment":"B2B"},
         "events":[{"index":0,"activity":"Register","timestamp":"2024-03-01T10:00:00+00:00","startTimestamp":null,"lifecycle":null,"resource":"ann","channel":"web","attributes":{}},
                   {"index":1,"activity":"Check","timestamp":"2024-03-01T10:01:00+00:00","startTimestamp":null,"lifecycle":null,"resource":null,"channel":null,"attributes":{"amount":12.5}},
                   {"index":2,"activity":"Pay","timestamp":"2024-03-01T11:30:00+00:00","startTimestamp":null,"lifecycle":null,"resource":null,"channel":null,"attributes":{}}]}
        """;

    public const string Cases = """
        {"total":2,"page":1,"pageSize":20,"cases":[
          {"caseId":"c1","events":3,"start":"2024-03-01T10:00:00+00:00","end":"2024-03-01T11:30:00+00:00","durationSeconds":5400,"activities":["Register","Check","Pay"]},
          {"caseId":"c2","events":2,"start":"2024-03-02T09:30:00+00:00","end":"2024-03-02T10:00:00+00:00","durationSeconds":1800,"activities":["Register","Check"]}]}
        """;

    public const string Journeys = """{"journeys":[{"id":"retail","name":"Retail purchase","valid":true,"diagnostics":[]}]}""";

    public const string Journey = """
        {"id":"retail","name":"Retail purchase","owner":null,"description":"From visit to delivery.",
         "stages":[{"id":"purchase","name":"Purchase & Transaction","description":null},{"id":"fulfilment","name":"Fulfilment & Delivery","description":null}],
         "touchpoints":[{"id":"checkout","name":"Checkout","stage":"purchase","lane":"frontstage","channel":"web","owner":"Shop","description":"Pay online"},
                        {"id":"ship","name":"Ship the parcel","stage":"fulfilment","lane":"backstage","channel":null,"owner":null,"description":null}]}
        """;

    public const string JourneyWithFlow = """
        {"id":"retail","name":"Retail purchase","owner":null,"description":null,
         "stages":[{"id":"purchase","name":"Purchase & Transaction","description":null}],
         "touchpoints":[{"id":"checkout","name":"Checkout","stage":"purchase","lane":"frontstage","channel":"web","owner":null,"description":null},
                        {"id":"ship","name":"Ship the parcel","stage":"purchase","lane":"backstage","channel":null,"owner":null,"description":null}],
         "flow":"->( 'checkout', 'ship' )"}
        """;

    public const string Conformance = """
        {"journeyId":"retail","cases":10,"fittingCases":7,"conformanceRate":0.7,"meanFitness":0.9,"logFitness":0.91,
         "touchpoints":[{"id":"checkout","name":"Checkout","stage":"purchase","cases":10,"skipped":0,"inserted":0,"outOfOrder":0,"repeated":0,"deviationRate":0,"status":"ok"},
                        {"id":"ship","name":"Ship the parcel","stage":"purchase","cases":7,"skipped":3,"inserted":0,"outOfOrder":0,"repeated":1,"deviationRate":0.3,"status":"bad"}],
         "stages":[],"patterns":[{"pattern":"skipped:ship","cases":3,"share":0.3,"exampleCases":["c7","c9"]}],"undesigned":[],"neverTaken":[],"warnings":[]}
        """;

    public const string BadFilter = """{"type":"about:blank","title":"Invalid filter","status":400,"detail":"Line 1: unknown filter 'bogus'. Example: variants coverage 80%"}""";
}
