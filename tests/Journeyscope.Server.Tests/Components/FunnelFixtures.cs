namespace Journeyscope.Server.Tests.Components;

/// <summary>Responses of the funnels, paths and retention endpoints in the shape of docs/api.md.</summary>
internal static class FunnelFixtures
{
    public const string Workspace = """
        {"name":"shop","timeBasis":"utc","version":3,"events":5,"cases":2,"activities":3,"variants":2,"firstTimestamp":null,"lastTimestamp":null,
         "quarantined":0,"quarantineBySource":[],"topQuarantineReasons":[],"journeys":[],"sources":[],
         "attributes":[{"scope":"case","name":"segment","type":"string","distinctCount":2,"nullCount":0},
                       {"scope":"event","name":"amount","type":"double","distinctCount":2,"nullCount":0}]}
        """;

    public const string NoJourneys = """{"journeys":[]}""";

    public const string Funnel = """
        {"timeBasis":"utc","version":3,"cases":2,"windowSeconds":null,"strictOrder":false,"breakdownAttribute":null,"breakdown":[],
         "steps":[
           {"step":1,"label":"Register","entered":2,"converted":2,"droppedOff":0,"conversionFromPrevious":1,"conversionFromFirst":1,"medianSecondsFromFirst":null,"p90SecondsFromFirst":null,"medianSecondsFromPrevious":null,"p90SecondsFromPrevious":null},
           {"step":2,"label":"Check","entered":2,"converted":1,"droppedOff":1,"conversionFromPrevious":1,"conversionFromFirst":1,"medianSecondsFromFirst":60,"p90SecondsFromFirst":60,"medianSecondsFromPrevious":60,"p90SecondsFromPrevious":60},
           {"step":3,"label":"Pay","entered":1,"converted":1,"droppedOff":0,"conversionFromPrevious":0.5,"conversionFromFirst":0.5,"medianSecondsFromFirst":5400,"p90SecondsFromFirst":5400,"medianSecondsFromPrevious":5340,"p90SecondsFromPrevious":5340}],
         "dropOffs":{"step":2,"byBreakdown":false,"breakdownValue":null,"total":1,"page":1,"pageSize":50,"cases":["c2"]}}
        """;

    public const string FunnelByChannel = """
        {"timeBasis":"utc","version":3,"cases":2,"windowSeconds":null,"strictOrder":false,"breakdownAttribute":"channel",
         "steps":[
           {"step":1,"label":"Register","entered":2,"converted":1,"droppedOff":1,"conversionFromPrevious":1,"conversionFromFirst":1,"medianSecondsFromFirst":null,"p90SecondsFromFirst":null,"medianSecondsFromPrevious":null,"p90SecondsFromPrevious":null},
           {"step":2,"label":"Pay","entered":1,"converted":1,"droppedOff":0,"conversionFromPrevious":0.5,"conversionFromFirst":0.5,"medianSecondsFromFirst":60,"p90SecondsFromFirst":60,"medianSecondsFromPrevious":60,"p90SecondsFromPrevious":60}],
         "breakdown":[
           {"value":"web","steps":[
             {"step":1,"label":"Register","entered":1,"converted":1,"droppedOff":0,"conversionFromPrevious":1,"conversionFromFirst":1,"medianSecondsFromFirst":null,"p90SecondsFromFirst":null,"medianSecondsFromPrevious":null,"p90SecondsFromPrevious":null},
             {"step":2,"label":"Pay","entered":1,"converted":1,"droppedOff":0,"conversionFromPrevious":1,"conversionFromFirst":1,"medianSecondsFromFirst":60,"p90SecondsFromFirst":60,"medianSecondsFromPrevious":60,"p90SecondsFromPrevious":60}]},
           {"value":"app","steps":[
             {"step":1,"label":"Register","entered":1,"converted":0,"droppedOff":1,"conversionFromPrevious":1,"conversionFromFirst":1,"medianSecondsFromFirst":null,"p90SecondsFromFirst":null,"medianSecondsFromPrevious":null,"p90SecondsFromPrevious":null},
             {"step":2,"label":"Pay","entered":0,"converted":0,"droppedOff":0,"conversionFromPrevious":0,"conversionFromFirst":0,"medianSecondsFromFirst":null,"p90SecondsFromFirst":null,"medianSecondsFromPrevious":null,"p90SecondsFromPrevious":null}]}],
         "dropOffs":{"step":1,"byBreakdown":true,"breakdownValue":"app","total":1,"page":1,"pageSize":50,"cases":["c2"]}}
        """;

    public const string Paths = """
        {"timeBasis":"utc","version":3,"anchor":"Register","direction":"next","target":null,"depth":2,"top":8,"cases":2,
         "nodes":[{"id":0,"depth":0,"label":"Register","kind":"anchor","cases":2},
                  {"id":1,"depth":1,"label":"Check","kind":"activity","cases":2},
                  {"id":2,"depth":2,"label":"Pay","kind":"activity","cases":1},
                  {"id":3,"depth":2,"label":"end of journey","kind":"end","cases":1}],
         "links":[{"source":0,"target":1,"cases":2},{"source":1,"target":2,"cases":1},{"source":1,"target":3,"cases":1}]}
        """;

    public const string Retention = """
        {"timeBasis":"utc","version":3,"period":"week","cohort":"week","periods":2,"returnActivities":[],"churn":"inactive:30d",
         "asOf":"2024-03-18T10:00:00+00:00",
         "cohorts":[{"cohort":"2024-02-26","cases":4,"eligible":[4,4,4],"retained":[4,3,1],"rates":[1,0.75,0.25],"churned":1,"churnRate":0.25},
                    {"cohort":"2024-03-04","cases":2,"eligible":[2,2,0],"retained":[1,0,0],"rates":[0.5,0,null],"churned":0,"churnRate":0}],
         "total":{"cohort":"all","cases":6,"eligible":[6,6,4],"retained":[5,3,1],"rates":[0.8333,0.5,0.25],"churned":1,"churnRate":0.1667}}
        """;
}
