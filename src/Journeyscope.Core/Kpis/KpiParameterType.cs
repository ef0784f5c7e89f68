namespace Journeyscope.Kpis;

/// <summary>The type of a <see cref="KpiParameter"/>'s value.</summary>
public enum KpiParameterType
{
    /// <summary>Events: an activity name, or a touchpoint or stage id of the journey.</summary>
    Events,

    /// <summary>The name of an event attribute (the standard columns <c>channel</c>, <c>resource</c>, <c>lifecycle</c> included).</summary>
    Attribute,

    /// <summary>A duration such as <c>30d</c> or <c>4h</c>.</summary>
    Duration,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A comma-separated list of values.</summary>
    List,
}
