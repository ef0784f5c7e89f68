using Journeyscope.Server.Services;

namespace Journeyscope.Server.Tests.Api;

public sealed class SharedLruCacheTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetOrAdd_ConcurrentCallersOfOneKey_ShareOneComputation()
    {
        // Given a computation that waits until released
        var cache = new SharedLruCache<string, object>(10, static _ => 1);
        using var release = new ManualResetEventSlim();
        var runs = 0;
        object Compute()
        {
            Interlocked.Increment(ref runs);
            release.Wait(Token);
            return new object();
        }

        // When three callers ask for the same key before it finishes
        var calls = Enumerable.Range(0, 3).Select(_ => cache.GetOrAddAsync("k", Compute, Token)).ToList();
        release.Set();
        var results = await Task.WhenAll(calls);

        // Then it ran once and every caller got the same object
        runs.ShouldBe(1);
        cache.Computations.ShouldBe(1);
        results.Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task GetOrAdd_OverBudget_DropsTheLeastRecentlyUsed()
    {
        // Given a budget of 10 and three values weighing 4 each, the first used again after the second
        var cache = new SharedLruCache<string, int[]>(10, static v => v.Length);
        var a = await cache.GetOrAddAsync("a", () => new int[4], Token);
        await cache.GetOrAddAsync("b", () => new int[4], Token);
        (await cache.GetOrAddAsync("a", () => new int[4], Token)).ShouldBeSameAs(a);

        // When the third pushes the total over the budget
        await cache.GetOrAddAsync("c", () => new int[4], Token);

        // Then "b", the least recently used, was dropped and "a" stayed
        cache.Weight.ShouldBe(8);
        cache.Count.ShouldBe(2);
        (await cache.GetOrAddAsync("a", () => new int[4], Token)).ShouldBeSameAs(a);
        var computed = cache.Computations;
        await cache.GetOrAddAsync("b", () => new int[4], Token);
        cache.Computations.ShouldBe(computed + 1);
    }

    [Fact]
    public async Task GetOrAdd_ComputationFails_IsForgottenAndRetried()
    {
        // Given a computation that fails once
        var cache = new SharedLruCache<string, string>(10, static _ => 1);
        await Should.ThrowAsync<InvalidOperationException>(() => cache.GetOrAddAsync("k", () => throw new InvalidOperationException("bad"), Token));

        // When it is asked for again
        var value = await cache.GetOrAddAsync("k", () => "good", Token);

        // Then the second computation ran and was cached
        value.ShouldBe("good");
        cache.Count.ShouldBe(1);
        cache.Computations.ShouldBe(2);
    }

    [Fact]
    public async Task RemoveWhere_MatchingKeys_AreDroppedAndWeightFreed()
    {
        // Given two cached values
        var cache = new SharedLruCache<string, int[]>(100, static v => v.Length);
        await cache.GetOrAddAsync("ws1@1", () => new int[3], Token);
        await cache.GetOrAddAsync("ws2@1", () => new int[5], Token);

        // When the entries of ws1 are removed
        cache.RemoveWhere(k => k.StartsWith("ws1", StringComparison.Ordinal));

        // Then only ws2's value and weight remain
        cache.Count.ShouldBe(1);
        cache.Weight.ShouldBe(5);
    }
}
