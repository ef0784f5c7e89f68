using System.Text;
using System.Text.Json;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>The JSON lines import loop: one object per line, validated completely before its event is added.</summary>
internal sealed class JsonLinesReader
{
    private readonly CountingStream _counting;
    private readonly Utf8LineReader _lines;
    private readonly ImportSession _session;
    private readonly EventLogBuilder _builder = new(4096);
    private readonly Dictionary<string, JsonAttributeColumn> _eventColumns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonAttributeColumn> _caseColumns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _caseOrdinals = new(StringComparer.Ordinal);
    private readonly List<string> _caseIds = [];
    private readonly List<(string Key, AttributeValue Value)> _pending = [];

    public JsonLinesReader(Stream stream, ImportSession session)
    {
        _counting = new CountingStream(stream);
        _lines = new Utf8LineReader(_counting, session.Options.MaxRecordLength);
        _session = session;
    }

    public ImportResult Run(CancellationToken cancellationToken)
    {
        var any = false;
        while (_lines.TryReadLine(out var line))
        {
            if (!_lines.TooLong && IsBlank(line))
            {
                continue;
            }

            any = true;
            _session.RecordRead();
            if ((_session.RecordsRead & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _session.Report(_counting.BytesRead);
            if (_lines.TooLong)
            {
                Reject(null, $"the line is longer than the limit of {_session.Options.MaxRecordLength:N0} bytes (ImportOptions.MaxRecordLength)", null);
                continue;
            }

            try
            {
                ReadObject(line);
            }
            catch (JsonException ex)
            {
                Reject(null, $"invalid JSON: {ex.Message}", line);
            }
            catch (InvalidOperationException ex)
            {
                Reject(null, $"invalid JSON: {ex.Message}", line);
            }
        }

        if (!any)
        {
            throw _session.Fatal(0, 0, null, "the file is empty (no JSON objects)");
        }

        return Finish();
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private void ReadObject(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            Reject(null, "the line is not a JSON object", line);
            return;
        }

        string? caseId = null;
        string? activity = null;
        string? lifecycle = null;
        string? resource = null;
        string? channel = null;
        string? eventId = null;
        long ticks = 0;
        short offset = 0;
        var hasTimestamp = false;
        long startTicks = 0;
        short startOffset = 0;
        var hasStart = false;
        _pending.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            switch (key)
            {
                case "case_id" or "case:concept:name":
                    caseId = ScalarText(ref reader, line);
                    break;
                case "activity" or "concept:name":
                    activity = ScalarText(ref reader, line);
                    break;
                case "timestamp" or "time:timestamp":
                    if (!TryTimestamp(ref reader, key, line, out ticks, out offset))
                    {
                        return;
                    }

                    hasTimestamp = true;
                    break;
                case "start_timestamp":
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        if (!TryTimestamp(ref reader, key, line, out startTicks, out startOffset))
                        {
                            return;
                        }

                        hasStart = true;
                    }

                    break;
                case "lifecycle" or "lifecycle:transition":
                    lifecycle = ScalarText(ref reader, line);
                    break;
                case "resource" or "org:resource":
                    resource = ScalarText(ref reader, line);
                    break;
                case "channel":
                    channel = ScalarText(ref reader, line);
                    break;
                case "event_id":
                    eventId = ScalarText(ref reader, line);
                    break;
                default:
                    if (ReadValue(ref reader, key, line) is { } value)
                    {
                        _pending.Add((key, value));
                    }

                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(caseId))
        {
            Reject("case_id", caseId is null ? "the case id is missing" : "the case id is empty", line);
            return;
        }

        if (string.IsNullOrWhiteSpace(activity))
        {
            Reject("activity", activity is null ? "the activity is missing" : "the activity is empty", line);
            return;
        }

        if (!hasTimestamp)
        {
            Reject("timestamp", "the timestamp is missing", line);
            return;
        }

        var ev = _builder.AddEvent(caseId, activity, ticks, offset);
        if (hasStart)
        {
            _builder.SetStartTimestamp(ev, startTicks, startOffset);
        }

        if (lifecycle is not null)
        {
            _builder.SetLifecycle(ev, lifecycle);
        }

        if (resource is not null)
        {
            _builder.SetResource(ev, resource);
        }

        if (channel is not null)
        {
            _builder.SetChannel(ev, channel);
        }

        if (eventId is not null)
        {
            _builder.SetEventAttribute(ev, "event_id", AttributeValue.FromString(eventId));
        }

        foreach (var (key, value) in _pending)
        {
            if (key.StartsWith("case:", StringComparison.Ordinal))
            {
                var name = key[5..];
                Column(_caseColumns, name).Add(CaseOrdinal(caseId), value);
            }
            else
            {
                Column(_eventColumns, key).Add(ev, value);
            }
        }
    }

    private static JsonAttributeColumn Column(Dictionary<string, JsonAttributeColumn> columns, string name)
    {
        if (!columns.TryGetValue(name, out var column))
        {
            column = new JsonAttributeColumn(name);
            columns.Add(name, column);
        }

        return column;
    }

    private int CaseOrdinal(string caseId)
    {
        if (!_caseOrdinals.TryGetValue(caseId, out var ordinal))
        {
            ordinal = _caseIds.Count;
            _caseIds.Add(caseId);
            _caseOrdinals.Add(caseId, ordinal);
        }

        return ordinal;
    }

    /// <summary>A string, number or boolean as text; null for JSON null; nested values as their JSON text.</summary>
    private static string? ScalarText(ref Utf8JsonReader reader, ReadOnlySpan<byte> line) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => RawText(ref reader, line),
    };

    private static string RawText(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(line[start..((int)reader.TokenStartIndex + 1)]);
    }

    private AttributeValue? ReadValue(ref Utf8JsonReader reader, string key, ReadOnlySpan<byte> line)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return AttributeValue.FromString(reader.GetString()!);
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) && reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0
                    ? AttributeValue.FromLong(number)
                    : AttributeValue.FromDouble(reader.GetDouble());
            case JsonTokenType.True:
                return AttributeValue.FromBoolean(true);
            case JsonTokenType.False:
                return AttributeValue.FromBoolean(false);
            case JsonTokenType.Null:
                return null;
            default:
                _session.Warn($"key '{key}': nested objects and arrays are kept as their JSON text");
                return AttributeValue.FromString(RawText(ref reader, line));
        }
    }

    private bool TryTimestamp(ref Utf8JsonReader reader, string key, ReadOnlySpan<byte> line, out long ticks, out short offset)
    {
        ticks = 0;
        offset = 0;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            var format = Math.Abs(number) > 100_000_000_000 ? TimestampFormat.UnixMilliseconds : TimestampFormat.UnixSeconds;
            if (format.TryParse(number.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc, out ticks, out offset))
            {
                return true;
            }
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            if (TimestampFormat.Iso.TryParse(text, TimeZoneInfo.Utc, out ticks, out offset))
            {
                return true;
            }
        }

        var shown = reader.TokenType is JsonTokenType.String or JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.TokenType.ToString();
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        Reject(key, $"'{shown}' is not an ISO 8601 timestamp or a Unix time", line);
        return false;
    }

    private void Reject(string? field, string reason, ReadOnlySpan<byte> line) =>
        _session.Reject(_lines.LineNumber, _lines.LineOffset, field, reason, line.IsEmpty ? null : Encoding.UTF8.GetString(line[..Math.Min(line.Length, 4000)]));

    private ImportResult Finish()
    {
        foreach (var column in _eventColumns.Values)
        {
            WarnMixed(column);
            var handle = _builder.GetEventAttributeHandle(column.Name, column.ResolveType());
            column.Apply((row, value) => _builder.SetEventAttribute(row, handle, value));
        }

        foreach (var column in _caseColumns.Values)
        {
            WarnMixed(column);
            var handle = _builder.GetCaseAttributeHandle(column.Name, column.ResolveType());
            column.Apply((row, value) => _builder.SetCaseAttribute(_caseIds[row], handle, value));
        }

        return _session.Finish(_builder.Build(), JsonLinesImporter.Format);
    }

    private void WarnMixed(JsonAttributeColumn column)
    {
        if (column.Mixed)
        {
            _session.Warn($"key '{column.Name}': values of different JSON types; all read as {column.ResolveType()}");
        }
    }
}
