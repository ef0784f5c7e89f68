namespace Journeyscope.Monitoring;

/// <summary>The parameters a drift result was computed with.</summary>
/// <param name="Windows">The window sizes scanned, smallest first (one when a window was given).</param>
/// <param name="Adaptive">Whether the windows were chosen from the log (no window given).</param>
/// <param name="Alpha">The family-wise false-alarm rate per window scale.</param>
/// <param name="Persistence">Consecutive significant boundaries required.</param>
/// <param name="StridesPerWindow">Tested boundaries per window length.</param>
/// <param name="MinSupport">Minimum presence and absence count for a feature to be tested.</param>
/// <param name="MaxVariants">Most frequent variants used as features.</param>
public sealed record DriftParameters(
    IReadOnlyList<int> Windows, bool Adaptive, double Alpha, int Persistence, int StridesPerWindow, int MinSupport, int MaxVariants);
