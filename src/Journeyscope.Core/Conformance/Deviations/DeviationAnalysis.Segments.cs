using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Filters;

namespace Journeyscope.Conformance;

public static partial class DeviationAnalysis
{
    /// <summary>The segment value of a case without the attribute.</summary>
    internal const string Missing = "(missing)";

    /// <summary>The warning for a segment attribute the log does not have.</summary>
    internal static string NoCaseAttribute(string name) => $"There is no case attribute '{name}': no segments by it.";

    /// <summary>The warning for a persona whose segment filter does not parse.</summary>
    internal static string PersonaFilterDoesNotParse(Journeys.Persona persona, FilterParseException e) =>
        $"Persona '{persona.Id}': its segment filter does not parse ({e.Message}): no segment for it.";

    private static List<SegmentConformance> Segment(
        EventLog log, JourneyIndex index, AlignmentResult alignments, DeviationOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        var fitness = new double[alignments.Variants.Count];
        var fits = new bool[alignments.Variants.Count];
        for (var v = 0; v < fitness.Length; v++)
        {
            fitness[v] = alignments.Variants[v].Alignment.Fitness;
            fits[v] = alignments.Variants[v].Alignment.IsFitting;
        }

        var segments = new List<SegmentConformance>();
        SegmentByCaseAttributes(log, alignments, fitness, fits, options, warnings, segments);
        cancellationToken.ThrowIfCancellationRequested();
        SegmentByPersonas(log, index, alignments, fitness, fits, warnings, segments, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        SegmentByChannels(log, index, alignments, fitness, fits, segments);
        SegmentByPeriods(log, alignments, fitness, fits, options.Period, segments);
        return segments;
    }

    private static void SegmentByCaseAttributes(
        EventLog log, AlignmentResult alignments, double[] fitness, bool[] fits, DeviationOptions options, List<string> warnings, List<SegmentConformance> segments)
    {
        var explicitNames = options.SegmentAttributes;
        var columns = new List<AttributeColumn>();
        if (explicitNames is null)
        {
            columns.AddRange(log.CaseAttributes);
        }
        else
        {
            foreach (var name in explicitNames)
            {
                if (log.FindCaseAttribute(name) is { } column)
                {
                    columns.Add(column);
                }
                else
                {
                    warnings.Add(NoCaseAttribute(name));
                }
            }
        }

        foreach (var column in columns)
        {
            var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
            var tooMany = false;
            for (var c = 0; c < log.CaseCount; c++)
            {
                var value = column.GetValue(c)?.ToString() ?? Missing;
                if (!groups.TryGetValue(value, out var accumulator))
                {
                    if (explicitNames is null && groups.Count >= options.MaxSegmentValues)
                    {
                        tooMany = true;
                        break;
                    }

                    accumulator = new Accumulator();
                    groups.Add(value, accumulator);
                }

                accumulator.Add(alignments.CaseVariants[c], fitness, fits);
            }

            if (tooMany)
            {
                continue;
            }

            Emit("case:" + column.Name, groups, segments, byValue: false);
        }
    }

    private static void SegmentByPersonas(
        EventLog log, JourneyIndex index, AlignmentResult alignments, double[] fitness, bool[] fits, List<string> warnings,
        List<SegmentConformance> segments, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var persona in index.Journey.Personas)
        {
            if (string.IsNullOrWhiteSpace(persona.Segment))
            {
                continue;
            }

            LogFilter filter;
            try
            {
                filter = FilterParser.Parse(persona.Segment);
            }
            catch (FilterParseException e)
            {
                warnings.Add(PersonaFilterDoesNotParse(persona, e));
                continue;
            }

            var keep = PersonaCases(log, filter, cancellationToken);
            var accumulator = new Accumulator();
            for (var c = 0; c < log.CaseCount; c++)
            {
                if (keep[c])
                {
                    accumulator.Add(alignments.CaseVariants[c], fitness, fits);
                }
            }

            groups[persona.Id] = accumulator;
        }

        Emit("persona", groups, segments, byValue: false);
    }

    /// <summary>The cases a persona's filter selects: those a case filter keeps, or those where an event filter keeps an event.</summary>
    internal static bool[] PersonaCases(EventLog log, LogFilter filter, CancellationToken cancellationToken)
    {
        var keep = new bool[log.CaseCount];
        Array.Fill(keep, true);
        if (filter is CaseFilter caseFilter)
        {
            caseFilter.Prepare(log, keep).Apply(0, log.CaseCount, keep);
            return keep;
        }

        var eventFilter = (EventFilter)filter;
        var events = new bool[log.EventCount];
        Array.Fill(events, true);
        eventFilter.Prepare(log).Apply(0, log.EventCount, events);
        cancellationToken.ThrowIfCancellationRequested();
        for (var c = 0; c < log.CaseCount; c++)
        {
            keep[c] = Array.IndexOf(events, true, log.CaseStarts[c], log.CaseLength(c)) >= 0;
        }

        return keep;
    }

    private static void SegmentByChannels(
        EventLog log, JourneyIndex index, AlignmentResult alignments, double[] fitness, bool[] fits, List<SegmentConformance> segments)
    {
        var channel = index.Channel;
        if (channel is null)
        {
            return;
        }

        var accumulators = new Accumulator?[channel.Dictionary.Count];
        var seen = new int[channel.Dictionary.Count];
        Array.Fill(seen, -1);
        var codes = channel.Codes;
        for (var c = 0; c < log.CaseCount; c++)
        {
            var end = log.CaseStarts[c + 1];
            for (var e = log.CaseStarts[c]; e < end; e++)
            {
                var code = codes[e];
                if (code < 0 || seen[code] == c)
                {
                    continue;
                }

                seen[code] = c;
                (accumulators[code] ??= new Accumulator()).Add(alignments.CaseVariants[c], fitness, fits);
            }
        }

        // Codes are per distinct string, but a dictionary may in principle hold equal strings; merge by value.
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        for (var code = 0; code < accumulators.Length; code++)
        {
            if (accumulators[code] is { } accumulator)
            {
                if (groups.TryGetValue(channel.Dictionary[code], out var existing))
                {
                    existing.Merge(accumulator);
                }
                else
                {
                    groups.Add(channel.Dictionary[code], accumulator);
                }
            }
        }

        Emit("channel", groups, segments, byValue: false);
    }

    private static void SegmentByPeriods(
        EventLog log, AlignmentResult alignments, double[] fitness, bool[] fits, DeviationPeriod period, List<SegmentConformance> segments)
    {
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        for (var c = 0; c < log.CaseCount; c++)
        {
            if (log.CaseLength(c) == 0)
            {
                continue;
            }

            var key = PeriodKey(new DateTime(log.Timestamps[log.CaseStarts[c]], DateTimeKind.Unspecified), period);
            if (!groups.TryGetValue(key, out var accumulator))
            {
                accumulator = new Accumulator();
                groups.Add(key, accumulator);
            }

            accumulator.Add(alignments.CaseVariants[c], fitness, fits);
        }

        Emit("period", groups, segments, byValue: true);
    }

    /// <summary>The key of the period holding <paramref name="time"/>: <c>2024-03-01</c>, <c>2024-W09</c>, <c>2024-03</c>, <c>2024-Q1</c>, <c>2024</c>.</summary>
    internal static string PeriodKey(DateTime time, DeviationPeriod period) => period switch
    {
        DeviationPeriod.Day => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DeviationPeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(time):D4}-W{ISOWeek.GetWeekOfYear(time):D2}"),
        DeviationPeriod.Month => time.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DeviationPeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"{time.Year:D4}-Q{((time.Month - 1) / 3) + 1}"),
        _ => time.Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>Adds one row per group, most cases first (or by value), to <paramref name="segments"/>.</summary>
    internal static void Emit(string dimension, Dictionary<string, Accumulator> groups, List<SegmentConformance> segments, bool byValue)
    {
        var rows = new List<SegmentConformance>(groups.Count);
        foreach (var (value, accumulator) in groups)
        {
            rows.Add(new SegmentConformance(dimension, value, accumulator.Cases, accumulator.Fitting, accumulator.Cases == 0 ? 1.0 : accumulator.FitnessSum / accumulator.Cases));
        }

        rows.Sort(byValue
            ? (x, y) => string.CompareOrdinal(x.Value, y.Value)
            : (x, y) => x.Cases != y.Cases ? y.Cases.CompareTo(x.Cases) : string.CompareOrdinal(x.Value, y.Value));
        segments.AddRange(rows);
    }

    /// <summary>Cases, fitting cases and the fitness sum of one segment, added case by case in log order.</summary>
    internal sealed class Accumulator
    {
        public int Cases { get; private set; }

        public int Fitting { get; private set; }

        public double FitnessSum { get; private set; }

        public void Add(int variant, double[] fitness, bool[] fits) => Add(fitness[variant], fits[variant]);

        public void Add(double fitness, bool fits)
        {
            Cases++;
            Fitting += fits ? 1 : 0;
            FitnessSum += fitness;
        }

        public void Merge(Accumulator other)
        {
            Cases += other.Cases;
            Fitting += other.Fitting;
            FitnessSum += other.FitnessSum;
        }
    }
}
