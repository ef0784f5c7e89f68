using Journeyscope.EventLogs;

namespace Journeyscope.Core.Tests.Monitoring;

/// <summary>The control-flow and frequency changes the generator applies to a model at a known case index.</summary>
public enum DriftPattern
{
    None,
    Moved,
    Removed,
    Skipped,
    Parallelised,
    Looped,
    Added,
    Frequency,
}

/// <summary>
/// Random process models (a sequence of slots: activity, choice, parallel pair, loop) played out into logs whose cases
/// start one minute apart, with a drift applied at known case indexes: sudden, gradual (mixing over a stretch) or
/// recurring (A B A).
/// </summary>
internal sealed class DriftLogGenerator
{
    private readonly Random _random;

    public DriftLogGenerator(int seed) => _random = new Random(seed);

    /// <summary>A random model: 6 to 9 slots, at least three single activities and one choice.</summary>
    public Model RandomModel()
    {
        var slots = new List<Slot>();
        var next = 0;
        var count = _random.Next(6, 10);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.NextDouble();
            var kind = i is 1 or 3 or 5 ? SlotKind.Activity : i == 2 ? SlotKind.Choice
                : roll < 0.4 ? SlotKind.Activity : roll < 0.65 ? SlotKind.Choice : roll < 0.85 ? SlotKind.Parallel : SlotKind.Loop;
            var width = kind is SlotKind.Activity or SlotKind.Loop ? 1 : kind == SlotKind.Choice ? _random.Next(2, 4) : 2;
            var names = Enumerable.Range(0, width).Select(_ => Name(next++)).ToArray();
            var weights = Enumerable.Range(0, width).Select(_ => 1.0 / width).ToArray();
            slots.Add(new Slot(kind, names, weights, kind == SlotKind.Loop ? 0.3 : 0));
        }

        return new Model(slots);
    }

    /// <summary>The model after <paramref name="pattern"/> is applied to a random single-activity slot (or the first choice).</summary>
    public Model Apply(Model model, DriftPattern pattern)
    {
        var slots = model.Slots.ToList();
        var singles = Enumerable.Range(0, slots.Count).Where(i => slots[i].Kind == SlotKind.Activity).ToList();
        var at = singles[_random.Next(singles.Count)];
        var slot = slots[at];
        switch (pattern)
        {
            case DriftPattern.Moved:
                slots.RemoveAt(at);
                var to = at;
                while (Math.Abs(to - at) < 2)
                {
                    to = _random.Next(slots.Count + 1);
                }

                slots.Insert(to, slot);
                break;
            case DriftPattern.Removed:
                slots.RemoveAt(at);
                break;
            case DriftPattern.Skipped:
                slots[at] = slot with { Kind = SlotKind.Choice, Names = [slot.Names[0], ""], Weights = [0.5, 0.5] };
                break;
            case DriftPattern.Parallelised:
                var neighbour = at + 1 < slots.Count ? at + 1 : at - 1;
                var (first, second) = (Math.Min(at, neighbour), Math.Max(at, neighbour));
                var merged = new Slot(SlotKind.Parallel, [.. slots[first].Names.Take(1), .. slots[second].Names.Take(1)], [0.5, 0.5], 0);
                slots[first] = merged;
                slots.RemoveAt(second);
                break;
            case DriftPattern.Looped:
                slots[at] = slot with { Kind = SlotKind.Loop, Redo = 0.5 };
                break;
            case DriftPattern.Added:
                slots.Insert(at + 1, new Slot(SlotKind.Activity, ["New step"], [1.0], 0));
                break;
            case DriftPattern.Frequency:
                var choice = slots.FindIndex(s => s.Kind == SlotKind.Choice);
                var weights = slots[choice].Weights.Select((_, i) => i == 0 ? 0.8 : 0.2 / (slots[choice].Weights.Count - 1)).ToArray();
                slots[choice] = slots[choice] with { Weights = weights };
                break;
            case DriftPattern.None:
                break;
        }

        return new Model(slots);
    }

    /// <summary>
    /// A log of <paramref name="cases"/> cases where case i follows <paramref name="after"/> with the probability
    /// <paramref name="shareAfter"/> gives for i, else <paramref name="before"/>.
    /// </summary>
    public EventLog Play(Model before, Model after, int cases, Func<int, double> shareAfter)
    {
        var builder = new EventLogBuilder(cases * 10);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var trace = new List<string>();
        for (var c = 0; c < cases; c++)
        {
            var model = _random.NextDouble() < shareAfter(c) ? after : before;
            trace.Clear();
            foreach (var slot in model.Slots)
            {
                PlaySlot(slot, trace);
            }

            var id = "c" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var e = 0; e < trace.Count; e++)
            {
                builder.AddEvent(id, trace[e], start + (c * TimeSpan.TicksPerMinute) + (e * TimeSpan.TicksPerSecond));
            }
        }

        return builder.Build();
    }

    /// <summary>A sudden drift at <paramref name="at"/>.</summary>
    public static Func<int, double> Sudden(int at) => c => c >= at ? 1 : 0;

    /// <summary>A gradual drift: the new model's share rises linearly over <paramref name="length"/> cases from <paramref name="at"/>.</summary>
    public static Func<int, double> Gradual(int at, int length) => c => c < at ? 0 : c >= at + length ? 1 : (c - at) / (double)length;

    /// <summary>A recurring drift: the new model from <paramref name="from"/> until <paramref name="until"/>, then the old again.</summary>
    public static Func<int, double> Recurring(int from, int until) => c => c >= from && c < until ? 1 : 0;

    private void PlaySlot(Slot slot, List<string> trace)
    {
        switch (slot.Kind)
        {
            case SlotKind.Activity:
                trace.Add(slot.Names[0]);
                break;
            case SlotKind.Choice:
                var roll = _random.NextDouble();
                var pick = 0;
                for (var acc = slot.Weights[0]; roll >= acc && pick < slot.Names.Count - 1; acc += slot.Weights[++pick])
                {
                }

                if (slot.Names[pick].Length > 0)
                {
                    trace.Add(slot.Names[pick]);
                }

                break;
            case SlotKind.Parallel:
                var order = _random.Next(2) == 0 ? slot.Names : slot.Names.Reverse().ToArray();
                trace.AddRange(order);
                break;
            case SlotKind.Loop:
                trace.Add(slot.Names[0]);
                while (_random.NextDouble() < slot.Redo)
                {
                    trace.Add(slot.Names[0]);
                }

                break;
        }
    }

    private static string Name(int index) => "Step " + (char)('A' + index);

    internal enum SlotKind
    {
        Activity,
        Choice,
        Parallel,
        Loop,
    }

    internal sealed record Slot(SlotKind Kind, IReadOnlyList<string> Names, IReadOnlyList<double> Weights, double Redo);

    internal sealed record Model(IReadOnlyList<Slot> Slots);
}
