namespace Journeyscope.Performance;

/// <summary>Options of <see cref="ValueStream.Analyze"/>.</summary>
public sealed class ValueStreamOptions
{
    /// <summary>The defaults: elapsed (calendar) time, processing source detected from the log.</summary>
    public static ValueStreamOptions Default { get; } = new();

    /// <summary>When set, every time measure counts only working time in this calendar.</summary>
    public BusinessCalendar? Calendar { get; init; }

    /// <summary>
    /// Forces the processing-time source; <c>null</c> detects it: start timestamps if the log has any, else lifecycle
    /// pairs if any event is a <c>start</c>, else none.
    /// </summary>
    public ProcessingTimeSource? Source { get; init; }
}
