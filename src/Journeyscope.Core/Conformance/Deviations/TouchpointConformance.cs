namespace Journeyscope.Conformance;

/// <summary>The deviations of one touchpoint with its deviation rate and status (the blueprint overlay's colour).</summary>
/// <param name="Id">The touchpoint id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Stage">The stage id.</param>
/// <param name="Cases">Cases that did the touchpoint at least once.</param>
/// <param name="Skipped">Cases where the design needed it and it did not happen.</param>
/// <param name="Inserted">Cases where it happened where the design does not allow it.</param>
/// <param name="OutOfOrder">Cases where it happened, but in the wrong place.</param>
/// <param name="Repeated">Cases where it happened more than once.</param>
/// <param name="DeviationRate">(Skipped + Inserted + OutOfOrder) / all cases checked.</param>
/// <param name="Status"><c>ok</c> below <see cref="WarningRate"/>, <c>warning</c> below <see cref="BadRate"/>, else <c>bad</c>.</param>
public sealed record TouchpointConformance(
    string Id, string Name, string Stage, int Cases, int Skipped, int Inserted, int OutOfOrder, int Repeated, double DeviationRate, TouchpointStatus Status)
{
    /// <summary>The deviation rate from which a touchpoint is a warning.</summary>
    public const double WarningRate = 0.05;

    /// <summary>The deviation rate from which a touchpoint is bad.</summary>
    public const double BadRate = 0.20;

    /// <summary>The status of a deviation rate.</summary>
    public static TouchpointStatus StatusOf(double deviationRate) =>
        deviationRate < WarningRate ? TouchpointStatus.Ok : deviationRate < BadRate ? TouchpointStatus.Warning : TouchpointStatus.Bad;

    /// <summary>The touchpoint's figures out of <paramref name="caseCount"/> checked cases.</summary>
    public static TouchpointConformance From(TouchpointDeviations deviations, int caseCount)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        var rate = (double)(deviations.Skipped + deviations.Inserted + deviations.OutOfOrder) / Math.Max(caseCount, 1);
        return new TouchpointConformance(
            deviations.TouchpointId, deviations.Name, deviations.StageId, deviations.Cases, deviations.Skipped, deviations.Inserted,
            deviations.OutOfOrder, deviations.Repeated, rate, StatusOf(rate));
    }
}
