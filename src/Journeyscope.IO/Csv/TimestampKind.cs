namespace Journeyscope.IO;

/// <summary>The families of timestamp text the flat importers read.</summary>
internal enum TimestampKind
{
    Iso,
    DayMonthYear,
    MonthDayYear,
    YearMonthDay,
    UnixSeconds,
    UnixMilliseconds,
    Custom,
}
