using System.CommandLine;
using System.Globalization;
using System.Text;
using Journeyscope.IO;

namespace Journeyscope.Cli.Commands;

/// <summary>The CSV column mapping and dialect options of <c>import</c>.</summary>
internal sealed class CsvMappingOptions
{
    private readonly Option<string?> _case = new("--case") { Description = "CSV: the case id column. Example: --case order_id" };
    private readonly Option<string?> _activity = new("--activity") { Description = "CSV: the activity column. Example: --activity event_type" };
    private readonly Option<string?> _timestamp = new("--timestamp") { Description = "CSV: the timestamp column. Example: --timestamp event_time" };
    private readonly Option<string?> _start = new("--start") { Description = "CSV: the start timestamp column, when events have durations." };
    private readonly Option<string?> _resource = new("--resource") { Description = "CSV: the resource column." };
    private readonly Option<string?> _channel = new("--channel") { Description = "CSV: the channel column. Example: --channel channel" };
    private readonly Option<string?> _timestampFormat = new("--timestamp-format")
    {
        Description = "CSV: timestamp format, 'iso', 'unix-s', 'unix-ms' or a .NET pattern. Example: --timestamp-format \"dd-MM-yyyy HH:mm\"",
    };

    private readonly Option<string?> _timeZone = new("--time-zone") { Description = "CSV: time zone of timestamps without offset (IANA id). Example: --time-zone Europe/Amsterdam" };
    private readonly Option<string?> _delimiter = new("--delimiter") { Description = "CSV: the field delimiter (detected when omitted). Example: --delimiter ';'" };
    private readonly Option<string?> _encoding = new("--encoding") { Description = "CSV: the text encoding (detected when omitted): utf-8, latin1, windows-1252." };
    private readonly Option<string[]> _caseAttributes = new("--case-attribute")
    {
        Description = "CSV: a column holding a case attribute (repeatable). Example: --case-attribute segment",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string[]> _wide = new("--wide-timestamps")
    {
        Description = "CSV: one row per case with one timestamp column per step; each non-empty cell becomes an event named after its column.\n" +
            "Example: --case order_id --wide-timestamps order_purchase_timestamp order_delivered_customer_date",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _survey = new("--survey")
    {
        Description = "CSV: a survey export, one row per answer; each row becomes an event with this activity (nps, csat, ces...).\n" +
            "Example: --survey nps --case id --score nps --comment explication",
    };

    private readonly Option<string?> _score = new("--score") { Description = "CSV: the column of numeric survey answers, imported as the attribute 'score'. Example: --score nps" };
    private readonly Option<string?> _comment = new("--comment") { Description = "CSV: the column of free-text comments, imported as the attribute 'comment'. Example: --comment text" };
    private readonly Option<string?> _surveyDate = new("--survey-date")
    {
        Description = "CSV: the date of every survey answer when the file has no date column (default: the file's modification time, UTC).\n" +
            "Example: --survey-date 2020-06-30",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _case, _activity, _timestamp, _start, _resource, _channel, _timestampFormat, _timeZone, _delimiter, _encoding, _caseAttributes, _wide, _survey, _score, _comment, _surveyDate })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The CSV options for <paramref name="file"/> (a survey without a date column is dated by the file's modification time).</summary>
    public CsvImportOptions Read(ParseResult parse, string file)
    {
        var delimiter = parse.GetValue(_delimiter);
        if (delimiter is { Length: > 1 } && delimiter != "\\t")
        {
            throw new UsageException($"--delimiter must be one character, got '{delimiter}'.");
        }

        var survey = parse.GetValue(_survey);
        if (survey is not null && string.IsNullOrWhiteSpace(survey))
        {
            throw new UsageException("--survey needs the name of the survey's events, e.g. --survey nps.");
        }

        var surveyDate = ParseDate(parse.GetValue(_surveyDate));
        if (surveyDate is not null && survey is null)
        {
            throw new UsageException("--survey-date dates the answers of a survey: give --survey NAME too.");
        }

        if (survey is not null && surveyDate is null && File.Exists(file))
        {
            // Deterministic for a given file (never "now"); documented in docs/formats/csv.md.
            surveyDate = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        }

        return new CsvImportOptions
        {
            CaseColumn = parse.GetValue(_case),
            ActivityColumn = parse.GetValue(_activity),
            TimestampColumn = parse.GetValue(_timestamp),
            StartTimestampColumn = parse.GetValue(_start),
            ResourceColumn = parse.GetValue(_resource),
            ChannelColumn = parse.GetValue(_channel),
            TimestampFormat = parse.GetValue(_timestampFormat),
            TimeZone = ParseZone(parse.GetValue(_timeZone)),
            Delimiter = delimiter is null ? null : delimiter == "\\t" ? '\t' : delimiter[0],
            Encoding = ParseEncoding(parse.GetValue(_encoding)),
            CaseAttributeColumns = parse.GetValue(_caseAttributes) ?? [],
            WideTimestampColumns = parse.GetValue(_wide) ?? [],
            SurveyActivity = survey,
            ScoreColumn = parse.GetValue(_score),
            CommentColumn = parse.GetValue(_comment),
            SurveyDate = surveyDate,
            MissingValues = survey is null ? [] : SurveyMissingValues,
        };
    }

    /// <summary>Cells read as "no answer" in a survey (R and spreadsheet exports).</summary>
    private static readonly string[] SurveyMissingValues = ["NA", "N/A"];

    private static DateTimeOffset? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : throw new UsageException($"--survey-date '{text}' is not a date; use ISO 8601, e.g. 2020-06-30 or 2020-06-30T12:00:00+02:00.");
    }

    private static TimeZoneInfo? ParseZone(string? id)
    {
        if (id is null)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new UsageException($"Unknown time zone '{id}'. Use an IANA id such as Europe/Amsterdam or UTC.");
        }
    }

    private static Encoding? ParseEncoding(string? name)
    {
        if (name is null)
        {
            return null;
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        try
        {
            return name.Equals("latin1", StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"Unknown encoding '{name}'. Use utf-8, latin1 or windows-1252.");
        }
    }
}
