using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Journeyscope.EventLogs;
using Journeyscope.Identity;
using Journeyscope.IO;
using Journeyscope.Partitions;
using Journeyscope.Storage.Collector;
using Journeyscope.Storage.Tests.Collector;

namespace Journeyscope.Storage.Tests;

/// <summary>
/// The live log grown from the events appended since its last read (joined in memory to the cases it holds) equals a fresh
/// read of the store, case by case and value by value, over random sequences of file appends, collector batches, identity
/// merges, erasures and refreshes.
/// </summary>
public sealed class LiveAppendPropertyTests
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private static readonly long T0 = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    [InlineData(5, 64)]
    [InlineData(6, 5)]
    public async Task Refresh_RandomAppendsMergesAndErasures_EqualsFreshReadCaseByCase(int seed, int partitions)
    {
        // Given a workspace followed by the live analyses
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveJourney(workspace, partitions);
        var random = new Random(seed);
        var sent = new List<CollectedMessage>();
        var message = 0;
        var erased = false;
        await workspace.AppendAsync(FileBatch(random, 120, 30), "base.csv", Ct);
        await live.RefreshAsync(null, 3, Ct);

        for (var step = 0; step < 24; step++)
        {
            // When random changes arrive: files continuing journeys (out of order, ties at one instant, attributes filled
            // later), collector batches with re-sent message ids and identifies, now and then an erasure
            var roll = random.Next(10);
            if (roll < 4)
            {
                await workspace.AppendAsync(FileBatch(random, random.Next(1, 40), 40), $"file{step}.csv", Ct);
            }
            else if (roll < 9)
            {
                var batch = new List<CollectedMessage>();
                for (var i = random.Next(1, 12); i > 0; i--)
                {
                    batch.Add(random.Next(5) == 0 && sent.Count > 0 ? sent[random.Next(sent.Count)] : Message(random, "m" + message++));
                }

                var summary = await workspace.CollectAsync(new CollectedBatch("collector:test", "segment", batch, []), TimeSpan.FromDays(30), Ct);
                if (!erased)
                {
                    // Re-sent message ids are refused by the collector: stored once.
                    summary.Duplicates.ShouldBe(batch.Count - batch.Distinct().Count(m => !sent.Contains(m)));
                }

                sent.AddRange(batch.Where(m => !sent.Contains(m)).Distinct());
            }
            else
            {
                workspace.DeleteCustomer("cust-" + random.Next(6), dryRun: false, Ct);
                erased = true;
            }

            if (random.Next(3) == 0)
            {
                continue;
            }

            var view = await live.RefreshAsync(null, 3, Ct);

            // Then every case equals the store's, and the running totals' snapshot equals the whole log's
            var all = workspace.ReadAll(Ct);
            Cases(view.Log).ShouldBe(Cases(all), $"step {step}");
            JsonSerializer.Serialize(view.Snapshot, Exact).ShouldBe(
                JsonSerializer.Serialize(JourneyPartial.Map(new EventLogSegment(all.Log, all.CaseKeys)).Finish(3), Exact), $"step {step}");
        }

        live.Log.AppendReads.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ReadAppendedSince_AfterAnAppend_ReturnsOnlyTheNewEventsWithTheirSequenceNumbers()
    {
        // Given a stored case of two events, read whole
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        await workspace.AppendAsync(Single("c1", 1, AttributeValue.FromLong(1)), "a.csv", Ct);
        await workspace.AppendAsync(Single("c1", 5, AttributeValue.FromLong(2)), "b.csv", Ct);
        var all = workspace.ReadAll(Ct);
        all.LastSeq.ShouldBe(1);

        // When an earlier event of the case and a new case arrive
        await workspace.AppendAsync(Single("c1", 3, AttributeValue.FromLong(3)), "c.csv", Ct);
        await workspace.AppendAsync(Single("c2", 2, AttributeValue.FromLong(4)), "d.csv", Ct);
        var append = workspace.ReadAppendedSince(all.Version, all.LastSeq!.Value, all.Identity, Ct)!;

        // Then only the two new events are read, keyed by their own sequence numbers, and the mark moves on
        append.Appended.Log.CaseIds.ShouldBe(["c1", "c2"]);
        append.Appended.Log.EventCount.ShouldBe(2);
        append.Appended.CaseKeys.ShouldBe([2L, 3L]);
        append.LastSeq.ShouldBe(3);
        append.Joined.ShouldBeEmpty();
        append.RemovedCases.ShouldBeEmpty();
        workspace.Shared.Version += 1;
        workspace.ReadAppendedSince(all.Version, all.LastSeq!.Value, all.Identity, Ct).ShouldBeNull();
    }

    [Fact]
    public async Task Refresh_IdentifyAfterAppends_JoinsTheAnonymousJourneyInMemory()
    {
        // Given an anonymous journey and a customer's, both held by the live log
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveEventLog(workspace, 4);
        await workspace.CollectAsync(Batch(Track("m1", "anon-1", "Viewed", 1), Track("m2", "cust-1", "Ordered", 0)), TimeSpan.FromDays(30), Ct);
        await live.RefreshAsync(Ct);
        await workspace.CollectAsync(Batch(Track("m3", "anon-1", "Added to cart", 2)), TimeSpan.FromDays(30), Ct);
        await live.RefreshAsync(Ct);

        // When the visitor identifies, with an event at an instant the customer's journey has too (ties after the join are
        // ordered by store sequence, which the appended events respect)
        await workspace.CollectAsync(Batch(Identify("m4", "anon-1", "cust-1", 3), Track("m5", "cust-1", "Paid", 3)), TimeSpan.FromDays(30), Ct);
        var joined = await live.RefreshAsync(Ct);

        // Then the join happened in memory and equals a fresh read
        live.AppendReads.ShouldBe(2);
        Cases(joined).ShouldBe(Cases(workspace.ReadAll(Ct)));
        joined.CaseCount.ShouldBe(1);
    }

    [Fact]
    public async Task Refresh_JoinWithTieBetweenJourneys_ReadsTheCaseWholeAndStaysEqual()
    {
        // Given an anonymous and a customer's journey with an event at the same instant
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveEventLog(workspace, 2);
        await workspace.CollectAsync(Batch(Track("m1", "cust-1", "Ordered", 1), Track("m2", "anon-1", "Viewed", 1)), TimeSpan.FromDays(30), Ct);
        await live.RefreshAsync(Ct);

        // When the visitor identifies (the order of the tied events is known only to the store)
        await workspace.CollectAsync(Batch(Identify("m3", "anon-1", "cust-1", 2)), TimeSpan.FromDays(30), Ct);
        var joined = await live.RefreshAsync(Ct);

        // Then the case was read whole, and equals a fresh read
        live.AppendReads.ShouldBe(0);
        live.ChangeReads.ShouldBe(1);
        Cases(joined).ShouldBe(Cases(workspace.ReadAll(Ct)));
    }

    [Fact]
    public async Task Refresh_AttributeWidenedByAnAppend_ReadsEverythingAgain()
    {
        // Given a log whose attribute "amount" holds whole numbers
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var live = new LiveEventLog(workspace, 4);
        await workspace.AppendAsync(Single("c1", 1, AttributeValue.FromLong(5)), "a.csv", Ct);
        await live.RefreshAsync(Ct);

        // When a later file brings a decimal (the stored column is widened, every stored value changes type)
        await workspace.AppendAsync(Single("c2", 2, AttributeValue.FromDouble(2.5)), "b.csv", Ct);
        var after = await live.RefreshAsync(Ct);

        // Then the live log read everything again and equals a fresh read
        live.FullReads.ShouldBe(2);
        Cases(after).ShouldBe(Cases(workspace.ReadAll(Ct)));
    }

    /// <summary>Every case as text (key, id, case attributes, events with every column), in key order.</summary>
    private static List<string> Cases(PartitionedEventLog log)
    {
        var cases = new List<(long Key, string Text)>();
        foreach (var partition in log.Partitions)
        {
            foreach (var segment in partition.Segments)
            {
                for (var c = 0; c < segment.Log.CaseCount; c++)
                {
                    cases.Add((segment.CaseKeys[c], Case(segment.Log, c)));
                }
            }
        }

        return cases.OrderBy(c => c.Key).ThenBy(c => c.Text, StringComparer.Ordinal).Select(c => c.Key + " " + c.Text).ToList();
    }

    private static List<string> Cases(StoredCases all) =>
        Cases(PartitionedEventLog.Create(all.Log, all.CaseKeys, 1, all.Version));

    private static string Case(EventLog log, int c)
    {
        var text = new StringBuilder(log.CaseIds[c]).Append(" {");
        foreach (var column in log.CaseAttributes.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (column.GetValue(c) is { } value)
            {
                text.Append(column.Name).Append('=').Append(value).Append(';');
            }
        }

        text.Append('}');
        for (var e = log.CaseStarts[c]; e < log.CaseStarts[c + 1]; e++)
        {
            text.Append(" [").Append(log.ActivityNames[log.Activities[e]]).Append('@').Append(log.GetTimestamp(e).ToString("O", CultureInfo.InvariantCulture))
                .Append(' ').Append(log.Lifecycle?.GetString(e)).Append(' ').Append(log.Resource?.GetString(e)).Append(' ').Append(log.Channel?.GetString(e))
                .Append(' ').Append(log.StartTimestamps?.GetValue(e));
            foreach (var column in log.EventAttributes.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                if (column.GetValue(e) is { } value)
                {
                    text.Append(' ').Append(column.Name).Append('=').Append(value);
                }
            }

            text.Append(']');
        }

        return text.ToString();
    }

    private static ImportResult FileBatch(Random random, int events, int cases)
    {
        var builder = new EventLogBuilder();
        for (var i = 0; i < events; i++)
        {
            var c = random.Next(cases);
            var caseId = c % 3 == 0 ? $"anon-{c}" : $"cust-{c % 6}" + (c < 6 ? string.Empty : $"-{c}");

            // Times on a coarse grid: events of a case arrive out of order and often share an instant.
            var ticks = T0 + (random.Next(40) * TimeSpan.TicksPerMinute);
            var e = builder.AddEvent(caseId, $"step {(char)('A' + random.Next(5))}", ticks, (short)(random.Next(3) * 60));
            if (random.Next(2) == 0)
            {
                builder.SetResource(e, "r" + random.Next(3));
            }

            if (random.Next(4) == 0)
            {
                builder.SetLifecycle(e, "complete");
                builder.SetStartTimestamp(e, ticks - TimeSpan.TicksPerMinute, 60);
            }

            builder.SetEventAttribute(e, "amount", AttributeValue.FromLong(random.Next(100)));
            if (random.Next(3) == 0)
            {
                builder.SetCaseAttribute(caseId, random.Next(2) == 0 ? "segment" : "tier", AttributeValue.FromString("v" + random.Next(4)));
            }
        }

        var log = builder.Build();
        return new ImportResult(log, "csv", log.EventCount, [], []);
    }

    private static CollectedMessage Message(Random random, string id)
    {
        var anonymous = $"anon-{random.Next(30) * 3}";
        var customer = $"cust-{random.Next(6)}";
        var at = new DateTimeOffset(T0 + (random.Next(40) * TimeSpan.TicksPerMinute), TimeSpan.Zero);
        if (random.Next(4) == 0)
        {
            return new CollectedMessage
            {
                MessageId = id,
                CaseId = customer,
                Activity = "Identify",
                Timestamp = at,
                KnownIds = [customer],
                Links = [new IdentityLink(anonymous, customer, at.UtcTicks)],
                Traits = [new("tier", AttributeValue.FromString("gold"))],
            };
        }

        return new CollectedMessage
        {
            MessageId = id,
            CaseId = random.Next(2) == 0 ? anonymous : customer,
            Activity = "page " + random.Next(4),
            Timestamp = at,
            Channel = random.Next(2) == 0 ? "web" : null,
            Properties = [new("amount", AttributeValue.FromLong(random.Next(9)))],
        };
    }

    private static ImportResult Single(string caseId, int minute, AttributeValue amount)
    {
        var builder = new EventLogBuilder();
        var e = builder.AddEvent(caseId, "step", T0 + (minute * TimeSpan.TicksPerMinute));
        builder.SetEventAttribute(e, "amount", amount);
        var log = builder.Build();
        return new ImportResult(log, "csv", log.EventCount, [], []);
    }

    private static CollectedBatch Batch(params CollectedMessage[] messages) => CollectorMessages.Batch(messages);

    private static CollectedMessage Track(string id, string caseId, string activity, int minute) =>
        CollectorMessages.Track(new DateTimeOffset(T0, TimeSpan.Zero), id, caseId, activity, minute);

    private static CollectedMessage Identify(string id, string anonymous, string customer, int minute) =>
        CollectorMessages.Identify(new DateTimeOffset(T0, TimeSpan.Zero), id, anonymous, customer, minute);
}
