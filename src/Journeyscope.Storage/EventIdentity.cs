using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Journeyscope.EventLogs;

namespace Journeyscope.Storage;

/// <summary>
/// Computes the stored id of each event of one log: the given <c>event_id</c> attribute when present, otherwise a
/// 128-bit XxHash of a canonical encoding of everything the event carries (attributes in name order, so the id does
/// not depend on column order or on which attributes other events have), followed by the event's occurrence number
/// among the events of identical content in its case when it is not the first (see docs/storage.md).
/// </summary>
/// <remarks>Not thread-safe: reuses one hasher. <see cref="KeyOf"/> allocates nothing for hashed ids.</remarks>
internal sealed class EventIdentity
{
    /// <summary>The event attribute whose value, when present, is the event's id.</summary>
    public const string GivenIdAttribute = "event_id";

    private const byte Missing = 0;
    private const byte Present = 1;
    private const byte GivenDomain = 0xFF;

    private readonly EventLog _log;
    private readonly AttributeColumn[] _attributesByName;
    private readonly AttributeColumn? _given;
    private readonly XxHash128 _hash = new();

    public EventIdentity(EventLog log)
    {
        _log = log;
        _attributesByName = [.. log.EventAttributes.OrderBy(c => c.Name, StringComparer.Ordinal)];
        _given = log.FindEventAttribute(GivenIdAttribute);
    }

    /// <summary>Separates a content hash from the occurrence number of a repeated identical event.</summary>
    public const char OccurrenceSeparator = '#';

    /// <summary>
    /// The id of event <paramref name="eventIndex"/> given its <see cref="KeyOf"/> and its 1-based occurrence number
    /// among the events of the same key in the import: the given id's text, or the hex form of the hash (no second
    /// hashing), suffixed with <c>#n</c> for the n-th identical event (n &gt;= 2).
    /// </summary>
    public string IdOf(int eventIndex, UInt128 key, int occurrence)
    {
        if (IsGiven(eventIndex))
        {
            return _given!.GetValue(eventIndex)!.Value.ToString();
        }

        Span<byte> digest = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(digest, key);
        var hex = Convert.ToHexStringLower(digest);
        return occurrence <= 1 ? hex : hex + OccurrenceSeparator + occurrence.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether event <paramref name="eventIndex"/> carries a given id (then repeats of it are the same event).</summary>
    public bool IsGiven(int eventIndex) => _given is not null && _given.IsValid(eventIndex);

    /// <summary>
    /// A 128-bit key per (case, identity): the hash of the case id and the given id's text (in its own domain), or the
    /// content hash (which covers the case id) the id is the hex form of. Used to number repeated events and to find
    /// repeated given ids without holding every id string.
    /// </summary>
    public UInt128 KeyOf(int eventIndex, int caseIndex)
    {
        _hash.Reset();
        if (_given is not null && _given.GetValue(eventIndex) is { } given)
        {
            AppendByte(GivenDomain);
            AppendText(_log.CaseIds[caseIndex]);
            AppendText(given.ToString());
        }
        else
        {
            AppendText(_log.CaseIds[caseIndex]);
            AppendText(_log.ActivityNames[_log.Activities[eventIndex]]);
            AppendInt64(_log.Timestamps[eventIndex]);
            AppendInt64(_log.HasOffsets ? _log.OffsetMinutes[eventIndex] : 0);
            AppendOptional(_log.Lifecycle, eventIndex);
            AppendOptional(_log.Resource, eventIndex);
            AppendOptional(_log.Channel, eventIndex);
            AppendOptional(_log.StartTimestamps, eventIndex);
            foreach (var column in _attributesByName)
            {
                if (column.GetValue(eventIndex) is { } value)
                {
                    AppendText(column.Name);
                    AppendValue(value);
                }
            }
        }

        Span<byte> digest = stackalloc byte[16];
        _hash.GetCurrentHash(digest);
        return BinaryPrimitives.ReadUInt128BigEndian(digest);
    }

    private void AppendOptional(AttributeColumn? column, int row)
    {
        if (column?.GetValue(row) is { } value)
        {
            AppendByte(Present);
            AppendValue(value);
        }
        else
        {
            AppendByte(Missing);
        }
    }

    private void AppendValue(AttributeValue value)
    {
        AppendByte((byte)(value.Type + 1));
        switch (value.Type)
        {
            case AttributeType.String:
                AppendText(value.AsString());
                break;
            case AttributeType.Long:
                AppendInt64(value.AsLong());
                break;
            case AttributeType.Double:
                AppendInt64(BitConverter.DoubleToInt64Bits(value.AsDouble()));
                break;
            case AttributeType.Boolean:
                AppendByte(value.AsBoolean() ? (byte)1 : (byte)0);
                break;
            default:
                AppendInt64(value.AsUtcTicks());
                AppendInt64(value.OffsetMinutes);
                break;
        }
    }

    private void AppendText(string text)
    {
        AppendInt64(text.Length);
        _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private void AppendInt64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        _hash.Append(bytes);
    }

    private void AppendByte(byte value)
    {
        Span<byte> bytes = stackalloc byte[1];
        bytes[0] = value;
        _hash.Append(bytes);
    }
}
