using Journeyscope.Discovery;

namespace Journeyscope.Funnels;

/// <summary>The mergeable result of one chunk of cases: per breakdown group, step counts and the times to convert.</summary>
/// <remarks>Merging appends counts and time lists; the final statistics are exact whatever the chunking.</remarks>
internal sealed class FunnelChunk(int stepCount)
{
    private readonly Dictionary<int, Group> _groups = [];

    public int StepCount { get; } = stepCount;

    public IReadOnlyDictionary<int, Group> Groups => _groups;

    public Group For(int group)
    {
        if (!_groups.TryGetValue(group, out var partial))
        {
            partial = new Group(StepCount);
            _groups.Add(group, partial);
        }

        return partial;
    }

    public void Merge(FunnelChunk other)
    {
        foreach (var (key, group) in other._groups)
        {
            For(key).Merge(group);
        }
    }

    /// <summary>The partial result of the cases of one breakdown group.</summary>
    internal sealed class Group
    {
        public Group(int stepCount)
        {
            Entered = new long[stepCount];
            FromFirst = new GrowBuffer<long>[stepCount];
            FromPrevious = new GrowBuffer<long>[stepCount];
            for (var j = 0; j < stepCount; j++)
            {
                FromFirst[j] = new GrowBuffer<long>(0);
                FromPrevious[j] = new GrowBuffer<long>(0);
            }
        }

        public long[] Entered { get; }

        public GrowBuffer<long>[] FromFirst { get; }

        public GrowBuffer<long>[] FromPrevious { get; }

        public void Merge(Group other)
        {
            for (var j = 0; j < Entered.Length; j++)
            {
                Entered[j] += other.Entered[j];
                FromFirst[j].AddRange(other.FromFirst[j].Span);
                FromPrevious[j].AddRange(other.FromPrevious[j].Span);
            }
        }
    }
}
