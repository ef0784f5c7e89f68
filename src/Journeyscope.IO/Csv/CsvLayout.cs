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

    public List<string> Warnings { get; } = [];

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

    /// <summary>Maps the columns; throws for unknown names and missing mandatory roles.</summary>
    public static CsvLayout Resolve(string[] names, IReadOnlyList<string[]> sampleRows, CsvImportOptions csv, ImportSession session)
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
        layout.Case = layout.Assign(csv.CaseColumn, nameof(csv.CaseColumn), CaseNames, "case", session);
        if (wide.Count == 0)
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
            missing.Add("case id (CaseColumn)");
        }

        if (wide.Count == 0 && layout.Activity < 0)
        {
            missing.Add("activity (ActivityColumn)");
        }

        if (wide.Count == 0 && layout.Timestamp < 0)
        {
            missing.Add("timestamp (TimestampColumn)");
        }

        if (missing.Count > 0)
        {
            throw session.Fatal(1, -1, null, $"no column for the {string.Join(", ", missing)} was found among the header columns [{string.Join(", ", names)}]; name it in CsvImportOptions");
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

        return layout;
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
            Warnings.Add($"column '{Names[column]}': the timestamps of the sample do not share one format; reading them as {format?.Display ?? "iso"} (set CsvImportOptions.TimestampFormat)");
        }

        if (ambiguous)
        {
            Warnings.Add($"column '{Names[column]}': day and month order is ambiguous in the sample; reading {format!.Display} (day first); set CsvImportOptions.TimestampFormat if wrong");
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
            throw session.Fatal(1, -1, name, $"the column given in CsvImportOptions.{option} is not in the header [{string.Join(", ", Names)}]");
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
