using Journeyscope.EventLogs;
using Journeyscope.Journeys;

namespace Journeyscope.Core.Tests.Agenda;

/// <summary>
/// Generated logs for value tracking: 120 days from 2024-01-01, cases on three devices, a failure outcome with a common
/// trend and a Saturday peak; from day <see cref="ChangeDay"/> the failure rate of device <c>a</c> moves by a known effect.
/// </summary>
internal static class ImprovementLogs
{
    public const int Days = 120;
    public const int ChangeDay = 60;
    public static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset ChangeDate => Origin.AddDays(ChangeDay);

    /// <summary>
    /// A log whose device <c>a</c> fails with 0.30 (others 0.15) plus trend and weekday, and from the change day with
    /// 0.30 + <paramref name="effect"/>. With <paramref name="everyone"/>, every case is on device <c>a</c>.
    /// </summary>
    public static EventLog Generate(int seed, double effect, bool everyone = false, int casesPerDay = 40)
    {
        var random = new Random(seed);
        var builder = new EventLogBuilder();
        var n = 0;
        for (var day = 0; day < Days; day++)
        {
            var date = Origin.AddDays(day);
            var weekday = date.DayOfWeek == DayOfWeek.Saturday ? 0.05 : 0;
            var trend = 0.0005 * day;
            for (var k = 0; k < casesPerDay; k++)
            {
                var id = "c" + (n++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var device = everyone ? "a" : ((string[])["a", "b", "c"])[random.Next(3)];
                var rate = (device == "a" ? 0.30 : 0.15) + weekday + trend + (device == "a" && day >= ChangeDay ? effect : 0);
                var t = date.AddMinutes(random.Next(24 * 60 - 30));
                builder.AddEvent(id, "Start", t);
                if (random.NextDouble() < rate)
                {
                    builder.AddEvent(id, "Fail", t.AddMinutes(5));
                }

                builder.AddEvent(id, "End", t.AddMinutes(20));
                builder.SetCaseAttribute(id, "device", AttributeValue.FromString(device));
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// A log with a satisfaction survey (<c>Survey</c> with a numeric <c>score</c>, normal with standard deviation 1.2): device
    /// <c>a</c> scores 4.0 (others 4.6), plus a shared trend of +0.004 a day and -0.3 on Saturdays, and from the change day
    /// 4.0 + <paramref name="effect"/>. With <paramref name="everyone"/>, every case is on device <c>a</c>.
    /// </summary>
    public static EventLog GenerateScores(int seed, double effect, bool everyone = false, int casesPerDay = 40)
    {
        var random = new Random(seed);
        var builder = new EventLogBuilder();
        var n = 0;
        for (var day = 0; day < Days; day++)
        {
            var date = Origin.AddDays(day);
            var weekday = date.DayOfWeek == DayOfWeek.Saturday ? -0.3 : 0;
            var trend = 0.004 * day;
            for (var k = 0; k < casesPerDay; k++)
            {
                var id = "s" + (n++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var device = everyone ? "a" : ((string[])["a", "b", "c"])[random.Next(3)];
                var mean = (device == "a" ? 4.0 : 4.6) + weekday + trend + (device == "a" && day >= ChangeDay ? effect : 0);

                // Box-Muller: a normal draw from two uniform ones.
                var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                var t = date.AddMinutes(random.Next(24 * 60 - 30));
                builder.AddEvent(id, "Start", t);
                var survey = builder.AddEvent(id, "Survey", t.AddMinutes(10));
                builder.SetEventAttribute(survey, "score", AttributeValue.FromDouble(mean + (1.2 * normal)));
                builder.SetCaseAttribute(id, "device", AttributeValue.FromString(device));
            }
        }

        return builder.Build();
    }

    /// <summary>The journey of <see cref="GenerateScores"/>: one touchpoint and a mean <c>score</c> KPI (kind <c>csat-score</c>).</summary>
    public static DesignedJourney ScoreJourney()
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["activity"] = "Survey", ["attribute"] = "score" };
        var kpi = new JourneyKpi("score", "Satisfaction score", "ces", null, ["feedback"], ["survey"], parameters, null, []);
        Touchpoint[] touchpoints = [new("survey", "Survey", "feedback", BlueprintLane.Frontstage, "email", null, new TouchpointRule(["Survey"], null, []))];
        return new DesignedJourney("scores", "Scores", null, null, [], DesignedJourney.DefaultStages, touchpoints, null, [kpi], [], []);
    }
}
