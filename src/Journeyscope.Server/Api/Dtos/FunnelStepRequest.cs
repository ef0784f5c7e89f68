namespace Journeyscope.Server.Api.Dtos;

/// <summary>
/// One funnel step, given in exactly one of three ways: <see cref="Activities"/> (any of them), <see cref="Text"/> in the
/// CLI's step syntax (<c>Pay|Checkout where event.channel == app</c>), or a touchpoint of a designed journey
/// (<see cref="Journey"/> and <see cref="Touchpoint"/>: its activities and its conditions).
/// </summary>
/// <param name="Activities">The activities the step matches (any of them).</param>
/// <param name="Text">The step in the CLI's text form.</param>
/// <param name="Journey">The id of a journey of the workspace.</param>
/// <param name="Touchpoint">The id of a touchpoint of that journey.</param>
/// <param name="Conditions">Extra conditions in the filter syntax (<c>event.channel == app</c>, <c>case.segment == B2B</c>).</param>
/// <param name="Optional">Whether cases may skip this step (not the first).</param>
/// <param name="Window">The longest time from the previous step reached, such as <c>1d</c>; none by default.</param>
/// <param name="Label">A display name; by default the step's text or the touchpoint's name.</param>
public sealed record FunnelStepRequest(
    IReadOnlyList<string>? Activities = null,
    string? Text = null,
    string? Journey = null,
    string? Touchpoint = null,
    IReadOnlyList<string>? Conditions = null,
    bool Optional = false,
    string? Window = null,
    string? Label = null);
