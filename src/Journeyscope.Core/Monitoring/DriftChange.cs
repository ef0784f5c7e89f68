namespace Journeyscope.Monitoring;

/// <summary>One thing that changed at a change point, in numbers and in plain words.</summary>
/// <param name="Kind">Appeared, vanished, or changed frequency.</param>
/// <param name="Subject">An activity, a directly-follows relation (edge) or a variant.</param>
/// <param name="Activity">The activity, when <paramref name="Subject"/> is an activity.</param>
/// <param name="From">The first activity of the edge, when <paramref name="Subject"/> is an edge.</param>
/// <param name="To">The second activity of the edge, when <paramref name="Subject"/> is an edge.</param>
/// <param name="Variant">The activity sequence, when <paramref name="Subject"/> is a variant.</param>
/// <param name="Before">Share of the cases before the change point (back to the previous one) that have it (0..1); over the
/// window before it when the stretches show no change.</param>
/// <param name="After">Share of the cases after the change point (up to the next one) that have it (0..1); over the window
/// after it when the stretches show no change.</param>
/// <param name="Text">The change in plain words.</param>
public sealed record DriftChange(
    DriftChangeKind Kind,
    DriftSubject Subject,
    string? Activity,
    string? From,
    string? To,
    IReadOnlyList<string>? Variant,
    double Before,
    double After,
    string Text);
