using CsCheck;
using Journeyscope.Performance;

namespace Journeyscope.Core.Tests.Performance;

public sealed class BusinessCalendarTests
{
    // 2024-01-01 is a Monday.
    private static long Utc(int day, double hour) => new DateTime(2024, 1, day, 0, 0, 0, DateTimeKind.Utc).AddHours(hour).Ticks;

    [Fact]
    public void Duration_SpanningWeekend_CountsOnlyWorkingHours()
    {
        // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday.
        BusinessCalendar.Standard.Duration(Utc(5, 16), Utc(8, 10)).ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void Duration_OverHoliday_SkipsTheHoliday()
    {
        var calendar = new BusinessCalendar(
            BusinessCalendar.Standard.WorkingDays, new TimeOnly(9, 0), new TimeOnly(17, 0), [new DateOnly(2024, 1, 8)]);

        // Friday 16:00 to Tuesday 09:30 with Monday off: 1h + 0.5h.
        calendar.Duration(Utc(5, 16), Utc(9, 9.5)).ShouldBe(TimeSpan.FromMinutes(90));

        // Inside the holiday itself nothing counts.
        calendar.Duration(Utc(8, 10), Utc(8, 12)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Duration_PartialDays_ClipToWorkingHours()
    {
        var calendar = BusinessCalendar.Standard;

        calendar.Duration(Utc(3, 8), Utc(3, 12.5)).ShouldBe(TimeSpan.FromHours(3.5));
        calendar.Duration(Utc(3, 18), Utc(3, 20)).ShouldBe(TimeSpan.Zero);
        calendar.Duration(Utc(3, 16), Utc(4, 10)).ShouldBe(TimeSpan.FromHours(2));
        calendar.Duration(Utc(1, 0), Utc(8, 0)).ShouldBe(TimeSpan.FromHours(40));
        calendar.Duration(Utc(4, 12), Utc(3, 12)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Duration_InTimeZone_ReadsHoursLocally()
    {
        var plusOne = TimeZoneInfo.CreateCustomTimeZone("plus-one", TimeSpan.FromHours(1), "UTC+1", "UTC+1");
        var calendar = new BusinessCalendar(BusinessCalendar.Standard.WorkingDays, new TimeOnly(9, 0), new TimeOnly(17, 0), timeZone: plusOne);

        // 08:00-16:00 UTC is 09:00-17:00 local: the whole working day.
        calendar.Duration(Utc(3, 8), Utc(3, 16)).ShouldBe(TimeSpan.FromHours(8));

        // 16:00-17:00 UTC is after hours locally.
        calendar.Duration(Utc(3, 16), Utc(3, 17)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Duration_Random_EqualsMinuteByMinuteCount()
    {
        var calendar = new BusinessCalendar(
            [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday],
            new TimeOnly(8, 30), new TimeOnly(16, 15), [new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 13), new DateOnly(2024, 1, 14)]);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Gen.Select(Gen.Int[0, 30 * 24 * 60], Gen.Int[0, 30 * 24 * 60]).Sample((a, b) =>
        {
            var (from, to) = (Math.Min(a, b), Math.Max(a, b));
            var expected = 0;
            for (var m = from; m < to; m++)
            {
                var t = start.AddMinutes(m);
                var working = calendar.WorkingDays.Contains(t.DayOfWeek) &&
                    !calendar.Holidays.Contains(DateOnly.FromDateTime(t)) &&
                    t.TimeOfDay >= new TimeSpan(8, 30, 0) && t.TimeOfDay < new TimeSpan(16, 15, 0);
                expected += working ? 1 : 0;
            }

            calendar.Duration(start.AddMinutes(from).Ticks, start.AddMinutes(to).Ticks).ShouldBe(TimeSpan.FromMinutes(expected));
        }, iter: 200);
    }
}
