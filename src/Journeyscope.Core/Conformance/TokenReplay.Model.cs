namespace Journeyscope.Conformance;

public static partial class TokenReplay
{
    /// <summary>What replay looks up per event, computed once per net: the transitions of each label and the silent transitions that can feed them.</summary>
    private sealed class ReplayModel
    {
        private readonly int[][] _transitionsOfLabel;
        private readonly bool[][] _feeders;

        public ReplayModel(PetriNet net)
        {
            Net = net;
            var labels = net.Labels.Count;
            var lists = new List<int>[labels];
            for (var l = 0; l < labels; l++)
            {
                lists[l] = [];
            }

            for (var t = 0; t < net.TransitionCount; t++)
            {
                if (net.TransitionLabelIds[t] is var label and >= 0)
                {
                    lists[label].Add(t);
                }
            }

            _transitionsOfLabel = new int[labels][];
            for (var l = 0; l < labels; l++)
            {
                _transitionsOfLabel[l] = [.. lists[l]];
            }

            _feeders = new bool[labels][];
            for (var l = 0; l < labels; l++)
            {
                _feeders[l] = SilentFeeders(net, InputPlacesOfLabel(net, l));
            }
        }

        public PetriNet Net { get; }

        /// <summary>The silent transitions that can move tokens towards the input places of the label's transitions.</summary>
        public bool[] FeedersOf(int label) => _feeders[label];

        /// <summary>The first enabled transition with <paramref name="label"/> in transition order, or -1.</summary>
        public int FirstEnabled(int[] marking, int label)
        {
            foreach (var t in _transitionsOfLabel[label])
            {
                if (Net.IsEnabled(t, marking))
                {
                    return t;
                }
            }

            return -1;
        }
    }
}
