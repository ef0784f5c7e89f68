using System.CommandLine;
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

    private readonly Option<string?> _lookup = new("--lookup")
    {
        Description = "CSV: look the case up in another CSV file: its --lookup-key column matches this file's --case column (or --lookup-on column); --lookup-case gives\n" +
            "the case id to use instead, and its other columns (or --lookup-attribute ones) become case attributes. Rows whose key it lacks are quarantined.\n" +
            "Example: --case customer_id --lookup olist_customers_dataset.csv --lookup-case customer_unique_id",
    };

    private readonly Option<string?> _lookupOn = new("--lookup-on")
    {
        Description = "CSV: this file's column to look up (default: --case); another column joins on a case attribute and keeps the case.\n" +
            "Example: --case order_id --lookup olist_customers_dataset.csv --lookup-on customer_id",
    };

    private readonly Option<string?> _lookupKey = new("--lookup-key") { Description = "CSV: the lookup file's key column (default: the --lookup-on, else --case, column's name). Example: --lookup-key customer_id" };
    private readonly Option<string?> _lookupCase = new("--lookup-case")
    {
        Description = "CSV: the lookup file's column whose value becomes the case id (default: keep the key). Example: --lookup-case customer_unique_id",
    };

    private readonly Option<string[]> _lookupAttributes = new("--lookup-attribute")
    {
        Description = "CSV: a column of the lookup file to add as a case attribute (repeatable; default: every column but the key and --lookup-case).\n" +
            "Example: --lookup-attribute customer_city customer_state",
        AllowMultipleArgumentsPerToken = true,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            _case, _activity, _timestamp, _start, _resource, _channel, _timestampFormat, _timeZone, _delimiter, _encoding, _caseAttributes, _wide, _survey, _score, _comment, _surveyDate,
            _lookup, _lookupOn, _lookupKey, _lookupCase, _lookupAttributes,
        })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The CSV options for <paramref name="file"/> (a survey without a date column is dated by the file's modification time).</summary>
    /// <remarks>The flags fill the one mapping model the API and the import wizard fill too (<see cref="CsvMappingText"/>).</remarks>
    public CsvImportOptions Read(ParseResult parse, string file)
    {
        var text = new CsvMappingText
        {
            Case = parse.GetValue(_case),
            Activity = parse.GetValue(_activity),
            Timestamp = parse.GetValue(_timestamp),
            StartTimestamp = parse.GetValue(_start),
            Resource = parse.GetValue(_resource),
            Channel = parse.GetValue(_channel),
            TimestampFormat = parse.GetValue(_timestampFormat),
            TimeZone = parse.GetValue(_timeZone),
            Delimiter = parse.GetValue(_delimiter),
            Encoding = parse.GetValue(_encoding),
            CaseAttributes = parse.GetValue(_caseAttributes) ?? [],
            WideTimestamps = parse.GetValue(_wide) ?? [],
            Survey = parse.GetValue(_survey),
            Score = parse.GetValue(_score),
            Comment = parse.GetValue(_comment),
            SurveyDate = parse.GetValue(_surveyDate),
            Lookup = parse.GetValue(_lookup),
            LookupOn = parse.GetValue(_lookupOn),
            LookupKey = parse.GetValue(_lookupKey),
            LookupCase = parse.GetValue(_lookupCase),
            LookupAttributes = parse.GetValue(_lookupAttributes) ?? [],
        };

        // Deterministic for a given file (never "now"); documented in docs/formats/csv.md.
        DateTimeOffset? fileDate = text.Survey is not null && File.Exists(file) ? new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero) : null;
        try
        {
            return text.ToOptions(Flag, fileDate);
        }
        catch (CsvMappingException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The flag that sets a <see cref="CsvMappingText"/> property.</summary>
    public static string Flag(string field) => field switch
    {
        nameof(CsvMappingText.Case) => "--case",
        nameof(CsvMappingText.Activity) => "--activity",
        nameof(CsvMappingText.Timestamp) => "--timestamp",
        nameof(CsvMappingText.StartTimestamp) => "--start",
        nameof(CsvMappingText.Resource) => "--resource",
        nameof(CsvMappingText.Channel) => "--channel",
        nameof(CsvMappingText.TimestampFormat) => "--timestamp-format",
        nameof(CsvMappingText.TimeZone) => "--time-zone",
        nameof(CsvMappingText.Delimiter) => "--delimiter",
        nameof(CsvMappingText.Encoding) => "--encoding",
        nameof(CsvMappingText.CaseAttributes) => "--case-attribute",
        nameof(CsvMappingText.WideTimestamps) => "--wide-timestamps",
        nameof(CsvMappingText.Survey) => "--survey",
        nameof(CsvMappingText.Score) => "--score",
        nameof(CsvMappingText.Comment) => "--comment",
        nameof(CsvMappingText.SurveyDate) => "--survey-date",
        nameof(CsvMappingText.Lookup) => "--lookup",
        nameof(CsvMappingText.LookupOn) => "--lookup-on",
        nameof(CsvMappingText.LookupKey) => "--lookup-key",
        nameof(CsvMappingText.LookupCase) => "--lookup-case",
        nameof(CsvMappingText.LookupAttributes) => "--lookup-attribute",
        _ => field,
    };
}
