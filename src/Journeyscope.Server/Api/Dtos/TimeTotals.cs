namespace Journeyscope.Server.Api.Dtos;

/// <summary>A time measure over all cases, in seconds.</summary>
/// <param name="Total">Sum over cases.</param>
/// <param name="Mean">Mean per case.</param>
public sealed record TimeTotals(double Total, double Mean);
