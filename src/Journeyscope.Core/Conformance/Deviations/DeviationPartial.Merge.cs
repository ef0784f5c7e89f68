using Journeyscope.EventLogs;

namespace Journeyscope.Conformance;

public sealed partial class DeviationPartial
{
    /// <summary>One partial of <paramref name="partials"/>, all of <paramref name="parameters"/> (none gives the empty partial).</summary>
    /// <remarks>
    /// Sequences merge by their activity names, case attribute columns by name (in the order the partials first list them:
    /// segments read with one column registry list them alike), channels and activities by text.
    /// </remarks>
    /// <exception cref="ArgumentException">A partial belongs to other parameters.</exception>
    public static DeviationPartial Merge(DeviationParameters parameters, IReadOnlyList<DeviationPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(partials);
        var count = 0;
        TimeBasis? timeBasis = null;
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var variants = new List<Variant>();
        var remaps = new int[partials.Count][];
        var columnOrder = new List<string>();
        for (var i = 0; i < partials.Count; i++)
        {
            var partial = partials[i];
            if (!ReferenceEquals(partial.Parameters, parameters))
            {
                throw new ArgumentException("Partials of different deviation parameters do not merge.", nameof(partials));
            }

            count += partial.CaseCount;
            timeBasis ??= partial.TimeBasis;
            var remap = remaps[i] = new int[partial._variants.Length];
            for (var v = 0; v < remap.Length; v++)
            {
                var variant = partial._variants[v];
                if (byKey.TryGetValue(variant.Key, out var at))
                {
                    var into = variants[at];
                    variants[at] = into with { Cases = into.Cases + variant.Cases, FirstKey = Math.Min(into.FirstKey, variant.FirstKey) };
                }
                else
                {
                    at = variants.Count;
                    byKey.Add(variant.Key, at);
                    variants.Add(variant);
                }

                remap[v] = at;
            }

            foreach (var name in partial._columnOrder)
            {
                if (!columnOrder.Contains(name, StringComparer.Ordinal))
                {
                    columnOrder.Add(name);
                }
            }
        }

        var cases = new CaseColumns(new long[count], new string[count], new int[count], new string?[count], new string[count][]);
        var columns = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var name in columnOrder)
        {
            columns.Add(name, new string?[count]);
        }

        var personaCount = parameters.Personas.Count;
        var personas = new bool[]?[personaCount];
        for (var p = 0; p < personaCount; p++)
        {
            personas[p] = DeviationParameters.DependsOnPopulation(parameters.Personas[p].Filter) ? null : new bool[count];
        }

        var targets = new List<Measured>[parameters.TimeTargets.Count];
        for (var t = 0; t < targets.Length; t++)
        {
            targets[t] = [];
        }

        var offset = 0;
        for (var i = 0; i < partials.Count; i++)
        {
            var partial = partials[i];
            var n = partial.CaseCount;
            partial._keys.CopyTo(cases.Keys, offset);
            partial._ids.CopyTo(cases.Ids, offset);
            partial._periods.CopyTo(cases.Periods, offset);
            partial._channels.CopyTo(cases.Channels, offset);
            var remap = remaps[i];
            for (var c = 0; c < n; c++)
            {
                cases.Variants[offset + c] = remap[partial._caseVariants[c]];
            }

            foreach (var (name, values) in partial._columns)
            {
                values.CopyTo(columns[name], offset);
            }

            for (var p = 0; p < personaCount; p++)
            {
                partial._personas[p]?.CopyTo(personas[p]!, offset);
            }

            for (var t = 0; t < targets.Length; t++)
            {
                targets[t].AddRange(partial._targets[t]);
            }

            offset += n;
        }

        var journey = parameters.Journey;
        var tallies = Tallies.Merge(journey.Touchpoints.Count, journey.Stages.Count, partials, parameters.Options.Deviations.ExampleCases);
        return new DeviationPartial(parameters, timeBasis, [.. variants], cases, columnOrder, columns, personas, tallies, targets);
    }
}
