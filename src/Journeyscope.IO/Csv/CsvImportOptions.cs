using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>How a CSV file is read: its dialect, which columns play which role, and how timestamps are written.</summary>
/// <remarks>Every property left at its default is detected from the first 64 KiB of the file.</remarks>
public sealed class CsvImportOptions
{
    /// <summary>Detect everything.</summary>
    public static CsvImportOptions Default { get; } = new();

    /// <summary>The field delimiter; null detects among comma, semicolon, tab and pipe.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The quote character (RFC 4180: a quote inside a quoted field is doubled).</summary>
    public char Quote { get; init; } = '"';

    /// <summary>The text encoding; null detects: a byte order mark, else valid UTF-8, else Windows-1252.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Whether the first record names the columns. Without a header, columns are named <c>column1</c>, <c>column2</c>…</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The case id column; null detects it from the header (case_id, case, order_id, session_id, …).</summary>
    public string? CaseColumn { get; init; }

    /// <summary>The activity column; null detects it (activity, concept:name, event, event_type, action, …).</summary>
    public string? ActivityColumn { get; init; }

    /// <summary>The (completion) timestamp column; null detects it (timestamp, time:timestamp, time, date, …).</summary>
    public string? TimestampColumn { get; init; }

    /// <summary>The start timestamp column; null detects it (start_timestamp, start time, start).</summary>
    public string? StartTimestampColumn { get; init; }

    /// <summary>The resource column; null detects it (resource, org:resource, user, agent, employee).</summary>
    public string? ResourceColumn { get; init; }

    /// <summary>The channel column; null detects it (channel, source, medium).</summary>
    public string? ChannelColumn { get; init; }

    /// <summary>The lifecycle transition column; null detects it (lifecycle, lifecycle:transition).</summary>
    public string? LifecycleColumn { get; init; }

    /// <summary>The given event id column, stored as the string attribute <c>event_id</c>; null detects it (event_id).</summary>
    public string? EventIdColumn { get; init; }

    /// <summary>Columns holding case attributes; columns named <c>case:&lt;name&gt;</c> are case attributes anyway.</summary>
    public IReadOnlyList<string> CaseAttributeColumns { get; init; } = [];

    /// <summary>Columns not imported at all.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>
    /// Wide layout: one row per case with one timestamp column per step. Each non-empty cell of these columns becomes
    /// an event whose activity is the column name; no activity or timestamp column is needed then.
    /// </summary>
    public IReadOnlyList<string> WideTimestampColumns { get; init; } = [];

    /// <summary>
    /// Survey export: one row per answer. Every row becomes one event with this activity (for example <c>nps</c>; the
    /// VoC analysis reads the survey's scale from the name); no activity column is read.
    /// </summary>
    public string? SurveyActivity { get; init; }

    /// <summary>
    /// The column holding a numeric survey answer, stored as the event attribute <c>score</c> that the VoC analysis and
    /// the NPS/CSAT/CES KPIs read. A value that is not a number quarantines its row; a <see cref="MissingValues"/> token
    /// or an empty cell leaves the event without a score.
    /// </summary>
    public string? ScoreColumn { get; init; }

    /// <summary>The column holding a free-text comment, stored as the event attribute <c>comment</c>.</summary>
    public string? CommentColumn { get; init; }

    /// <summary>
    /// The time of every survey event when the file has no timestamp column (with <see cref="SurveyActivity"/>); a
    /// timestamp column, given or detected, wins. Never the current time: the import must be reproducible.
    /// </summary>
    public DateTimeOffset? SurveyDate { get; init; }

    /// <summary>Attribute cells equal to one of these (ordinal, ignoring case) are read as empty, e.g. <c>NA</c> in R exports.</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [];

    /// <summary>
    /// The timestamp format; null detects it per column. Otherwise <c>iso</c>, <c>unix-s</c>, <c>unix-ms</c> or a .NET
    /// custom format such as <c>dd-MM-yyyy HH:mm</c> (with <c>zzz</c> or <c>K</c> when the text carries an offset).
    /// </summary>
    public string? TimestampFormat { get; init; }

    /// <summary>The zone of timestamps written without offset; null means UTC. The zone's offset at each instant is kept.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Whether attribute columns get the type all their values share (long, double, boolean, ISO timestamp), else string.</summary>
    public bool DetectAttributeTypes { get; init; } = true;

    /// <summary>Attribute types given by column name; a value that does not fit quarantines its row.</summary>
    public IReadOnlyDictionary<string, AttributeType>? AttributeTypes { get; init; }

    /// <summary>
    /// A third file that maps the case column's value to another case id and/or adds case attributes (a join through
    /// a lookup, docs/formats/csv.md); null when none.
    /// </summary>
    public CsvLookup? Lookup { get; init; }
}
