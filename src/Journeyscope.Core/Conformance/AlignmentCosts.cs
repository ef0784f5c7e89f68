namespace Journeyscope.Conformance;

/// <summary>
/// The internal integer costs of the alignment search, PM4Py's: a deviation (log move or visible model move) costs
/// 10,000 and a silent move 1, so an optimal alignment has the fewest deviations and, among those, the fewest
/// silent moves.
/// </summary>
internal static class AlignmentCosts
{
    public const int Deviation = 10_000;
    public const int Silent = 1;
}
