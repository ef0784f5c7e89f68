using Journeyscope.EventLogs;

namespace Journeyscope.Storage;

/// <summary>
/// Builds an <see cref="EventLog"/> from cases and events copied out of other logs (the cases a live log already holds
/// and the events appended since), column by column by name, so the result equals what the store would load.
/// </summary>
/// <remarks>
/// Not thread-safe. Attribute columns are registered in order of first appearance over the given logs (the store's load
/// registers every column of its registry in registry order, so giving a freshly read log first keeps that order).
/// Events are added in order; the builder sorts each case stably by time, so events added later win no tie they did not
/// win in the store (the caller adds them in store order).
/// </remarks>
internal sealed class CaseAssembler
{
    private readonly EventLogBuilder _builder;
    private readonly Dictionary<string, (int Handle, AttributeType Type)> _eventColumns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Handle, AttributeType Type)> _caseColumns = new(StringComparer.Ordinal);
    private readonly Dictionary<EventLog, EventCopier> _copiers = new(ReferenceEqualityComparer.Instance);

    private CaseAssembler(int capacity)
    {
        _builder = new EventLogBuilder(capacity);
    }

    /// <summary>
    /// An assembler whose columns are those of <paramref name="logs"/> (in order of first appearance), or null when two of
    /// them give one attribute different types (a column was widened since one was read: only a full read is consistent).
    /// </summary>
    public static CaseAssembler? For(IReadOnlyList<EventLog> logs, int capacity)
    {
        var assembler = new CaseAssembler(capacity);
        foreach (var log in logs)
        {
            if (log.TimeBasis != TimeBasis.Utc
                || !Register(log.EventAttributes, assembler._eventColumns, assembler._builder.GetEventAttributeHandle)
                || !Register(log.CaseAttributes, assembler._caseColumns, assembler._builder.GetCaseAttributeHandle))
            {
                return null;
            }
        }

        return assembler;
    }

    /// <summary>Registers <paramref name="caseId"/> as the next case (cases keep the order they are first named in).</summary>
    public void AddCase(string caseId) => _builder.AddCase(caseId);

    /// <summary>Copies event <paramref name="e"/> of <paramref name="source"/> (a log given to <see cref="For"/>) into case <paramref name="caseId"/>.</summary>
    public void AddEvent(string caseId, EventLog source, int e) => Copier(source).CopyEvents(caseId, e, e + 1);

    /// <summary>Copies every event of case <paramref name="c"/> of <paramref name="source"/> into case <paramref name="caseId"/>, in order.</summary>
    public void AddEvents(string caseId, EventLog source, int c) => Copier(source).CopyEvents(caseId, source.CaseStarts[c], source.CaseStarts[c + 1]);

    /// <summary>Copies the case attributes of case <paramref name="c"/> of <paramref name="source"/> to case <paramref name="caseId"/>.</summary>
    public void SetCaseAttributes(string caseId, EventLog source, int c) => Copier(source).CopyCaseAttributes(caseId, c);

    /// <summary>The log of every case and event added.</summary>
    public EventLog Build() => _builder.Build();

    private static bool Register(
        IReadOnlyList<AttributeColumn> columns, Dictionary<string, (int Handle, AttributeType Type)> registered, Func<string, AttributeType, int> handle)
    {
        foreach (var column in columns)
        {
            if (registered.TryGetValue(column.Name, out var known))
            {
                if (known.Type != column.Type)
                {
                    return false;
                }

                continue;
            }

            registered.Add(column.Name, (handle(column.Name, column.Type), column.Type));
        }

        return true;
    }

    private EventCopier Copier(EventLog source)
    {
        if (!_copiers.TryGetValue(source, out var copier))
        {
            copier = new EventCopier(_builder, source, Map(source.EventAttributes, _eventColumns), Map(source.CaseAttributes, _caseColumns));
            _copiers.Add(source, copier);
        }

        return copier;
    }

    private static int[] Map(IReadOnlyList<AttributeColumn> columns, Dictionary<string, (int Handle, AttributeType Type)> registered)
    {
        var handles = new int[columns.Count];
        for (var a = 0; a < handles.Length; a++)
        {
            // A log not given to For has no registered columns: a programming error, reported as such.
            handles[a] = registered.TryGetValue(columns[a].Name, out var known) && known.Type == columns[a].Type
                ? known.Handle
                : throw new InvalidOperationException($"The column '{columns[a].Name}' was not registered with this type.");
        }

        return handles;
    }
}
