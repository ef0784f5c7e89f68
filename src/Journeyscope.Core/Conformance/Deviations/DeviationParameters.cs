using System.Collections.Concurrent;
using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Filters;
using Journeyscope.Journeys;

namespace Journeyscope.Conformance;

/// <summary>
/// What every <see cref="DeviationPartial"/> of one check shares: the designed journey, the options, the flow's Petri net
/// and designed relation, the parsed persona segments and resolved time targets, and a per-variant alignment cache, so
/// that each distinct touchpoint sequence is aligned once however many segments and refreshes it appears in.
/// </summary>
/// <remarks>
/// Thread-safe. The cache grows with the distinct variants seen; create new parameters for another journey or options.
/// </remarks>
public sealed class DeviationParameters
{
    private static readonly EventLog Empty = new EventLogBuilder().Build();
    private readonly ConcurrentDictionary<string, AlignedVariant> _aligned = new(StringComparer.Ordinal);
    private long _alignedCount;

    /// <summary>Prepares the check of <paramref name="journey"/> with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="ArgumentException">The journey has no flow to check against.</exception>
    public DeviationParameters(DesignedJourney journey, JourneyConformanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        if (journey.Flow is null)
        {
            throw new ArgumentException($"Journey '{journey.Id}' has no flow: add a 'flow' to check cases against it.", nameof(journey));
        }

        Journey = journey;
        Options = options ?? JourneyConformanceOptions.Default;
        Net = ProcessTreeConversion.ToPetriNet(journey.Flow, journey.Id);
        Relations = FlowRelations.FromTree(journey.Flow);
        Index = new JourneyIndex(Empty, journey);

        var warnings = new List<string>();
        var targets = new List<(TimeTarget, bool[], bool[])>();
        foreach (var target in journey.TimeTargets)
        {
            var from = DeviationAnalysis.ResolveTouchpoints(target.From, Index);
            var to = DeviationAnalysis.ResolveTouchpoints(target.To, Index);
            if (from is null || to is null)
            {
                warnings.Add(DeviationAnalysis.UnknownTimeTargetEnd(target, from is null ? target.From : target.To));
                continue;
            }

            targets.Add((target, from, to));
        }

        var personas = new List<(Persona, LogFilter)>();
        var personaWarnings = new List<string>();
        foreach (var persona in journey.Personas)
        {
            if (string.IsNullOrWhiteSpace(persona.Segment))
            {
                continue;
            }

            try
            {
                personas.Add((persona, FilterParser.Parse(persona.Segment)));
            }
            catch (FilterParseException e)
            {
                personaWarnings.Add(DeviationAnalysis.PersonaFilterDoesNotParse(persona, e));
            }
        }

        TimeTargets = targets;
        TimeTargetWarnings = warnings;
        Personas = personas;
        PersonaWarnings = personaWarnings;
    }

    /// <summary>The designed journey.</summary>
    public DesignedJourney Journey { get; }

    /// <summary>The options of the check.</summary>
    public JourneyConformanceOptions Options { get; }

    /// <summary>How many distinct variants have been aligned since creation (cache misses), for diagnostics and tests.</summary>
    public long AlignedVariants => Interlocked.Read(ref _alignedCount);

    internal PetriNet Net { get; }

    internal FlowRelations Relations { get; }

    /// <summary>The journey's touchpoints and stages by index (no log: its activity map is empty).</summary>
    internal JourneyIndex Index { get; }

    /// <summary>The time targets whose ends resolve, in journey order, with the touchpoints each end names.</summary>
    internal IReadOnlyList<(TimeTarget Target, bool[] From, bool[] To)> TimeTargets { get; }

    internal IReadOnlyList<string> TimeTargetWarnings { get; }

    /// <summary>The personas with a segment filter that parses, in journey order.</summary>
    internal IReadOnlyList<(Persona Persona, LogFilter Filter)> Personas { get; }

    internal IReadOnlyList<string> PersonaWarnings { get; }

    /// <summary>Whether a persona's filter ranks variants over all cases, so its cases are decided at the finish.</summary>
    internal static bool DependsOnPopulation(LogFilter filter) => filter is CaseFilter { DependsOnPopulation: true };

    /// <summary>The alignment and deviation items of each sequence (activity names of a mapped case), aligning the ones not cached.</summary>
    internal AlignedVariant[] Align(IReadOnlyList<string[]> sequences, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var missing = new List<int>();
        for (var v = 0; v < keys.Count; v++)
        {
            if (!_aligned.ContainsKey(keys[v]))
            {
                missing.Add(v);
            }
        }

        if (missing.Count > 0)
        {
            // One case per new variant; the alignment of a case depends only on its activity sequence.
            var builder = new EventLogBuilder();
            for (var i = 0; i < missing.Count; i++)
            {
                var caseId = i.ToString(CultureInfo.InvariantCulture);
                builder.AddCase(caseId);
                var sequence = sequences[missing[i]];
                for (var e = 0; e < sequence.Length; e++)
                {
                    builder.AddEvent(caseId, sequence[e], e);
                }
            }

            var result = Alignments.Compute(builder.Build(), Net, Options.Alignment, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                var alignment = result.ForCase(i);
                _aligned.TryAdd(keys[missing[i]], new AlignedVariant(alignment, DeviationAnalysis.VariantItems(alignment, Index)));
            }

            Interlocked.Add(ref _alignedCount, missing.Count);
        }

        var aligned = new AlignedVariant[keys.Count];
        for (var v = 0; v < aligned.Length; v++)
        {
            aligned[v] = _aligned[keys[v]];
        }

        return aligned;
    }

    /// <summary>A variant's optimal alignment and the sorted, distinct deviations it shows.</summary>
    internal sealed record AlignedVariant(TraceAlignment Alignment, DeviationItem[] Items);
}
