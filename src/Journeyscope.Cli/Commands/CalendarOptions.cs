using System.CommandLine;
using System.Globalization;
using Journeyscope.Performance;

namespace Journeyscope.Cli.Commands;

/// <summary>Business calendar options: time measures count only working time when any is given.</summary>
internal sealed class CalendarOptions
{
    private readonly Option<string?> _hours = new("--working-hours") { Description = "Count only working time, e.g. 09:00-17:00 (Mon-Fri unless --working-days)." };
    private readonly Option<string?> _days = new("--working-days") { Description = "Working days, e.g. Mon,Tue,Wed,Thu,Fri." };
    private readonly Option<string[]> _holidays = new("--holiday")
    {
        Description = "A non-working date (repeatable), e.g. --holiday 2024-12-25.",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _zone = new("--calendar-time-zone") { Description = "Time zone of the working hours (IANA id; default UTC)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_hours);
        command.Options.Add(_days);
        command.Options.Add(_holidays);
        command.Options.Add(_zone);
    }

    public BusinessCalendar? Read(ParseResult parse)
    {
        var hours = parse.GetValue(_hours);
        var days = parse.GetValue(_days);
        var holidays = parse.GetValue(_holidays) ?? [];
        var zone = parse.GetValue(_zone);
        if (hours is null && days is null && holidays.Length == 0 && zone is null)
        {
            return null;
        }

        var (start, end) = (new TimeOnly(9, 0), new TimeOnly(17, 0));
        if (hours is not null)
        {
            var parts = hours.Split('-');
            if (parts.Length != 2
                || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out end)
                || end <= start)
            {
                throw new UsageException($"--working-hours must look like 09:00-17:00, got '{hours}'.");
            }
        }

        var workingDays = days is null
            ? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]
            : days.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseDay).ToArray();
        var dates = holidays.Select(h => DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"--holiday must be a date like 2024-12-25, got '{h}'.")).ToArray();
        TimeZoneInfo? timeZone = null;
        if (zone is not null)
        {
            try
            {
                timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new UsageException($"Unknown time zone '{zone}'.");
            }
        }

        return new BusinessCalendar(workingDays, start, end, dates, timeZone);
    }

    private static DayOfWeek ParseDay(string text) => text.ToLowerInvariant() switch
    {
        "mon" or "monday" => DayOfWeek.Monday,
        "tue" or "tuesday" => DayOfWeek.Tuesday,
        "wed" or "wednesday" => DayOfWeek.Wednesday,
        "thu" or "thursday" => DayOfWeek.Thursday,
        "fri" or "friday" => DayOfWeek.Friday,
        "sat" or "saturday" => DayOfWeek.Saturday,
        "sun" or "sunday" => DayOfWeek.Sunday,
        _ => throw new UsageException($"Unknown working day '{text}': use Mon, Tue, Wed, Thu, Fri, Sat, Sun."),
    };
}
