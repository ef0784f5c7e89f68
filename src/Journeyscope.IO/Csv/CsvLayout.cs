using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>Which column plays which role, and how each column's text is read, decided from the header and the sample.</summary>
internal sealed class CsvLayout
{
    private static readonly string[] CaseNames =
        ["case_id", "case", "caseid", "case:concept:name", "case id", "case_key", "trace_id", "order_id", "ticket_id", "incident_id", "session_id", "user_session", "customer_id", "user_id", "client_id"];

    private static readonly string[] ActivityNames =
        ["activity", "concept:name", "activity name", "activity_id", "event", "event_name", "event_type", "action", "step", "task", "operation"];

    private static readonly string[] TimestampNames =
        ["timestamp", "time:timestamp", "complete timestamp", "end timestamp", "event_time", "event timestamp", "datetime", "time", "date", "end_time", "end"];

    private static readonly string[] StartNames = ["start_timestamp", "start timestamp", "start time", "start_time", "start"];

    private static readonly string[] ResourceNames = ["resource", "org:resource", "user", "agent", "employee", "performer"];

    private static readonly string[] ChannelNames = ["channel", "source", "medium"];

    private static readonly string[] LifecycleNames = ["lifecycle", "lifecycle:transition", "transition"];

    private static readonly string[] EventIdNames = ["event_id", "eventid"];

    private CsvLayout(string[] names)
    {
        Names = names;
        Roles = new string[names.Length];
        Array.Fill(Roles, "attribute");
        Formats = new TimestampFormat?[names.Length];
        Types = new AttributeType[names.Length];
        AttributeNames = new string[names.Length];
    }

    public string[] Names { get; }

    public string[] Roles { get; }

    public TimestampFormat?[] Formats { get; }

    /// <summary>Types detected from the sample (for inspection); the import decides from every value.</summary>
    public AttributeType[] Types { get; }

    /// <summary>The attribute name each attribute column is stored under (<c>case:</c> prefix removed for case attributes).</summary>
    public string[] AttributeNames { get; }

    public int Case { get; private set; } = -1;

    public int Activity { get; private set; } = -1;

    public int Timestamp { get; private set; } = -1;

    public int Start { get; private set; } = -1;

    public int Resource { get; private set; } = -1;

    public int Channel { get; private set; } = -1;

    public int Lifecycle { get; private set; } = -1;

    public int EventId { get; private set; } = -1;

    public int[] Wide { get; private set; } = [];

    /// <summary>The survey answer column (<see cref="CsvImportOptions.ScoreColumn"/>), stored as <c>score</c>; -1 when none.</summary>
    public int Score { get; private set; } = -1;

    /// <summary>The survey comment column (<see cref="CsvImportOptions.CommentColumn"/>), stored as <c>comment</c>; -1 when none.</summary>
    public int Comment { get; private set; } = -1;

    public List<string> Warnings { get; } = [];

    /// <summary>Lenient resolution: the mandatory roles no column plays, each with the flag that sets it.</summary>
    public List<string> Missing { get; } = [];

    public static string[] HeaderNames(string[]? header, int fieldCount)
    {
        var count = header?.Length ?? fieldCount;
        var names = new string[count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = header?[i].Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                name = $"column{i + 1}";
            }

            var unique = name;
            for (var k = 2; !seen.Add(unique); k++)
            {
                unique = $"{name}_{k}";
            }

            names[i] = unique;
        }

        return names;
    }

    /// <summary>Maps the columns; throws for unknown names and, unless <paramref name="lenient"/>, for missing mandatory roles.</summary>
    /// <param name="names">The header names.</param>
    /// <param name="sampleRows">The sample's data rows.</param>
    /// <param name="csv">The user's options.</param>
    /// <param name="session">For errors.</param>
    /// <param name="lenient">
    /// Inspection: a mandatory role without a column is a warning naming the wizard's control and the CLI flag, not an
    /// error, so that the wizard can show every column and let the user choose.
    /// </param>
    public static CsvLayout Resolve(string[] names, IReadOnlyList<string[]> sampleRows, CsvImportOptions csv, ImportSession session, bool lenient = false)
    {
        var layout = new CsvLayout(names);
        foreach (var ignored in csv.IgnoredColumns)
        {
            layout.Roles[layout.Require(ignored, nameof(csv.IgnoredColumns), session)] = "ignored";
        }

        var wide = new List<int>();
        foreach (var column in csv.WideTimestampColumns)
        {
            var index = layout.Require(column, nameof(csv.WideTimestampColumns), session);
            layout.Roles[index] = "wide_timestamp";
            wide.Add(index);
        }

        layout.Wide = [.. wide];
        layout.Score = csv.ScoreColumn is null ? -1 : layout.Require(csv.ScoreColumn, nameof(csv.ScoreColumn), session);
        layout.Comment = csv.CommentColumn is null ? -1 : layout.Require(csv.CommentColumn, nameof(csv.CommentColumn), session);
        if (layout.Score >= 0)
        {
            layout.Roles[layout.Score] = "score";
        }

        if (layout.Comment >= 0)
        {
            layout.Roles[layout.Comment] = "comment";
        }

        var survey = csv.SurveyActivity is not null;
        if (survey && (csv.ActivityColumn is not null || wide.Count > 0))
        {
            throw session.Fatal(1, -1, null, "a survey (--survey) names its own activity: do not give --activity or --wide-timestamps with it");
        }

        layout.Case = layout.Assign(csv.CaseColumn, nameof(csv.CaseColumn), CaseNames, "case", session);
        if (survey)
        {
            layout.Timestamp = layout.Assign(csv.TimestampColumn, nameof(csv.TimestampColumn), TimestampNames, "timestamp", session);
        }
        else if (wide.Count == 0)
        {
            layout.Activity = layout.Assign(csv.ActivityColumn, nameof(csv.ActivityColumn), ActivityNames, "activity", session);
            layout.Timestamp = layout.Assign(csv.TimestampColumn, nameof(csv.TimestampColumn), TimestampNames, "timestamp", session);
        }
        else
        {
            layout.Activity = csv.ActivityColumn is null ? -1 : layout.Assign(csv.ActivityColumn, nameof(csv.ActivityColumn), [], "activity", session);
        }

        layout.Start = layout.Assign(csv.StartTimestampColumn, nameof(csv.StartTimestampColumn), StartNames, "start_timestamp", session);
        layout.Resource = layout.Assign(csv.ResourceColumn, nameof(csv.ResourceColumn), ResourceNames, "resource", session);
        layout.Channel = layout.Assign(csv.ChannelColumn, nameof(csv.ChannelColumn), ChannelNames, "channel", session);
        layout.Lifecycle = layout.Assign(csv.LifecycleColumn, nameof(csv.LifecycleColumn), LifecycleNames, "lifecycle", session);
        layout.EventId = layout.Assign(csv.EventIdColumn, nameof(csv.EventIdColumn), EventIdNames, "event_id", session);

        var missing = new List<string>();
        if (layout.Case < 0)
        {
            missing.Add("case id (use --case COLUMN; in the import wizard: 'Case id column')");
        }

        if (!survey && wide.Count == 0 && layout.Activity < 0)
        {
            missing.Add("activity (use --activity COLUMN, or --survey NAME for a survey export; in the import wizard: 'Activity column', or the survey or wide layout)");
        }

        if (wide.Count == 0 && layout.Timestamp < 0 && !(survey && csv.SurveyDate is not null))
        {
            missing.Add(survey
                ? "timestamp (use --timestamp COLUMN, or --survey-date DATE when the survey has no date; in the import wizard: 'Timestamp column' or 'Survey date')"
                : "timestamp (use --timestamp COLUMN; in the import wizard: 'Timestamp column')");
        }

        if (missing.Count > 0 && lenient)
        {
            layout.Missing.AddRange(missing);
        }
        else if (missing.Count > 0)
        {
            throw session.Fatal(1, -1, null, $"no column for the {string.Join(", ", missing)} was found among the header columns [{string.Join(", ", names)}]");
        }

        var caseAttributes = new HashSet<int>();
        foreach (var column in csv.CaseAttributeColumns)
        {
            caseAttributes.Add(layout.Require(column, nameof(csv.CaseAttributeColumns), session));
        }

        var explicitFormat = csv.TimestampFormat is null ? null : TimestampFormat.FromOption(csv.TimestampFormat);
        for (var i = 0; i < names.Length; i++)
        {
            var role = layout.Roles[i];
            if (role is "timestamp" or "start_timestamp" or "wide_timestamp")
            {
                layout.Types[i] = AttributeType.Timestamp;
                layout.Formats[i] = explicitFormat ?? layout.DetectFormat(i, sampleRows);
            }
            else if (role is "score" or "comment")
            {
                layout.AttributeNames[i] = role;
                layout.Types[i] = role == "comment" ? AttributeType.String
                    : DetectType(i, sampleRows, TimeZoneInfo.Utc) is AttributeType.Long ? AttributeType.Long : AttributeType.Double;
            }
            else if (role == "attribute")
            {
                var isCase = caseAttributes.Contains(i) || names[i].StartsWith("case:", StringComparison.OrdinalIgnoreCase);
                layout.Roles[i] = isCase ? "case_attribute" : "attribute";
                layout.AttributeNames[i] = isCase && names[i].StartsWith("case:", StringComparison.OrdinalIgnoreCase) ? names[i][5..] : names[i];
                layout.Types[i] = csv.AttributeTypes is not null && csv.AttributeTypes.TryGetValue(names[i], out var given) ? given
                    : csv.DetectAttributeTypes ? DetectType(i, sampleRows, csv.TimeZone ?? TimeZoneInfo.Utc)
                    : AttributeType.String;
            }
            else
            {
                layout.Types[i] = AttributeType.String;
            }
        }

        layout.CheckSurveyNames(session);
        if (survey && layout.Timestamp < 0 && csv.SurveyDate is { } date)
        {
            layout.Warnings.Add($"no date column: every survey answer is dated {date.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture)} (set --survey-date or --timestamp)");
        }

        return layout;
    }

    /// <summary>The flag of the <c>import</c> command that sets a <see cref="CsvImportOptions"/> property, for messages.</summary>
    private static string Flag(string option) => option switch
    {
        nameof(CsvImportOptions.CaseColumn) => "--case",
        nameof(CsvImportOptions.ActivityColumn) => "--activity",
        nameof(CsvImportOptions.TimestampColumn) => "--timestamp",
        nameof(CsvImportOptions.StartTimestampColumn) => "--start",
        nameof(CsvImportOptions.ResourceColumn) => "--resource",
        nameof(CsvImportOptions.ChannelColumn) => "--channel",
        nameof(CsvImportOptions.CaseAttributeColumns) => "--case-attribute",
        nameof(CsvImportOptions.WideTimestampColumns) => "--wide-timestamps",
        nameof(CsvImportOptions.ScoreColumn) => "--score",
        nameof(CsvImportOptions.CommentColumn) => "--comment",
        nameof(CsvImportOptions.LifecycleColumn) => "the lifecycle mapping",
        nameof(CsvImportOptions.EventIdColumn) => "the event id mapping",
        _ => "the ignored columns",
    };

    private void CheckSurveyNames(ImportSession session)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (Roles[i] is "attribute" && ((Score >= 0 && AttributeNames[i] == "score") || (Comment >= 0 && AttributeNames[i] == "comment")))
            {
                throw session.Fatal(1, -1, Names[i], $"the column '{Names[i]}' has the name the survey answer gets; map it with --score or --comment instead");
            }
        }
    }

    private static AttributeType DetectType(int column, IReadOnlyList<string[]> rows, TimeZoneInfo zone)
    {
        var flags = AttributeText.All;
        var any = false;
        foreach (var row in rows)
        {
            if (column < row.Length && row[column].Length > 0)
            {
                any = true;
                flags &= AttributeText.Classify(row[column], zone);
            }
        }

        return any ? AttributeText.TypeOf(flags) : AttributeType.String;
    }

    private TimestampFormat DetectFormat(int column, IReadOnlyList<string[]> rows)
    {
        var values = new List<string>();
        foreach (var row in rows)
        {
            if (column < row.Length && !string.IsNullOrWhiteSpace(row[column]))
            {
                values.Add(row[column]);
            }
        }

        var format = TimestampFormat.Detect(values, allowUnix: true, out var ambiguous);
        if (format is null && values.Count > 0)
        {
            // Mixed formats: follow the first value; rows in another format are quarantined.
            format = TimestampFormat.Detect([values[0]], allowUnix: true, out ambiguous);
            Warnings.Add($"column '{Names[column]}': the timestamps of the sample do not share one format; reading them as {format?.Display ?? "iso"} (set --timestamp-format)");
        }

        if (ambiguous)
        {
            Warnings.Add($"column '{Names[column]}': day and month order is ambiguous in the sample; reading {format!.Display} (day first); set --timestamp-format if wrong");
        }

        return format ?? TimestampFormat.Iso;
    }

    private int Assign(string? given, string option, string[] candidates, string role, ImportSession session)
    {
        if (given is not null)
        {
            var index = Require(given, option, session);
            Roles[index] = role;
            return index;
        }

        foreach (var candidate in candidates)
        {
            var wanted = Normalize(candidate);
            for (var i = 0; i < Names.Length; i++)
            {
                if (Roles[i] == "attribute" && string.Equals(Normalize(Names[i]), wanted, StringComparison.Ordinal))
                {
                    Roles[i] = role;
                    return i;
                }
            }
        }

        return -1;
    }

    private int Require(string name, string option, ImportSession session)
    {
        var index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        }

        if (index < 0)
        {
            throw session.Fatal(1, -1, name, $"the column '{name}' given with {Flag(option)} is not in the header [{string.Join(", ", Names)}]");
        }

        return index;
    }

    private static string Normalize(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 128)];
        var n = 0;
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 128)))
        {
            if (c is not (' ' or '_' or '-'))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
