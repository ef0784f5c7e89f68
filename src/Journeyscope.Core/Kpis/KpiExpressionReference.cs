namespace Journeyscope.Kpis;

/// <summary>A journey name used by a KPI expression, and where.</summary>
/// <param name="Kind">What the name must be.</param>
/// <param name="Name">The name as written (without quotes).</param>
/// <param name="Position">The 0-based position of the name in the expression.</param>
public readonly record struct KpiExpressionReference(KpiExpressionReferenceKind Kind, string Name, int Position);
