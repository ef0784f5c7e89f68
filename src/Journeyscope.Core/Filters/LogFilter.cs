namespace Journeyscope.Filters;

/// <summary>
/// A filter over an event log: either a <see cref="CaseFilter"/> (keeps or drops whole cases) or an
/// <see cref="EventFilter"/> (keeps or drops events inside cases). Apply filters with <see cref="FilterPipeline"/>.
/// </summary>
/// <remarks>A filter never invents or reorders events. Filters are immutable and thread-safe.</remarks>
public abstract class LogFilter
{
    private protected LogFilter()
    {
    }

    /// <summary>The filter in the textual syntax understood by <see cref="FilterParser"/>.</summary>
    public abstract override string ToString();
}
