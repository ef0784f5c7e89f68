namespace Journeyscope.Server.Api.Dtos;

/// <summary>The variants (GET /api/v1/workspaces/{ws}/variants), most frequent first.</summary>
/// <param name="TimeBasis"><c>utc</c> or <c>wall-clock</c>.</param>
/// <param name="Version">The workspace version.</param>
/// <param name="VariantCount">Number of variants in the (filtered) log.</param>
/// <param name="Cases">Number of cases.</param>
/// <param name="Variants">The top variants.</param>
public sealed record VariantsResponse(string TimeBasis, long Version, long VariantCount, long Cases, IReadOnlyList<VariantItem> Variants);
