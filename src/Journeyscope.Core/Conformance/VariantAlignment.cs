namespace Journeyscope.Conformance;

/// <summary>The alignment of one variant, shared by all of its cases.</summary>
/// <param name="Activities">The variant's activity sequence.</param>
/// <param name="Cases">Indices (into the aligned log) of the cases of this variant, ascending.</param>
/// <param name="Alignment">The optimal alignment.</param>
public sealed record VariantAlignment(IReadOnlyList<string> Activities, IReadOnlyList<int> Cases, TraceAlignment Alignment);
