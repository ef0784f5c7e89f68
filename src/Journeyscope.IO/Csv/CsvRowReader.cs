using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.IO;

/// <summary>The import loop: validates each record, adds its event(s), and collects attribute columns.</summary>
internal sealed class CsvRowReader
{
    private readonly CsvRecordReader _reader;
    private readonly CsvLayout _layout;
    private readonly CsvImportOptions _csv;
    private readonly ImportSession _session;
    private readonly CountingStream _counting;
    private readonly TimeZoneInfo _zone;
    private readonly EventLogBuilder _builder = new(4096);
    private readonly TextAttributeColumn?[] _attributes;
    private readonly bool[] _isCaseAttribute;
    private readonly int[] _codes;
    private readonly Dictionary<string, int>? _caseOrdinals;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _caseLookup;
    private readonly List<string> _caseIds = [];
    private readonly long[] _wideTicks;
    private readonly short[] _wideOffsets;
    private readonly CsvLookupTable? _lookup;
    private readonly TextAttributeColumn[] _lookupColumns;
    private readonly int[] _lookupCodes;
    private readonly int _join;
    private int _eventIdHandle = -1;

    public CsvRowReader(CsvRecordReader reader, CsvLayout layout, CsvImportOptions csv, ImportSession session, CountingStream counting, CsvLookupTable? lookup = null, int join = -1)
    {
        _reader = reader;
        _layout = layout;
        _csv = csv;
        _session = session;
        _counting = counting;
        _zone = csv.TimeZone ?? TimeZoneInfo.Utc;
        var count = layout.Names.Length;
        _attributes = new TextAttributeColumn?[count];
        _isCaseAttribute = new bool[count];
        _codes = new int[count];
        var anyCaseAttribute = false;
        for (var i = 0; i < count; i++)
        {
            if (layout.Roles[i] is "attribute" or "case_attribute" or "score" or "comment")
            {
                AttributeType? forced = layout.Roles[i] == "comment" ? AttributeType.String
                    : csv.AttributeTypes is not null && csv.AttributeTypes.TryGetValue(layout.Names[i], out var type) ? type : null;
                _attributes[i] = new TextAttributeColumn(layout.AttributeNames[i], forced, csv.DetectAttributeTypes || i == layout.Score, _zone);
                _isCaseAttribute[i] = layout.Roles[i] == "case_attribute";
                anyCaseAttribute |= _isCaseAttribute[i];
            }
        }

        _lookup = lookup;
        _join = join < 0 ? layout.Case : join;
        _lookupColumns = lookup is null ? [] : [.. lookup.AttributeNames.Select(name => new TextAttributeColumn(name, null, csv.DetectAttributeTypes, _zone))];
        _lookupCodes = new int[_lookupColumns.Length];
        if (anyCaseAttribute || _lookupColumns.Length > 0)
        {
            _caseOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
            _caseLookup = _caseOrdinals.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        _wideTicks = new long[layout.Wide.Length];
        _wideOffsets = new short[layout.Wide.Length];
    }

    public ImportResult Run(CancellationToken cancellationToken)
    {
        var expected = _layout.Names.Length;
        if (_csv.HasHeader && !_reader.Read())
        {
            return _session.Finish(_builder.Build(), CsvImporter.Format);
        }

        while (_reader.Read())
        {
            _session.RecordRead();
            if ((_session.RecordsRead & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _session.Report(_counting.BytesRead);
            if (_reader.Error is { } error)
            {
                _session.Reject(_reader.StartLine, -1, null, error, _reader.RawText());
                continue;
            }

            if (_reader.FieldCount != expected)
            {
                _session.Reject(_reader.StartLine, -1, null, $"expected {expected} fields as in the header, found {_reader.FieldCount}", _reader.RawText());
                continue;
            }

            ReadRow();
        }

        return Finish();
    }

    private void ReadRow()
    {
        var caseId = _reader[_layout.Case];
        if (caseId.IsWhiteSpace())
        {
            Reject(_layout.Case, "the case id is empty");
            return;
        }

        if (_lookup is not null)
        {
            var key = _join == _layout.Case ? caseId : _reader[_join];
            if (!_lookup.TryFind(key.Trim(), out var entry))
            {
                Reject(_join, $"the key '{Cut(key)}' is not in the lookup {_lookup.Source} (column {_lookup.KeyColumn})");
                return;
            }

            if (entry.CaseId is { } mapped)
            {
                caseId = mapped;
            }

            for (var j = 0; j < _lookupColumns.Length; j++)
            {
                var value = entry.Values[j];
                _lookupCodes[j] = value.Length == 0 || IsMissing(value) || !_lookupColumns[j].TryIntern(value, out var code) ? -1 : code;
            }
        }

        var activity = _layout.Activity >= 0 ? _reader[_layout.Activity] : _csv.SurveyActivity.AsSpan();
        if (_layout.Activity >= 0 && activity.IsWhiteSpace() && _layout.Wide.Length == 0)
        {
            Reject(_layout.Activity, "the activity is empty");
            return;
        }

        long ticks = 0;
        short offset = 0;
        if (_layout.Timestamp >= 0 && !TryTimestamp(_layout.Timestamp, required: true, out ticks, out offset))
        {
            return;
        }

        if (_layout.Timestamp < 0 && _csv.SurveyDate is { } surveyDate)
        {
            ticks = surveyDate.UtcTicks;
            offset = (short)surveyDate.Offset.TotalMinutes;
        }

        long startTicks = 0;
        short startOffset = 0;
        var hasStart = _layout.Start >= 0 && !_reader[_layout.Start].IsWhiteSpace();
        if (hasStart && !TryTimestamp(_layout.Start, required: true, out startTicks, out startOffset))
        {
            return;
        }

        var wideCount = 0;
        for (var w = 0; w < _layout.Wide.Length; w++)
        {
            var column = _layout.Wide[w];
            if (_reader[column].IsWhiteSpace())
            {
                _wideTicks[w] = long.MinValue;
                continue;
            }

            if (!TryTimestamp(column, required: true, out _wideTicks[w], out _wideOffsets[w]))
            {
                return;
            }

            wideCount++;
        }

        if (_layout.Wide.Length > 0 && wideCount == 0)
        {
            Reject(_layout.Wide[0], $"none of the timestamp columns [{string.Join(", ", _layout.Wide.Select(i => _layout.Names[i]))}] has a value");
            return;
        }

        for (var i = 0; i < _attributes.Length; i++)
        {
            _codes[i] = -1;
            if (_attributes[i] is not { } column)
            {
                continue;
            }

            var text = _reader[i];
            if (text.IsEmpty || IsMissing(text))
            {
                continue;
            }

            // Checked before interning, so that a rejected answer does not turn the score column into text.
            if (i == _layout.Score && (AttributeText.Classify(text, _zone) & AttributeText.Double) == 0)
            {
                Reject(i, $"the survey answer '{Cut(text)}' is not a number");
                return;
            }

            if (!column.TryIntern(text, out _codes[i]))
            {
                Reject(i, $"'{Cut(text)}' is not a {column.Forced} as the type given for this column requires");
                return;
            }

            if (column.IsOutOfRange(_codes[i]))
            {
                Reject(i, $"number out of range: '{Cut(text)}' is beyond the range of a double (about ±1.8e308)");
                return;
            }
        }

        if (_layout.Wide.Length == 0)
        {
            AddEvent(caseId, activity, ticks, offset, hasStart, startTicks, startOffset);
        }
        else
        {
            for (var w = 0; w < _layout.Wide.Length; w++)
            {
                if (_wideTicks[w] != long.MinValue)
                {
                    AddEvent(caseId, _layout.Names[_layout.Wide[w]], _wideTicks[w], _wideOffsets[w], hasStart, startTicks, startOffset);
                }
            }
        }
    }

    private bool IsMissing(ReadOnlySpan<char> text)
    {
        foreach (var token in _csv.MissingValues)
        {
            if (text.Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void AddEvent(ReadOnlySpan<char> caseId, ReadOnlySpan<char> activity, long ticks, short offset, bool hasStart, long startTicks, short startOffset)
    {
        var ev = _builder.AddEvent(caseId, activity, ticks, offset);
        if (hasStart)
        {
            _builder.SetStartTimestamp(ev, startTicks, startOffset);
        }

        SetString(_layout.Resource, ev, static (b, e, v) => b.SetResource(e, v));
        SetString(_layout.Channel, ev, static (b, e, v) => b.SetChannel(e, v));
        SetString(_layout.Lifecycle, ev, static (b, e, v) => b.SetLifecycle(e, v));
        if (_layout.EventId >= 0 && !_reader[_layout.EventId].IsEmpty)
        {
            if (_eventIdHandle < 0)
            {
                _eventIdHandle = _builder.GetEventAttributeHandle("event_id", AttributeType.String);
            }

            _builder.SetEventAttribute(ev, _eventIdHandle, _reader[_layout.EventId]);
        }

        var caseOrdinal = -1;
        for (var j = 0; j < _lookupCodes.Length; j++)
        {
            if (_lookupCodes[j] >= 0)
            {
                if (caseOrdinal < 0)
                {
                    caseOrdinal = CaseOrdinal(caseId);
                }

                _lookupColumns[j].Set(caseOrdinal, _lookupCodes[j]);
            }
        }

        for (var i = 0; i < _attributes.Length; i++)
        {
            if (_codes[i] < 0)
            {
                continue;
            }

            if (_isCaseAttribute[i])
            {
                if (caseOrdinal < 0)
                {
                    caseOrdinal = CaseOrdinal(caseId);
                }

                _attributes[i]!.Set(caseOrdinal, _codes[i]);
            }
            else
            {
                _attributes[i]!.Set(ev, _codes[i]);
            }
        }
    }

    private void SetString(int column, int ev, SpanSetter setter)
    {
        if (column >= 0 && !_reader[column].IsEmpty)
        {
            setter(_builder, ev, _reader[column]);
        }
    }

    private delegate void SpanSetter(EventLogBuilder builder, int ev, ReadOnlySpan<char> value);

    private int CaseOrdinal(ReadOnlySpan<char> caseId)
    {
        if (!_caseLookup.TryGetValue(caseId, out var ordinal))
        {
            var id = caseId.ToString();
            ordinal = _caseIds.Count;
            _caseIds.Add(id);
            _caseOrdinals!.Add(id, ordinal);
        }

        return ordinal;
    }

    private bool TryTimestamp(int column, bool required, out long ticks, out short offset)
    {
        var text = _reader[column];
        var format = _layout.Formats[column]!;
        if (format.TryParse(text, _zone, out ticks, out offset))
        {
            return true;
        }

        if (required)
        {
            Reject(column, text.IsWhiteSpace() ? "the timestamp is empty" : $"'{Cut(text)}' is not a timestamp in the format {format.Display}");
        }

        return false;
    }

    private void Reject(int column, string reason) =>
        _session.Reject(_reader.StartLine, -1, _layout.Names[column], reason, _reader.RawText());

    private static string Cut(ReadOnlySpan<char> text) => text.Length <= 80 ? text.ToString() : string.Concat(text[..80], "…");

    private ImportResult Finish()
    {
        foreach (var column in _lookupColumns)
        {
            if (column.RowCount == 0)
            {
                continue;
            }

            WarnOnConflicts(column, $"lookup column '{column.Name}'");

            var type = column.ResolveType();
            var values = column.ParsedValues(type);
            var codes = column.Codes;
            var handle = _builder.GetCaseAttributeHandle(column.Name, type);
            for (var c = 0; c < codes.Length; c++)
            {
                if (codes[c] >= 0)
                {
                    _builder.SetCaseAttribute(_caseIds[c], handle, values[codes[c]]);
                }
            }
        }

        for (var i = 0; i < _attributes.Length; i++)
        {
            if (_attributes[i] is not { } column || column.RowCount == 0)
            {
                continue;
            }

            var type = column.ResolveType();
            var values = column.ParsedValues(type);
            var codes = column.Codes;
            if (_isCaseAttribute[i])
            {
                WarnOnConflicts(column, $"case attribute '{column.Name}'");
                var handle = _builder.GetCaseAttributeHandle(column.Name, type);
                for (var c = 0; c < codes.Length; c++)
                {
                    if (codes[c] >= 0)
                    {
                        _builder.SetCaseAttribute(_caseIds[c], handle, values[codes[c]]);
                    }
                }
            }
            else
            {
                var handle = _builder.GetEventAttributeHandle(column.Name, type);
                for (var ev = 0; ev < codes.Length; ev++)
                {
                    if (codes[ev] >= 0)
                    {
                        _builder.SetEventAttribute(ev, handle, values[codes[ev]]);
                    }
                }
            }
        }

        return _session.Finish(_builder.Build(), CsvImporter.Format);
    }

    /// <summary>Says, once per column, that some cases had differing values across their rows and which one was kept.</summary>
    private void WarnOnConflicts(TextAttributeColumn column, string what)
    {
        if (column.Conflicts == 0)
        {
            return;
        }

        var (row, old, replaced) = column.FirstConflict;
        _session.Warn(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {column.Conflicts:N0} time(s) a case's rows gave it differing values (first: case '{Cut(_caseIds[row])}', '{Cut(old)}' then '{Cut(replaced)}'); the last row's value is kept."));
    }
}
