namespace Journeyscope.Journeys;

/// <summary>
/// A time target: the time from the first event of touchpoint (or stage) <see cref="From"/> to the first event of
/// touchpoint (or stage) <see cref="To"/> after it must not exceed <see cref="Within"/>. When <see cref="From"/> and
/// <see cref="To"/> name the same touchpoint or stage, the target bounds its own span (first to last event).
/// </summary>
/// <param name="Id">The target's id, unique in the journey.</param>
/// <param name="Name">The display text, for example "Delivery within 3 days".</param>
/// <param name="From">Id of a touchpoint or stage where the clock starts.</param>
/// <param name="To">Id of a touchpoint or stage where the clock stops.</param>
/// <param name="Within">The allowed time (YAML: a duration such as <c>3d</c>, <c>4h</c>, <c>30m</c>, <c>1d12h</c>).</param>
/// <param name="BusinessHours">When true, the time counts in the workspace's business calendar instead of elapsed time.</param>
public sealed record TimeTarget(string Id, string Name, string From, string To, TimeSpan Within, bool BusinessHours = false)
{
    /// <summary>Where the target was defined.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
