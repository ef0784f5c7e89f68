using Journeyscope.Journeys;

namespace Journeyscope.Simulation;

/// <summary>The decisions of the flow's nodes: skip probabilities, choice weights, repeat probabilities.</summary>
internal sealed partial class JourneyProgram
{
#pragma warning disable CA1819 // Internal lookup tables, read in the generator's loop.
    /// <summary>Per node: the leftmost visible step below it, or -1.</summary>
    public int[] FirstStep { get; private set; } = [];

    /// <summary>Per choice node: its children that are not silent leaves.</summary>
    public int[][] Options { get; private set; } = [];

    /// <summary>Per choice node: cumulative weights of <see cref="Options"/>.</summary>
    public double[][] Cumulative { get; private set; } = [];

    /// <summary>Per choice node: whether one branch is silent (the choice is optional).</summary>
    public bool[] Optional { get; private set; } = [];

    /// <summary>Per optional choice node: the probability of taking the silent branch.</summary>
    public double[] Skip { get; private set; } = [];

    /// <summary>Per choice node: the named retail step its first option begins with, or <see cref="NoRole"/>.</summary>
    public byte[] OptionRole { get; private set; } = [];

    /// <summary>Per loop node: the probability of going round once more.</summary>
    public double[] Repeat { get; private set; } = [];

    /// <summary>Per loop node: whether its body places an order (the repeat-purchase loop).</summary>
    public bool[] PurchaseLoop { get; private set; } = [];
#pragma warning restore CA1819

    private void FinishNodes(Scenario scenario)
    {
        var count = Kind.Length;
        FirstStep = new int[count];
        Options = new int[count][];
        Cumulative = new double[count][];
        Optional = new bool[count];
        Skip = new double[count];
        OptionRole = new byte[count];
        Repeat = new double[count];
        PurchaseLoop = new bool[count];

        // Children come after their parent, so a backward pass sees every child first.
        for (var node = count - 1; node >= 0; node--)
        {
            FirstStep[node] = Kind[node] == ProcessTreeOperator.Leaf ? Step[node] : FirstOf(Children[node]);
            OptionRole[node] = NoRole;
            Options[node] = [];
            Cumulative[node] = [];
            switch (Kind[node])
            {
                case ProcessTreeOperator.ExclusiveChoice:
                    CompileChoice(node, scenario);
                    break;
                case ProcessTreeOperator.Loop:
                    var body = FirstStep[Children[node][0]];
                    Repeat[node] = (body >= 0 ? StepKnobs[body]?.Repeat : null) ?? scenario.DefaultRepeat;
                    PurchaseLoop[node] = Places(Children[node][0]);
                    break;
            }
        }
    }

    private void CompileChoice(int node, Scenario scenario)
    {
        var options = new List<int>();
        foreach (var child in Children[node])
        {
            if (Kind[child] == ProcessTreeOperator.Leaf && Step[child] < 0)
            {
                Optional[node] = true;
            }
            else
            {
                options.Add(child);
            }
        }

        Options[node] = [.. options];
        var cumulative = new double[options.Count];
        var total = 0.0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            var first = FirstStep[options[i]];
            total += (first >= 0 ? StepKnobs[first]?.Weight : null) ?? 1;
            cumulative[i] = total;
        }

        if (total <= 0)
        {
            // Every branch weighted zero: fall back to equal weights rather than never choosing.
            for (var i = 0; i < cumulative.Length; i++)
            {
                cumulative[i] = i + 1;
            }
        }

        Cumulative[node] = cumulative;
        var lead = options.Count > 0 ? FirstStep[options[0]] : -1;
        if (lead >= 0)
        {
            OptionRole[node] = StepRole[lead];
        }

        if (Optional[node])
        {
            Skip[node] = options.Count == 0 ? 1
                : lead >= 0 && StepKnobs[lead]?.Skip is { } skip ? skip
                : lead >= 0 && scenario.StageDropOuts.TryGetValue(StepStage[lead], out var dropOut) ? dropOut
                : scenario.DefaultSkip;
        }
    }

    private int FirstOf(int[] children)
    {
        foreach (var child in children)
        {
            if (FirstStep[child] >= 0)
            {
                return FirstStep[child];
            }
        }

        return -1;
    }

    private bool Places(int node)
    {
        if (Kind[node] == ProcessTreeOperator.Leaf)
        {
            return Step[node] >= 0 && StepRole[Step[node]] == Catalog.PlaceOrder;
        }

        foreach (var child in Children[node])
        {
            if (Places(child))
            {
                return true;
            }
        }

        return false;
    }
}
