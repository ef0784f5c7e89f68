using System.Collections.Concurrent;
using Journeyscope.EventLogs;
using Journeyscope.IO.Journeys;
using Journeyscope.Monitoring;
using Journeyscope.Server.Notifications;
using Journeyscope.Server.Services;
using Journeyscope.Storage;
using Journeyscope.Storage.Monitoring;
using Microsoft.Extensions.Options;

namespace Journeyscope.Server.Monitoring;

/// <summary>
/// Live conformance and rules: after each collector commit (<see cref="WorkspaceHost.Changed"/>) the cases the store's
/// change journal names (<see cref="IEventStore.ReadChangesSince"/>) go, from their first unseen event, through each
/// journey's prefix alignment (deviations known at once, kept in <see cref="LiveDeviationLog"/>) and rule engine; a timer
/// (every second, on the injected <see cref="TimeProvider"/>) fires the deadlines that passed. Rule firings are recorded
/// once (<see cref="RuleFiringLog"/>) and sent as <c>rule.fired</c> webhooks (<see cref="WebhookOutbox"/>).
/// </summary>
/// <remarks>
/// On its first look at a workspace the monitor replays the stored history silently: what fired before the last time
/// it checked (or before it started, on the very first run) is history, not news. After a restart, deadlines that passed
/// while the server was down fire then, and firings already recorded are not repeated. A change costs O(events of the
/// touched cases); when the store cannot tell what changed (an erasure, a journal that forgot), everything is read again.
/// Customers idle beyond the longest rule window plus <see cref="LiveMonitorOptions.EvictionMargin"/> are evicted.
/// </remarks>
public sealed class LiveMonitor(
    WorkspaceHost host, WebhookOutbox outbox, IOptions<LiveMonitorOptions> options, TimeProvider time, ILogger<LiveMonitor> logger) : BackgroundService
{
    private readonly LiveMonitorOptions _options = options.Value;

    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LiveWorkspace> _workspaces = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly SemaphoreSlim _tick = new(1, 1);
    private DateTimeOffset _started = DateTimeOffset.MinValue;

    /// <summary>The live deviations of <paramref name="workspace"/> (kept in <c>live.sqlite</c>, also across restarts), newest first.</summary>
    public IReadOnlyList<LiveDeviation> Deviations(string workspace, int limit = 100, string? journey = null, int offset = 0) =>
        LiveDeviationLog.List(host.Get(workspace).Folder, limit, journey, offset);

    /// <summary>Customers whose live state <paramref name="workspace"/> keeps in memory now (0 when it is not monitored).</summary>
    public int TrackedCustomers(string workspace)
    {
        if (!_workspaces.TryGetValue(workspace, out var live))
        {
            return 0;
        }

        lock (live.Gate)
        {
            return live.CustomerCount;
        }
    }

    /// <summary>Looks at <paramref name="workspace"/> now (new events, passed deadlines); what the timer and change notifications do.</summary>
    public async Task CheckAsync(string workspace, CancellationToken cancellationToken = default)
    {
        _dirty[workspace] = 0;
        await TickAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _started = time.GetUtcNow();
        host.Changed += OnChanged;
        host.Closed += OnClosed;
        try
        {
            foreach (var name in host.List())
            {
                _dirty[name] = 0;
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await TickAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Live monitoring tick failed; retrying.");
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = Task.Delay(TimeSpan.FromSeconds(1), time, wait.Token);
                var woken = _signal.WaitAsync(wait.Token);
                await Task.WhenAny(delay, woken).ConfigureAwait(false);
                await wait.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            host.Changed -= OnChanged;
            host.Closed -= OnClosed;
        }
    }

    /// <summary>
    /// A workspace closed by an erasure (or a deletion or rename) drops its customers' live state, deviations included;
    /// the next tick rebuilds it from the stored events, silently up to the last check, so nothing of an erased customer stays.
    /// </summary>
    private void OnClosed(string name)
    {
        _workspaces.TryRemove(name, out _);
        OnChanged(name);
    }

    private void OnChanged(string name)
    {
        _dirty[name] = 0;
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        await _tick.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var name in _dirty.Keys)
            {
                _dirty.TryRemove(name, out _);
                if (host.Exists(name))
                {
                    await RefreshAsync(name, cancellationToken).ConfigureAwait(false);
                }
            }

            var now = time.GetUtcNow();
            foreach (var (name, live) in _workspaces)
            {
                var fired = new List<RuleFiring>();
                lock (live.Gate)
                {
                    foreach (var journey in live.Journeys)
                    {
                        journey.Rules.AdvanceTo(now, fired);
                    }
                }

                await PublishAsync(name, live, fired, cancellationToken).ConfigureAwait(false);
                Evict(live, now);
                if (live.Moved)
                {
                    // Written only when something was fed or fired since: an idle workspace costs no write per second.
                    RuleFiringLog.WriteMark(live.Folder, now);
                    live.Moved = false;
                }
            }
        }
        finally
        {
            _tick.Release();
        }
    }

    private async Task RefreshAsync(string name, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(host.Root, name);
        var journeysFolder = Path.Combine(folder, JourneyRepository.FolderName);
        var fingerprint = Fingerprint(journeysFolder);
        if (!_workspaces.TryGetValue(name, out var live) || live.Fingerprint != fingerprint)
        {
            var journeys = LoadJourneys(journeysFolder);
            if (journeys.Count == 0)
            {
                _workspaces.TryRemove(name, out _);
                return;
            }

            var baseline = RuleFiringLog.ReadMark(folder) ?? (_started == DateTimeOffset.MinValue ? time.GetUtcNow() : _started);
            live = new LiveWorkspace(folder, fingerprint, journeys, baseline);
            _workspaces[name] = live;
        }

        var store = host.Get(name);
        var fired = new List<RuleFiring>();
        var deviations = new List<LiveDeviation>();
        if (live.Graph is not null && store.Version == live.Version)
        {
            return;
        }

        // The cases the commits since the last feed touched; everything when the store cannot tell (or on the first feed).
        var changes = live.Graph is { } known
            ? await Task.Run(() => store.ReadChangesSince(live.Version, known, cancellationToken), cancellationToken).ConfigureAwait(false)
            : null;
        var cases = changes?.Added ?? await Task.Run(() => store.ReadAll(cancellationToken), cancellationToken).ConfigureAwait(false);
        lock (live.Gate)
        {
            if (changes is null)
            {
                var present = new HashSet<string>(cases.Log.CaseIds, StringComparer.Ordinal);
                foreach (var gone in live.Seen.Keys.Where(id => !present.Contains(id)).ToList())
                {
                    live.Forget(gone);
                }
            }
            else
            {
                // A removed id that is not added back was merged into a customer: its open occurrences must not fire under it.
                var added = new HashSet<string>(cases.Log.CaseIds, StringComparer.Ordinal);
                foreach (var removed in changes.RemovedCases)
                {
                    if (!added.Contains(removed))
                    {
                        live.Forget(removed);
                    }
                }
            }

            Feed(live, cases.Log, fired, deviations);
            live.Version = cases.Version;
            live.Graph = cases.Identity;
            live.Moved |= cases.Log.EventCount > 0;
        }

        LiveDeviationLog.Record(live.Folder, deviations, _options.DeviationRetention);
        await PublishAsync(name, live, fired, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Feeds the events each case of <paramref name="log"/> (all cases, or those a change touched, whole) has beyond those
    /// already seen, all customers interleaved by time.
    /// </summary>
    private static void Feed(LiveWorkspace live, EventLog log, List<RuleFiring> fired, List<LiveDeviation> deviations)
    {
        var fresh = new List<(long Ticks, int Event, int Case)>();
        // Identity stitching merges an anonymous visitor's case into the known customer's: the known case gets events
        // before those already seen, so it is fed again from its start (firings already recorded are not sent again:
        // RuleFiringLog dedups them). A customer evicted for inactivity who returns is fed from the start too.
        var replayed = new Dictionary<int, long>();
        for (var c = 0; c < log.CaseCount; c++)
        {
            var id = log.CaseIds[c];
            var seen = live.Seen.GetValueOrDefault(id);
            var length = log.CaseLength(c);
            if (seen > 0 && (seen > length || log.GetTimestamp(log.CaseStart(c) + seen - 1).UtcTicks != live.LastSeen.GetValueOrDefault(id)))
            {
                replayed[c] = live.LastSeen.GetValueOrDefault(id);
                live.Forget(id);
                seen = 0;
            }

            if (length > 0)
            {
                live.LastSeen[id] = log.GetTimestamp(log.CaseStart(c) + length - 1).UtcTicks;
            }

            for (var e = log.CaseStart(c) + seen; e < log.CaseStart(c) + length; e++)
            {
                fresh.Add((log.GetTimestamp(e).UtcTicks, e, c));
            }

            live.Seen[id] = length;
        }

        fresh.Sort((x, y) => x.Ticks != y.Ticks ? x.Ticks.CompareTo(y.Ticks) : x.Event.CompareTo(y.Event));
        foreach (var (ticks, e, c) in fresh)
        {
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            var customer = log.CaseIds[c];
            var activity = log.ActivityNames[log.Activities[e]];
            var row = e;
            foreach (var journey in live.Journeys)
            {
                journey.Rules.AdvanceTo(at, fired);
                journey.Rules.Observe(customer, activity, at, attribute => log.FindEventAttribute(attribute)?.GetValue(row)?.ToString(), fired);
                // A case fed again shows no deviation twice: those up to its previous last event were shown then (and
                // the deviation log ignores one it holds).
                if (journey.Align(customer, activity, at) is { } deviation && at >= live.Baseline && ticks > replayed.GetValueOrDefault(c))
                {
                    deviations.Add(deviation);
                }
            }
        }
    }

    private void Evict(LiveWorkspace live, DateTimeOffset now)
    {
        if (now - live.LastEviction < _options.EvictionInterval)
        {
            return;
        }

        lock (live.Gate)
        {
            live.LastEviction = now;
            live.Evict(now - live.Horizon(_options.EvictionMargin));
        }
    }

    private async Task PublishAsync(string name, LiveWorkspace live, List<RuleFiring> fired, CancellationToken cancellationToken)
    {
        foreach (var firing in fired)
        {
            if (firing.At < live.Baseline)
            {
                continue;
            }

            live.Moved = true;
            if (!RuleFiringLog.TryRecord(live.Folder, firing))
            {
                continue;
            }

            if (firing.Kind == "time-target")
            {
                LiveDeviationLog.Record(live.Folder, [new LiveDeviation(firing.Journey, firing.Customer, "time-target", firing.Rule, firing.At, 0, firing.Reason)],
                    _options.DeviationRetention);
            }
            else
            {
                await outbox.EnqueueAsync(name, "rule.fired", firing, firing.DedupKey, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private List<LiveJourney> LoadJourneys(string folder)
    {
        var journeys = new List<LiveJourney>();
        foreach (var file in JourneyRepository.Files(folder))
        {
            try
            {
                var read = JourneyYaml.Read(file);
                if (read.Journey is { } journey && !JourneyValidator.Validate(read).Any(d => d.IsError) && (journey.Flow is not null || journey.Rules.Count > 0 || journey.TimeTargets.Count > 0))
                {
                    journeys.Add(new LiveJourney(journey));
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
            {
                logger.LogWarning(e, "Journey {File} is not monitored live.", file);
            }
        }

        return journeys;
    }

    private static string Fingerprint(string folder) =>
        string.Join('|', JourneyRepository.Files(folder).Select(f => f + ":" + File.GetLastWriteTimeUtc(f).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
