namespace Journeyscope.Server.Api.Dtos;

/// <summary>The deviations of one touchpoint.</summary>
/// <param name="Id">The touchpoint id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Stage">The stage id.</param>
/// <param name="Cases">Cases that did the touchpoint at least once.</param>
/// <param name="Skipped">Cases where the design needed it and it did not happen.</param>
/// <param name="Inserted">Cases where it happened where the design does not allow it.</param>
/// <param name="OutOfOrder">Cases where it happened, but in the wrong place.</param>
/// <param name="Repeated">Cases where it happened more than once.</param>
/// <param name="DeviationRate">(Skipped + Inserted + OutOfOrder) / all cases checked.</param>
/// <param name="Status"><c>ok</c> below 5 % deviation rate, <c>warning</c> below 20 %, else <c>bad</c>.</param>
public sealed record TouchpointConformance(
    string Id, string Name, string Stage, int Cases, int Skipped, int Inserted, int OutOfOrder, int Repeated, double DeviationRate, string Status);
