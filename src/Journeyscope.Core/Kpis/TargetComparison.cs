namespace Journeyscope.Kpis;

/// <summary>The comparison of a <see cref="KpiTarget"/>.</summary>
public enum TargetComparison
{
    /// <summary><c>&gt;=</c>: the value must be at least the target.</summary>
    AtLeast,

    /// <summary><c>&gt;</c>: the value must be above the target.</summary>
    Above,

    /// <summary><c>&lt;=</c>: the value must be at most the target.</summary>
    AtMost,

    /// <summary><c>&lt;</c>: the value must be below the target.</summary>
    Below,

    /// <summary><c>==</c>: the value must equal the target.</summary>
    Equal,
}
