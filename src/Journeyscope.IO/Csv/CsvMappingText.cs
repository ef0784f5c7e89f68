using System.Globalization;
using System.Text;

namespace Journeyscope.IO;

/// <summary>
/// The CSV mapping as a user writes it: column names and text settings, one model for the CLI's <c>import</c> flags, the
/// API's upload form fields and the import wizard. <see cref="ToOptions"/> checks and converts it to
/// <see cref="CsvImportOptions"/>; a bad value throws <see cref="CsvMappingException"/> naming the field as the caller
/// calls it (<c>--time-zone</c> in the CLI, <c>timeZone</c> in the API).
/// </summary>
public sealed class CsvMappingText
{
    /// <summary>Cells read as "no answer" in a survey (R and spreadsheet exports).</summary>
    private static readonly string[] SurveyMissingValues = ["NA", "N/A"];

    /// <summary>The case id column (the join key when several files make one journey).</summary>
    public string? Case { get; init; }

    /// <summary>The activity column.</summary>
    public string? Activity { get; init; }

    /// <summary>The (completion) timestamp column.</summary>
    public string? Timestamp { get; init; }

    /// <summary>The start timestamp column.</summary>
    public string? StartTimestamp { get; init; }

    /// <summary>The resource column.</summary>
    public string? Resource { get; init; }

    /// <summary>The channel column.</summary>
    public string? Channel { get; init; }

    /// <summary>The lifecycle transition column.</summary>
    public string? Lifecycle { get; init; }

    /// <summary>The event id column.</summary>
    public string? EventId { get; init; }

    /// <summary><c>iso</c>, <c>unix-s</c>, <c>unix-ms</c> or a .NET pattern such as <c>dd-MM-yyyy HH:mm</c>.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>The IANA time zone of timestamps written without offset.</summary>
    public string? TimeZone { get; init; }

    /// <summary>One character, or <c>\t</c>.</summary>
    public string? Delimiter { get; init; }

    /// <summary><c>utf-8</c>, <c>latin1</c>, <c>windows-1252</c> or another encoding name.</summary>
    public string? Encoding { get; init; }

    /// <summary>Columns holding case attributes.</summary>
    public IReadOnlyList<string> CaseAttributes { get; init; } = [];

    /// <summary>Wide layout: one timestamp column per step.</summary>
    public IReadOnlyList<string> WideTimestamps { get; init; } = [];

    /// <summary>Survey layout: the activity of every answer (<c>nps</c>, <c>csat</c>, <c>ces</c>, <c>review</c>…).</summary>
    public string? Survey { get; init; }

    /// <summary>Survey layout: the column of numeric answers.</summary>
    public string? Score { get; init; }

    /// <summary>Survey layout: the column of free-text comments.</summary>
    public string? Comment { get; init; }

    /// <summary>Survey layout: the date of every answer when the file has no date column (ISO 8601).</summary>
    public string? SurveyDate { get; init; }

    /// <summary>Lookup: the path of a third CSV file that maps the case column to another case id and/or adds case attributes.</summary>
    public string? Lookup { get; init; }

    /// <summary>
    /// Lookup: this file's column whose value is looked up (default: the case column); another column joins on a case
    /// attribute, e.g. Olist orders (case <c>order_id</c>) on <c>customer_id</c>.
    /// </summary>
    public string? LookupOn { get; init; }

    /// <summary>Lookup: the lookup's key column (default: the name of <see cref="LookupOn"/>, else of the case column).</summary>
    public string? LookupKey { get; init; }

    /// <summary>Lookup: the lookup's column whose value becomes the case id (default: keep the key).</summary>
    public string? LookupCase { get; init; }

    /// <summary>Lookup: the lookup's columns added as case attributes (default: every column but the key and the case).</summary>
    public IReadOnlyList<string> LookupAttributes { get; init; } = [];

    /// <summary>The name errors give the lookup file (an upload's original name); its file name when null.</summary>
    public string? LookupName { get; init; }

    /// <summary>Checks the text and converts it to importer options.</summary>
    /// <param name="fieldName">How the caller names a field of this class (by property name) in messages, e.g. <c>TimeZone</c> to <c>--time-zone</c>.</param>
    /// <param name="defaultSurveyDate">The date of a survey without date column when <see cref="SurveyDate"/> is not given (the CLI passes the file's modification time).</param>
    /// <exception cref="CsvMappingException">A value that cannot be used; the message names the field with <paramref name="fieldName"/>.</exception>
    public CsvImportOptions ToOptions(Func<string, string> fieldName, DateTimeOffset? defaultSurveyDate = null)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        var delimiter = Blank(Delimiter);
        if (delimiter is { Length: > 1 } && delimiter != "\\t")
        {
            throw Bad(nameof(Delimiter), $"{fieldName(nameof(Delimiter))} must be one character (or \\t), got '{delimiter}'.");
        }

        var survey = Survey;
        if (survey is not null && string.IsNullOrWhiteSpace(survey))
        {
            throw Bad(nameof(Survey), $"{fieldName(nameof(Survey))} needs the name of the survey's events, e.g. nps.");
        }

        var surveyDate = ParseDate(Blank(SurveyDate), fieldName);
        if (surveyDate is not null && survey is null)
        {
            throw Bad(nameof(SurveyDate), $"{fieldName(nameof(SurveyDate))} dates the answers of a survey: give {fieldName(nameof(Survey))} too.");
        }

        survey = Blank(survey);
        var lookup = Blank(Lookup);
        if (lookup is null)
        {
            foreach (var (field, given) in new[]
            {
                (nameof(LookupOn), Blank(LookupOn) is not null), (nameof(LookupKey), Blank(LookupKey) is not null), (nameof(LookupCase), Blank(LookupCase) is not null),
                (nameof(LookupAttributes), Columns(LookupAttributes).Length > 0),
            })
            {
                if (given)
                {
                    throw Bad(field, $"{fieldName(field)} names a column of the lookup file: give {fieldName(nameof(Lookup))} too.");
                }
            }
        }

        return new CsvImportOptions
        {
            Lookup = lookup is null ? null : new CsvLookup
            {
                Path = lookup,
                SourceName = Blank(LookupName),
                JoinColumn = Blank(LookupOn),
                KeyColumn = Blank(LookupKey),
                CaseColumn = Blank(LookupCase),
                AttributeColumns = Columns(LookupAttributes),
            },
            CaseColumn = Blank(Case),
            ActivityColumn = Blank(Activity),
            TimestampColumn = Blank(Timestamp),
            StartTimestampColumn = Blank(StartTimestamp),
            ResourceColumn = Blank(Resource),
            ChannelColumn = Blank(Channel),
            LifecycleColumn = Blank(Lifecycle),
            EventIdColumn = Blank(EventId),
            TimestampFormat = Blank(TimestampFormat),
            TimeZone = ParseZone(Blank(TimeZone), fieldName),
            Delimiter = delimiter is null ? null : delimiter == "\\t" ? '\t' : delimiter[0],
            Encoding = ParseEncoding(Blank(Encoding), fieldName),
            CaseAttributeColumns = Columns(CaseAttributes),
            WideTimestampColumns = Columns(WideTimestamps),
            SurveyActivity = survey,
            ScoreColumn = Blank(Score),
            CommentColumn = Blank(Comment),
            SurveyDate = survey is null ? null : surveyDate ?? defaultSurveyDate,
            MissingValues = survey is null ? [] : SurveyMissingValues,
        };
    }

    /// <summary>Splits a comma-separated list of column names (the API's form fields), dropping blanks.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string[] Columns(IReadOnlyList<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? ParseDate(string? text, Func<string, string> fieldName)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : throw Bad(nameof(SurveyDate), $"{fieldName(nameof(SurveyDate))} '{text}' is not a date; use ISO 8601, e.g. 2020-06-30 or 2020-06-30T12:00:00+02:00.");
    }

    private static TimeZoneInfo? ParseZone(string? id, Func<string, string> fieldName)
    {
        if (id is null)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Bad(nameof(TimeZone), $"{fieldName(nameof(TimeZone))}: unknown time zone '{id}'. Use an IANA id such as Europe/Amsterdam or UTC.");
        }
    }

    private static Encoding? ParseEncoding(string? name, Func<string, string> fieldName)
    {
        if (name is null)
        {
            return null;
        }

        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return name.Equals("latin1", StringComparison.OrdinalIgnoreCase) ? System.Text.Encoding.Latin1 : System.Text.Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw Bad(nameof(Encoding), $"{fieldName(nameof(Encoding))}: unknown encoding '{name}'. Use utf-8, latin1 or windows-1252.");
        }
    }

    private static CsvMappingException Bad(string field, string message) => new(field, message);
}
