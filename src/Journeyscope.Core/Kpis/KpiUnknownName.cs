namespace Journeyscope.Kpis;

/// <summary>
/// A name a KPI uses for events (a kind's <c>activity:</c>, <c>from:</c> or <c>to:</c>, or a name inside a custom
/// expression's <c>has(...)</c> or <c>follows(...)</c>) that is neither a touchpoint, a stage of the journey nor an
/// activity of the log: the KPI would silently have no data, so every surface reports it as an error (<see cref="KpiNames"/>).
/// </summary>
/// <param name="Kpi">The KPI's id.</param>
/// <param name="Where">Where the name is written: the parameter (<c>activity</c>) or <c>expression</c>.</param>
/// <param name="Name">The unknown name as written.</param>
/// <param name="Suggestion">The closest touchpoint, stage or activity when one is close enough to be a typo, else null.</param>
/// <param name="Message">The error as the CLI prints it and the API's problem detail says it.</param>
public sealed record KpiUnknownName(string Kpi, string Where, string Name, string? Suggestion, string Message);
