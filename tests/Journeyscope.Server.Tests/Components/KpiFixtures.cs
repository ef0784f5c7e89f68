namespace Journeyscope.Server.Tests.Components;

/// <summary>KPI and voice-of-the-customer responses in the shape of docs/api.md.</summary>
internal static class KpiFixtures
{
    public const string Journeys = """{"journeys":[{"id":"retail","name":"Retail purchase","valid":true,"diagnostics":[]},{"id":"broken","name":"Broken","valid":false,"diagnostics":[]}]}""";

    public const string Kpis = """
        {"journey":"retail","timeBasis":"utc","version":3,"cases":40,"period":"month","by":null,"kpis":[
          {"id":"nps","name":"Net Promoter Score","kind":"nps","category":"grow","definition":"Promoters minus detractors.","unit":"netScore",
           "value":25,"formattedValue":"25","target":">= 40","status":"missed","sampleSize":40,
           "trend":[{"label":"2024-03","start":"2024-03-01T00:00:00+00:00","value":30,"formattedValue":"30","status":"missed","sampleSize":30},
                    {"label":"2024-04","start":"2024-04-01T00:00:00+00:00","value":10,"formattedValue":"10","status":"missed","sampleSize":10}],
           "segments":[],"notes":[]},
          {"id":"delivery-time","name":"Order to delivery","kind":"order-cycle-time","category":"run","definition":"Mean time from order to delivery.","unit":"duration",
           "value":216000,"formattedValue":"2d12h","target":"<= 3d","status":"met","sampleSize":40,
           "trend":[{"label":"2024-03","start":"2024-03-01T00:00:00+00:00","value":200000,"formattedValue":"2d7h","status":"met","sampleSize":30}],
           "segments":[],"notes":[]},
          {"id":"conversion","name":"Visit to order conversion","kind":"conversion-rate","category":"transform","definition":"Share of visitors who order.","unit":"ratio",
           "value":0.543,"formattedValue":"54.3%","target":null,"status":"noTarget","sampleSize":3000,
           "trend":[{"label":"2024-03","start":"2024-03-01T00:00:00+00:00","value":0.543,"formattedValue":"54.3%","status":"noTarget","sampleSize":3000}],
           "segments":[],"notes":[]}]}
        """;

    public const string KpisByChannel = """
        {"journey":"retail","timeBasis":"utc","version":3,"cases":40,"period":"month","by":"channel","kpis":[
          {"id":"nps","name":"Net Promoter Score","kind":"nps","category":"grow","definition":"d","unit":"netScore",
           "value":25,"formattedValue":"25","target":">= 40","status":"missed","sampleSize":40,"trend":[],
           "segments":[{"segment":"web","value":50,"formattedValue":"50","status":"met","sampleSize":20},
                       {"segment":"store","value":0,"formattedValue":"0","status":"missed","sampleSize":20}],"notes":[]}]}
        """;

    public const string Tree = """
        {"journey":"retail","timeBasis":"utc","version":3,"cases":40,"links":[
          {"kpi":"nps","kpiName":"Net Promoter Score","driver":"delivery-time","driverName":"Order to delivery","split":"delivery-time <= 3d",
           "onTarget":100,"onTargetCases":25,"offTarget":-100,"offTargetCases":15,"difference":-200,"lower":-210,"upper":-190,
           "method":"nps-variance","significant":true,"formattedOnTarget":"100","formattedOffTarget":"-100","formattedDifference":"-200","formattedInterval":"[-210, -190]"}]}
        """;

    public const string NoKpis = """{"journey":"retail","timeBasis":"utc","version":3,"cases":40,"period":"none","by":null,"kpis":[]}""";

    public const string Voc = """
        {"timeBasis":"utc","version":3,"journey":"retail","cases":40,"surveyedCases":40,"unhappyCases":15,
         "surveys":[{"survey":"NPS survey","scale":"nps","answers":40,"score":25,"formattedScore":"25.0","mean":7.4,"positive":25,"middle":0,"negative":15},
                    {"survey":"CSAT survey","scale":"csat","answers":20,"score":0.8,"formattedScore":"80.0%","mean":4.1,"positive":16,"middle":2,"negative":2}],
         "sentiment":{"comments":40,"positive":25,"neutral":0,"negative":15,"mean":0.12,"scorer":"lexicon"},
         "negativeComments":[{"text":"terrible service","score":-0.48,"sentiment":"negative","caseId":"o11","activity":"NPS survey","occurrences":15}],
         "positiveComments":[{"text":"great","score":0.62,"sentiment":"positive","caseId":"o0","activity":"NPS survey","occurrences":25}],
         "moments":[{"kind":"wait","name":"Deliver","casesWith":15,"unhappyWith":1,"casesWithout":25,"unhappyWithout":0,"lift":null,"difference":1,"lower":1,"upper":1,"significant":true}],
         "notes":[]}
        """;
}
