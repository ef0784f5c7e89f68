using Journeyscope.Partitions;

namespace Journeyscope.Server.Services;

/// <summary>
/// One analysis answered from the partials of a followed workspace's partitioned log (<see cref="LiveLogCache.Answer"/>):
/// the key of its parameter set, the <see cref="IPartialCache{TPartial}"/> made for that set, and the finish.
/// </summary>
/// <typeparam name="TPartial">The analysis's partial.</typeparam>
/// <typeparam name="TResult">What the finish gives.</typeparam>
/// <param name="Key">
/// The analysis and every parameter its partial depends on (e.g. <c>funnel:</c> and the definition); requests with equal
/// keys share one cache, so after a change only the changed partitions are mapped and merged again.
/// </param>
/// <param name="Cache">Makes the cache on the first request for <paramref name="Key"/>, e.g. <c>() =&gt; FunnelPartial.Cache(definition)</c>.</param>
/// <param name="Finish">
/// The result from the merged partial and the log it covers; may use parameters of the request that are not part of the
/// key (how many moments or example comments to show, the granularity of periods).
/// </param>
/// <param name="Finishing">
/// Every parameter <paramref name="Finish"/> uses beyond the partial and the log, as text (e.g. <c>bottlenecks:10</c>): the
/// answer is kept per finishing for the partial it was finished from (<see cref="LiveFinishes"/>), so two finishes of one
/// cache (performance and bottlenecks, KPIs and the KPI tree) must differ in it.
/// </param>
internal sealed record LivePartialAnswer<TPartial, TResult>(
    string Key, Func<IPartialCache<TPartial>> Cache, Func<TPartial, PartitionedEventLog, TResult> Finish, string Finishing)
    where TPartial : class;
