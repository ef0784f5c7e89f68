namespace Journeyscope.Agenda;

/// <summary>The value an improvement realised so far: effect × cases after the change × value per unit, with its interval.</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="Low">Low end (from the effect's interval).</param>
/// <param name="High">High end.</param>
/// <param name="Unit">The unit, as recorded with the improvement; null when none was given.</param>
public sealed record ImprovementValue(double Value, double Low, double High, string? Unit);
