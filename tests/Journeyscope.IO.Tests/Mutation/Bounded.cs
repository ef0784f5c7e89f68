namespace Journeyscope.IO.Tests.Mutation;

/// <summary>Runs work on its own background thread and gives up waiting after a bound, so a hang fails a test instead of stalling the run.</summary>
internal static class Bounded
{
    /// <summary>The work's result, or throws when it did not end within <paramref name="limit"/>; exceptions are rethrown.</summary>
    public static T Within<T>(TimeSpan limit, Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        })
        {
            IsBackground = true,
        };
        thread.Start();
        if (!thread.Join(limit))
        {
            throw new TimeoutException($"the work did not end within {limit.TotalSeconds} s");
        }

        return failure is null ? result : throw new AggregateException(failure);
    }
}
