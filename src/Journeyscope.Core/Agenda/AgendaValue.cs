namespace Journeyscope.Agenda;

/// <summary>An opportunity's value per period with its interval.</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="Low">From the effects' interval bounds nearest to no harm (never below zero).</param>
/// <param name="High">From the bounds farthest from no harm.</param>
/// <param name="Unit">The journey's value unit, or <c>customers</c> without a <c>value:</c> section.</param>
public sealed record AgendaValue(double Value, double Low, double High, string Unit);
