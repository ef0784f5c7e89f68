using Journeyscope.EventLogs;

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
}
