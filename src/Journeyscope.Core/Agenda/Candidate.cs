namespace Journeyscope.Agenda;

/// <summary>An opportunity before it is measured: what it is and the sorted indexes of the cases that have it.</summary>
internal sealed class Candidate(string subject, string kind, string title, string? touchpoint, int[] cases, int order)
{
    /// <summary>What the gap concerns: a touchpoint id, an activity, a time target id, or <c>From → To</c>.</summary>
    public string Subject { get; } = subject;

    public string Kind { get; } = kind;

    public string Title { get; set; } = title;

    public string? Touchpoint { get; } = touchpoint;

    /// <summary>Sorted case indexes: the case set, a first-class value (unions never double count).</summary>
    public int[] Cases { get; set; } = cases;

    /// <summary>The order of the source analysis (ties in the ranking keep it).</summary>
    public int Order { get; } = order;

    public AgendaSegment? Segment { get; set; }

    /// <summary>The comparison population's key (cases that could have the gap); candidates with one key share their totals.</summary>
    public string EligibleKey { get; init; } = "all";

    /// <summary>Per case: whether it could have had the gap (reached the stage, both ends of the target, the hand-over); null for all cases.</summary>
    public bool[]? Eligible { get; init; }

    /// <summary>Other touchpoints with exactly the same cases, folded into this one.</summary>
    public List<string> AlsoAt { get; } = [];

    /// <summary>KPIs off target in this gap's segment that this gap explains (without its customers, the segment is not off target).</summary>
    public List<string> Explains { get; } = [];

    /// <summary>An unexpected step's position: the touchpoint it sits before (its stage's KPIs are linked); null for the others.</summary>
    public string? Near { get; init; }

    /// <summary>A time target's clock: the journey positions of its first start touchpoint and its last end touchpoint.</summary>
    public (int From, int To)? Clock { get; init; }

    /// <summary>Breaches of time targets on whose clock this gap lies, credited to it (the target keeps the rest).</summary>
    public List<AgendaExplainedBreaches> ExplainsBreaches { get; } = [];

    /// <summary>The credits its title names: those of at least a tenth of the target's breaches, in words.</summary>
    public List<string> ExplainsBreachesTitle { get; } = [];

    public string Id => $"{Kind}:{Subject}" + (Segment is null ? string.Empty : $"@{Segment.Attribute}={Segment.Value}");
}
