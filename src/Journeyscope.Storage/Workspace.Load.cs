using System.Text;
using DuckDB.NET.Data;
using Journeyscope.EventLogs;
using Journeyscope.Identity;

namespace Journeyscope.Storage;

public sealed partial class Workspace
{
    /// <summary>
    /// Loads every stored event into an <see cref="EventLog"/>: cases in order of first appearance, events by time
    /// with ties in import order, with every standard column and every event and case attribute.
    /// </summary>
    /// <remarks>
    /// One ordered scan of <c>events</c> and one of <c>cases</c>. A log appended and loaded again equals the original,
    /// except that activity and string-attribute dictionary codes are renumbered in order of first appearance.
    /// </remarks>
    public EventLog LoadEventLog(CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            return Load(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private EventLog Load(CancellationToken cancellationToken) => Load(ReadIdentityGraph(), null, null, cancellationToken);

    /// <summary>
    /// Loads the events of the raw case ids <paramref name="rawCaseIds"/> (all when null) under <paramref name="graph"/>;
    /// when <paramref name="caseKeys"/> is given, it receives per case the sequence number of its first event.
    /// </summary>
    private EventLog Load(IdentityGraph? graph, IReadOnlyCollection<string>? rawCaseIds, List<long>? caseKeys, CancellationToken cancellationToken)
    {
        var filter = rawCaseIds is null ? string.Empty : " WHERE case_id IN (" + Literals(rawCaseIds) + ")";
        // A read of named cases (a live refresh) skips the exact count: a second scan of every event for a capacity hint.
        var count = rawCaseIds is null ? Scalar("SELECT count(*) FROM events") : Math.Min(rawCaseIds.Count * 16L, 1 << 20);
        var lastSeq = -1L;
        return Load(graph, filter, filter, count, caseKeys, ref lastSeq, cancellationToken);
    }

    /// <summary>
    /// Loads the events matching <paramref name="eventFilter"/> and the case rows matching <paramref name="caseFilter"/>
    /// (each a <c>WHERE</c> clause, or empty for all) under <paramref name="graph"/>. With <paramref name="caseKeys"/>, it
    /// receives per case the sequence number of its first event read, and <paramref name="lastSeq"/> is raised to the
    /// largest sequence number read.
    /// </summary>
    private EventLog Load(
        IdentityGraph? graph, string eventFilter, string caseFilter, long count, List<long>? caseKeys, ref long lastSeq,
        CancellationToken cancellationToken)
    {
        var builder = new EventLogBuilder((int)Math.Min(count, Array.MaxLength));
        var eventAttributes = _registry.InScope(AttributeScope.Event);
        var caseAttributes = _registry.InScope(AttributeScope.Case);
        var eventHandles = new int[eventAttributes.Count];
        for (var a = 0; a < eventHandles.Length; a++)
        {
            eventHandles[a] = builder.GetEventAttributeHandle(eventAttributes[a].Name, eventAttributes[a].Type);
        }

        var caseHandles = new int[caseAttributes.Count];
        for (var a = 0; a < caseHandles.Length; a++)
        {
            caseHandles[a] = builder.GetCaseAttributeHandle(caseAttributes[a].Name, caseAttributes[a].Type);
        }

        // Identity stitching is applied here, on read: each raw case id resolves to its customer (docs/identity.md).
        using (var command = _connection.CreateCommand())
        {
            command.CommandText =
                "SELECT case_id, activity, ts, offset_min, start_ts, start_offset_min, lifecycle, resource, channel" +
                Columns(eventAttributes) + (caseKeys is null ? string.Empty : ", seq") + " FROM events" + eventFilter + " ORDER BY seq";
            using var reader = (DuckDBDataReader)command.ExecuteReader();
            var ordinals = Ordinals(eventAttributes, 9);
            var row = 0;
            while (reader.Read())
            {
                if ((row++ & (CancellationStride - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var caseId = reader.GetString(0);
                var casesBefore = builder.CaseCount;
                var e = builder.AddEvent(graph is null ? caseId : graph.Resolve(caseId), reader.GetString(1), reader.GetInt64(2), reader.GetInt16(3));
                if (caseKeys is not null)
                {
                    var seq = reader.GetInt64(reader.FieldCount - 1);
                    lastSeq = Math.Max(lastSeq, seq);
                    if (builder.CaseCount > casesBefore)
                    {
                        caseKeys.Add(seq);
                    }
                }

                if (!reader.IsDBNull(4))
                {
                    builder.SetStartTimestamp(e, reader.GetInt64(4), reader.GetInt16(5));
                }

                if (!reader.IsDBNull(6))
                {
                    builder.SetLifecycle(e, reader.GetString(6));
                }

                if (!reader.IsDBNull(7))
                {
                    builder.SetResource(e, reader.GetString(7));
                }

                if (!reader.IsDBNull(8))
                {
                    builder.SetChannel(e, reader.GetString(8));
                }

                for (var a = 0; a < eventHandles.Length; a++)
                {
                    var ordinal = ordinals[a];
                    if (reader.IsDBNull(ordinal))
                    {
                        continue;
                    }

                    if (eventAttributes[a].Type == AttributeType.String)
                    {
                        builder.SetEventAttribute(e, eventHandles[a], reader.GetString(ordinal).AsSpan());
                    }
                    else
                    {
                        builder.SetEventAttribute(e, eventHandles[a], AttributeRegistry.Read(reader, ordinal, eventAttributes[a].Type)!.Value);
                    }
                }
            }
        }

        if (caseHandles.Length > 0)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT case_id" + Columns(caseAttributes) + " FROM cases" + caseFilter + " ORDER BY first_seq";
            using var reader = (DuckDBDataReader)command.ExecuteReader();
            var ordinals = Ordinals(caseAttributes, 1);
            List<(string Customer, AttributeValue?[] Values)>? ownRows = graph is null ? null : [];
            var filled = new HashSet<(string Customer, int Handle)>();
            while (reader.Read())
            {
                var caseId = reader.GetString(0);
                var merged = graph is not null && graph.IsMerged(caseId);
                var values = merged || ownRows is null ? null : new AttributeValue?[caseHandles.Length];
                for (var a = 0; a < caseHandles.Length; a++)
                {
                    if (AttributeRegistry.Read(reader, ordinals[a], caseAttributes[a].Type) is { } value)
                    {
                        if (values is not null)
                        {
                            values[a] = value;
                        }
                        else if (!merged)
                        {
                            builder.SetCaseAttribute(caseId, caseHandles[a], value);
                        }
                        else if (filled.Add((graph!.Resolve(caseId), a)))
                        {
                            // The first anonymous id (in order of first appearance) with a value gives it.
                            builder.SetCaseAttribute(graph.Resolve(caseId), caseHandles[a], value);
                        }
                    }
                }

                if (values is not null)
                {
                    ownRows!.Add((caseId, values));
                }
            }

            // With merges, a customer's own values are set last, so they win over those of its anonymous ids.
            foreach (var (customer, values) in ownRows ?? [])
            {
                for (var a = 0; a < values.Length; a++)
                {
                    if (values[a] is { } value)
                    {
                        builder.SetCaseAttribute(customer, caseHandles[a], value);
                    }
                }
            }
        }

        var log = builder.Build();

        // Cases with attributes but no event come last in the log, after every case with events.
        while (caseKeys is not null && caseKeys.Count < log.CaseCount)
        {
            caseKeys.Add(long.MaxValue);
        }

        return log;
    }

    /// <summary>The ids as SQL string literals, comma-separated (quotes doubled; ids are data, never identifiers).</summary>
    private static string Literals(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
        {
            return "NULL";
        }

        var text = new StringBuilder();
        foreach (var id in ids)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append('\'').Append(id.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        }

        return text.ToString();
    }

    private static string Columns(List<StoredAttribute> attributes)
    {
        var text = new StringBuilder();
        foreach (var attribute in attributes)
        {
            text.Append(", ").Append(attribute.QuotedColumns);
        }

        return text.ToString();
    }

    private static int[] Ordinals(List<StoredAttribute> attributes, int first)
    {
        var ordinals = new int[attributes.Count];
        var next = first;
        for (var a = 0; a < ordinals.Length; a++)
        {
            ordinals[a] = next;
            next += attributes[a].Type == AttributeType.Timestamp ? 2 : 1;
        }

        return ordinals;
    }
}
