namespace Journeyscope.Server.Api.Dtos;

/// <summary>
/// The form fields of an upload (multipart/form-data) for POST .../imports and .../imports/inspect. Every field is
/// optional; the CSV mapping fields override what is detected.
/// </summary>
public sealed class ImportForm
{
    /// <summary><c>lenient</c> (default: bad records are quarantined) or <c>strict</c> (the first bad record fails the upload).</summary>
    public string? Mode { get; set; }

    /// <summary>The format: <c>xes</c>, <c>csv</c>, <c>jsonl</c>, <c>parquet</c> or <c>ocel</c>; detected when omitted.</summary>
    public string? Format { get; set; }

    /// <summary>CSV: the case id column.</summary>
    public string? Case { get; set; }

    /// <summary>CSV: the activity column.</summary>
    public string? Activity { get; set; }

    /// <summary>CSV: the (completion) timestamp column.</summary>
    public string? Timestamp { get; set; }

    /// <summary>CSV: the start timestamp column.</summary>
    public string? StartTimestamp { get; set; }

    /// <summary>CSV: the resource column.</summary>
    public string? Resource { get; set; }

    /// <summary>CSV: the channel column.</summary>
    public string? Channel { get; set; }

    /// <summary>CSV: the lifecycle column.</summary>
    public string? Lifecycle { get; set; }

    /// <summary>CSV: the event id column.</summary>
    public string? EventId { get; set; }

    /// <summary>CSV: the timestamp format: <c>iso</c>, <c>unix-s</c>, <c>unix-ms</c> or a .NET pattern such as <c>dd-MM-yyyy HH:mm</c>.</summary>
    public string? TimestampFormat { get; set; }

    /// <summary>CSV: the time zone (IANA id) of timestamps written without offset; UTC when omitted.</summary>
    public string? TimeZone { get; set; }

    /// <summary>CSV: the delimiter (one character, or <c>\t</c>); detected when omitted.</summary>
    public string? Delimiter { get; set; }

    /// <summary>CSV: the encoding (<c>utf-8</c>, <c>latin1</c>, <c>windows-1252</c>); detected when omitted.</summary>
    public string? Encoding { get; set; }

    /// <summary>CSV: columns holding case attributes, comma-separated.</summary>
    public string? CaseAttributes { get; set; }

    /// <summary>CSV, wide layout: the timestamp column of each step, comma-separated (one row per case; each non-empty cell is an event named after its column).</summary>
    public string? WideTimestamps { get; set; }

    /// <summary>CSV, survey layout: the activity of every answer (<c>nps</c>, <c>csat</c>, <c>ces</c>…); one event per row.</summary>
    public string? Survey { get; set; }

    /// <summary>CSV, survey layout: the column of numeric answers, stored as the attribute <c>score</c>.</summary>
    public string? Score { get; set; }

    /// <summary>CSV, survey layout: the column of free-text comments, stored as the attribute <c>comment</c>.</summary>
    public string? Comment { get; set; }

    /// <summary>CSV, survey layout: the date of every answer when the file has no date column (ISO 8601).</summary>
    public string? SurveyDate { get; set; }

    /// <summary>OCEL: the object type used as the case notion.</summary>
    public string? ObjectType { get; set; }

    /// <summary>Lookup: this file's column whose value is looked up (a case attribute, e.g. <c>customer_id</c>); default the case column.</summary>
    public string? LookupOn { get; set; }

    /// <summary>Lookup (with the multipart file field <c>lookup</c>): the lookup's key column; default the name of <see cref="LookupOn"/>, else of the case column.</summary>
    public string? LookupKey { get; set; }

    /// <summary>Lookup: the lookup's column whose value becomes the case id; default keep the key.</summary>
    public string? LookupCase { get; set; }

    /// <summary>Lookup: comma-separated lookup columns added as case attributes; default every column but the key and the case.</summary>
    public string? LookupAttributes { get; set; }

    /// <summary>A kept upload's id (<c>POST …/imports/uploads</c>) to inspect or import instead of sending the file part again.</summary>
    public string? UploadId { get; set; }
}
