using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Conformance;

/// <summary>One distinct activity sequence of a log and the cases that follow it.</summary>
internal sealed record LogVariant(int[] Codes, List<int> Cases);

/// <summary>
/// A log prepared for replay on a Petri net, shared by alignments and token replay: the log in the requested time
/// basis, its variants (most frequent first, ties by first case), the variant of each case, and the net's label index
/// of each activity (-1 when the net has no such label).
/// </summary>
internal sealed record LogVariants(EventLog Log, List<LogVariant> Variants, int[] CaseVariants, int[] LabelOfActivity)
{
    public static LogVariants Prepare(EventLog log, PetriNet net, AlignmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(net);
        options.Validate();
        if (options.TimeBasis is { } basis)
        {
            log = log.ToTimeBasis(basis);
        }

        // The variant definition the filters use: equal activity sequences, ranked by count, ties by first appearance.
        var all = new bool[log.CaseCount];
        Array.Fill(all, true);
        var ids = VariantIndex.Assign(log, all, out var counts);
        var ranking = VariantIndex.Ranking(counts);
        var rankOf = new int[ranking.Length];
        var variants = new List<LogVariant>(ranking.Length);
        for (var r = 0; r < ranking.Length; r++)
        {
            rankOf[ranking[r]] = r;
            variants.Add(new LogVariant([], new List<int>(counts[ranking[r]])));
        }

        var caseVariants = new int[log.CaseCount];
        for (var c = 0; c < ids.Length; c++)
        {
            var variant = variants[caseVariants[c] = rankOf[ids[c]]];
            if (variant.Cases.Count == 0)
            {
                variants[caseVariants[c]] = variant = variant with { Codes = log.CaseActivities(c).ToArray() };
            }

            variant.Cases.Add(c);
        }

        var labelOfActivity = new int[log.ActivityNames.Count];
        for (var a = 0; a < labelOfActivity.Length; a++)
        {
            labelOfActivity[a] = net.LabelIndex.GetValueOrDefault(log.ActivityNames[a], -1);
        }

        return new LogVariants(log, variants, caseVariants, labelOfActivity);
    }

    /// <summary>The activity names of variant <paramref name="v"/>.</summary>
    public string[] Activities(int v)
    {
        var codes = Variants[v].Codes;
        var names = new string[codes.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Log.ActivityNames[codes[i]];
        }

        return names;
    }
}
