namespace Journeyscope.Server.Services;

/// <summary>
/// The finished answers of one partial cache (<see cref="LivePartials"/>) for the whole-log partial it last gave: a page's
/// requests, and every user's, at one version of the log finish once per set of finish parameters.
/// </summary>
/// <remarks>
/// Thread-safe. An answer is given back only for the same partial instance (<see cref="Partitions.PartialCache{TPartial}"/>
/// returns one instance per set of partition partials) and the same log version; a new partial drops the answers of the
/// old. At most <see cref="Capacity"/> parameter sets are kept (a request may choose its <c>top</c>).
/// </remarks>
internal sealed class LiveFinishes
{
    /// <summary>Most finish parameter sets kept for one partial; beyond, the answers kept are dropped.</summary>
    public const int Capacity = 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, object> _answers = new(StringComparer.Ordinal);
    private object? _partial;
    private long _version;

    /// <summary>
    /// The answer kept for <paramref name="partial"/> at <paramref name="version"/> with <paramref name="finishing"/> (the
    /// finish's own parameters), or the one <paramref name="finish"/> gives, then kept; <paramref name="finished"/> says which.
    /// </summary>
    public TResult GetOrFinish<TResult>(object partial, long version, string finishing, Func<TResult> finish, out bool finished)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(finish);
        lock (_gate)
        {
            if (ReferenceEquals(_partial, partial) && _version == version && _answers.TryGetValue(finishing, out var kept))
            {
                finished = false;
                return (TResult)kept;
            }
        }

        var answer = finish();
        lock (_gate)
        {
            if (!ReferenceEquals(_partial, partial) || _version != version || _answers.Count >= Capacity)
            {
                _answers.Clear();
                (_partial, _version) = (partial, version);
            }

            _answers[finishing] = answer;
        }

        finished = true;
        return answer;
    }
}
