namespace Journeyscope.Kpis;

/// <summary>A parameter a KPI kind reads from the KPI's YAML keys.</summary>
/// <param name="Name">The YAML key, for example <c>activity</c> or <c>from</c>.</param>
/// <param name="Type">What the value must be; the engine checks it before computing.</param>
/// <param name="Required">Whether the KPI is rejected without it.</param>
/// <param name="Description">What the parameter means, including its default when optional.</param>
/// <param name="Default">The value used when the parameter is omitted, or <c>null</c>.</param>
public sealed record KpiParameter(string Name, KpiParameterType Type, bool Required, string Description, string? Default = null);
