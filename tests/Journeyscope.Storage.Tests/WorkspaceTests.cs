using Journeyscope.EventLogs;
using Journeyscope.IO;

namespace Journeyscope.Storage.Tests;

public sealed class WorkspaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long T(int minute) => new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc).AddMinutes(minute).Ticks;

    private static ImportResult Result(EventLog log, params QuarantinedRecord[] quarantine) =>
        new(log, "csv", log.EventCount + quarantine.Length, quarantine, []);

    /// <summary>A log with every column kind: offsets, ties, start times, standard columns, typed attributes, nulls.</summary>
    private static EventLog RichLog()
    {
        var builder = new EventLogBuilder();
        var e0 = builder.AddEvent("b", "pay", T(5), 60);
        var e1 = builder.AddEvent("a", "ship", T(9), -300);
        var e2 = builder.AddEvent("b", "order", T(1));
        var e3 = builder.AddEvent("a", "order", T(2), 60);
        var e4 = builder.AddEvent("a", "review", T(2));
        var e5 = builder.AddEvent("b", "pay", T(5), 60);
        builder.SetLifecycle(e0, "complete");
        builder.SetLifecycle(e2, "start");
        builder.SetResource(e1, "Ann");
        builder.SetChannel(e3, "app");
        builder.SetStartTimestamp(e1, T(8), 120);
        builder.SetEventAttribute(e0, "amount", AttributeValue.FromDouble(12.5));
        builder.SetEventAttribute(e5, "amount", AttributeValue.FromDouble(-0.25));
        builder.SetEventAttribute(e1, "items", AttributeValue.FromLong(3));
        builder.SetEventAttribute(e2, "paid", AttributeValue.FromBoolean(false));
        builder.SetEventAttribute(e4, "due", AttributeValue.FromTimestamp(T(60), -120));
        builder.SetEventAttribute(e3, "note: \"odd\" name", AttributeValue.FromString("x;y'z"));
        builder.SetCaseAttribute("a", "segment", AttributeValue.FromString("B2B"));
        builder.SetCaseAttribute("b", "size", AttributeValue.FromLong(7));
        builder.SetCaseAttribute("a", "since", AttributeValue.FromTimestamp(T(-100), 60));
        return builder.Build();
    }

    [Fact]
    public void Open_NewFolder_CreatesWorkspaceWithJourneysFolder()
    {
        using var temp = new TempFolder();

        using var workspace = Workspace.Open(temp.Path);

        Directory.Exists(Path.Combine(temp.Path, "journeys")).ShouldBeTrue();
        File.Exists(Path.Combine(temp.Path, "journeyscope.duckdb")).ShouldBeTrue();
        workspace.JourneysFolder.ShouldBe(Path.Combine(temp.Path, "journeys"));
        workspace.Version.ShouldBe(0);
        workspace.LoadEventLog(Ct).EventCount.ShouldBe(0);
    }

    [Fact]
    public void Open_NotAWorkspaceWithoutCreate_ThrowsWorkspaceException()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);

        var error = Should.Throw<WorkspaceException>(() => Workspace.Open(temp.Path, create: false));

        error.Message.ShouldContain("not a Journeyscope workspace");
        File.Exists(Path.Combine(temp.Path, "journeyscope.duckdb")).ShouldBeFalse();
    }

    [Fact]
    public void Open_CorruptDatabase_ThrowsWorkspaceException()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, "journeyscope.duckdb"), "this is not a database, just some text that is long enough");

        Should.Throw<WorkspaceException>(() => Workspace.Open(temp.Path, create: false));
    }

    [Fact]
    public async Task AppendThenLoad_RichLog_RoundTripsEveryColumn()
    {
        using var temp = new TempFolder();
        var log = RichLog();
        using var workspace = Workspace.Open(temp.Path);

        var summary = await workspace.AppendAsync(Result(log), "rich.csv", Ct);
        var loaded = workspace.LoadEventLog(Ct);

        summary.EventsAdded.ShouldBe(log.EventCount);
        summary.DuplicatesSkipped.ShouldBe(0);
        loaded.ShouldEqualLog(log);
    }

    [Fact]
    public async Task Load_AfterReopen_ReturnsTheSameLog()
    {
        using var temp = new TempFolder();
        var log = RichLog();
        using (var workspace = Workspace.Open(temp.Path))
        {
            await workspace.AppendAsync(Result(log), "rich.csv", Ct);
        }

        using var reopened = Workspace.Open(temp.Path, create: false);

        reopened.Version.ShouldBe(1);
        reopened.LoadEventLog(Ct).ShouldEqualLog(log);
    }

    [Fact]
    public async Task Append_SameFileTwice_AddsNothingAndKeepsVersion()
    {
        using var temp = new TempFolder();
        var log = RichLog();
        var bad = new QuarantinedRecord("rich.csv", 9, 120, "timestamp", "not a date", "a,b,c");
        using var workspace = Workspace.Open(temp.Path);
        await workspace.AppendAsync(Result(log, bad), "rich.csv", Ct);
        var version = workspace.Version;

        var again = await workspace.AppendAsync(Result(log, bad), "rich.csv", Ct);

        version.ShouldBe(1);
        again.EventsAdded.ShouldBe(0);
        again.DuplicatesSkipped.ShouldBe(log.EventCount);
        again.Version.ShouldBe(version);
        workspace.Version.ShouldBe(version);
        workspace.LoadEventLog(Ct).ShouldEqualLog(log);
        workspace.GetQuarantine(10).Count.ShouldBe(1);
        workspace.GetInfo().Imports.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Append_DifferentSecondImport_AppendsAndBumpsVersion()
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        await workspace.AppendAsync(Result(RichLog()), "rich.csv", Ct);
        var more = new EventLogBuilder();
        var e = more.AddEvent("a", "return", T(30));
        more.SetEventAttribute(e, "items", AttributeValue.FromLong(1));
        more.SetEventAttribute(e, "reason", AttributeValue.FromString("broken"));
        more.AddEvent("c", "order", T(0));
        more.SetCaseAttribute("c", "segment", AttributeValue.FromString("B2C"));

        var summary = await workspace.AppendAsync(Result(more.Build()), "more.csv", Ct);
        var loaded = workspace.LoadEventLog(Ct);

        summary.EventsAdded.ShouldBe(2);
        summary.ImportId.ShouldBe(2);
        workspace.Version.ShouldBe(2);
        loaded.CaseIds.ShouldBe(["b", "a", "c"]);
        loaded.EventCount.ShouldBe(8);
        var a = loaded.CaseIds.ToList().IndexOf("a");
        loaded.ActivityNames[loaded.Activities[loaded.CaseStarts[a + 1] - 1]].ShouldBe("return");
        loaded.FindEventAttribute("reason")!.GetValue(loaded.CaseStarts[a + 1] - 1).ShouldBe(AttributeValue.FromString("broken"));
        loaded.FindCaseAttribute("segment")!.GetValue(2).ShouldBe(AttributeValue.FromString("B2C"));
        loaded.FindCaseAttribute("segment")!.GetValue(a).ShouldBe(AttributeValue.FromString("B2B"));
    }

    [Fact]
    public async Task Append_GivenEventIds_AreHonouredAndRepeatsCountedAsDuplicates()
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var builder = new EventLogBuilder();
        var first = builder.AddEvent("a", "order", T(1));
        var second = builder.AddEvent("a", "pay", T(2));
        var third = builder.AddEvent("b", "order", T(3));
        builder.SetEventAttribute(first, "event_id", AttributeValue.FromString("E1"));
        builder.SetEventAttribute(second, "event_id", AttributeValue.FromString("E1"));
        builder.SetEventAttribute(third, "event_id", AttributeValue.FromString("E2"));

        var summary = await workspace.AppendAsync(Result(builder.Build()), "ids.csv", Ct);
        var loaded = workspace.LoadEventLog(Ct);

        summary.EventsAdded.ShouldBe(2);
        summary.DuplicatesSkipped.ShouldBe(1);
        loaded.EventCount.ShouldBe(2);
        loaded.ActivityNames[loaded.Activities[0]].ShouldBe("order");
        loaded.FindEventAttribute("event_id")!.GetValue(1).ShouldBe(AttributeValue.FromString("E2"));
    }

    [Fact]
    public async Task Append_SameEventWithOtherGivenIdLater_IsStoredAgain()
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var builder = new EventLogBuilder();
        builder.AddEvent("a", "order", T(1));
        await workspace.AppendAsync(Result(builder.Build()), "one.csv", Ct);
        var other = new EventLogBuilder();
        other.AddEvent("a", "order", T(1));
        other.AddEvent("a", "order", T(2));

        var summary = await workspace.AppendAsync(Result(other.Build()), "two.csv", Ct);

        summary.EventsAdded.ShouldBe(1);
        summary.DuplicatesSkipped.ShouldBe(1);
        workspace.LoadEventLog(Ct).CaseTimestamps(0).ToArray().ShouldBe([T(1), T(2)]);
    }

    [Fact]
    public async Task Quarantine_StoredRecords_AreListedAndSummarised()
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var records = new[]
        {
            new QuarantinedRecord("x.csv", 3, 40, "timestamp", "not a date", "a,b,x"),
            new QuarantinedRecord("x.csv", 7, 90, null, "too few columns", null),
            new QuarantinedRecord("x.csv", 8, 99, "timestamp", "not a date", "a,b,y"),
        };

        await workspace.AppendAsync(Result(RichLog(), records), "x.csv", Ct);
        var listed = workspace.GetQuarantine(10);
        var info = workspace.GetInfo();

        listed.ShouldBe(records);
        workspace.GetQuarantine(2).Count.ShouldBe(2);
        info.QuarantineCount.ShouldBe(3);
        info.QuarantineBySource.ShouldBe([new QuarantineCount("x.csv", 3)]);
        info.TopQuarantineReasons.ShouldBe([new QuarantineCount("not a date", 2), new QuarantineCount("too few columns", 1)]);
        info.Imports.Single().RecordsQuarantined.ShouldBe(3);
    }

    [Fact]
    public async Task GetInfo_RichLog_MatchesTheLog()
    {
        using var temp = new TempFolder();
        var log = RichLog();
        using var workspace = Workspace.Open(temp.Path);
        await workspace.AppendAsync(Result(log), "rich.csv", Ct);

        var info = workspace.GetInfo();

        info.CaseCount.ShouldBe(2);
        info.EventCount.ShouldBe(6);
        info.ActivityCount.ShouldBe(4);
        info.VariantCount.ShouldBe(2);
        info.FirstTimestamp.ShouldBe(new DateTimeOffset(T(1), TimeSpan.Zero));
        info.LastTimestamp.ShouldBe(new DateTimeOffset(T(9), TimeSpan.Zero));
        info.Version.ShouldBe(1);
        var amount = info.Attributes.Single(a => a.Name == "amount");
        amount.ShouldBe(new AttributeInfo(AttributeScope.Event, "amount", AttributeType.Double, 2, 4));
        info.Attributes.Single(a => a.Name == "size").ShouldBe(new AttributeInfo(AttributeScope.Case, "size", AttributeType.Long, 1, 1));
        info.Attributes.Select(a => a.Name).ShouldBe(["amount", "items", "paid", "due", "note: \"odd\" name", "segment", "size", "since"]);
        info.Imports.Single().EventsAdded.ShouldBe(6);
    }

    [Fact]
    public async Task GetInfo_Variants_CountDistinctSequencesWithTiesInSourceOrder()
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var builder = new EventLogBuilder();
        builder.AddEvent("1", "a", T(1));
        builder.AddEvent("1", "b", T(1));
        builder.AddEvent("2", "b", T(1));
        builder.AddEvent("2", "a", T(1));
        builder.AddEvent("3", "a", T(0));
        builder.AddEvent("3", "b", T(5));
        var log = builder.Build();

        await workspace.AppendAsync(Result(log), "v.csv", Ct);

        workspace.GetInfo().VariantCount.ShouldBe(2);
    }

    [Fact]
    public async Task Append_AttributeTypeChangesBetweenImports_WidensTheColumn()
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var first = new EventLogBuilder();
        first.SetEventAttribute(first.AddEvent("a", "x", T(1)), "n", AttributeValue.FromLong(2));
        first.SetEventAttribute(first.AddEvent("a", "y", T(2)), "t", AttributeValue.FromTimestamp(T(3), 60));
        await workspace.AppendAsync(Result(first.Build()), "1.csv", Ct);
        var second = new EventLogBuilder();
        second.SetEventAttribute(second.AddEvent("a", "z", T(3)), "n", AttributeValue.FromDouble(0.5));
        second.SetEventAttribute(second.AddEvent("a", "w", T(4)), "t", AttributeValue.FromString("soon"));

        await workspace.AppendAsync(Result(second.Build()), "2.csv", Ct);
        var loaded = workspace.LoadEventLog(Ct);

        var n = loaded.FindEventAttribute("n")!;
        n.Type.ShouldBe(AttributeType.Double);
        n.GetValue(0).ShouldBe(AttributeValue.FromDouble(2));
        n.GetValue(2).ShouldBe(AttributeValue.FromDouble(0.5));
        var t = loaded.FindEventAttribute("t")!;
        t.Type.ShouldBe(AttributeType.String);
        t.GetValue(1).ShouldBe(AttributeValue.FromString(AttributeValue.FromTimestamp(T(3), 60).ToString()));
        t.GetValue(3).ShouldBe(AttributeValue.FromString("soon"));
    }

    [Fact]
    public async Task LoadObjects_AfterObjectCentricImport_RoundTrips()
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);
        var time = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(1));
        var data = new ObjectCentricData(
            [
                new OcelEvent("e1", "place order", time, [new OcelAttribute("total", AttributeValue.FromDouble(9.5))]),
                new OcelEvent("e2", "ship", time.AddHours(2), []),
            ],
            [
                new OcelObject("o1", "order", [
                    new OcelAttribute("status", AttributeValue.FromString("new"), time),
                    new OcelAttribute("status", AttributeValue.FromString("sent"), time.AddHours(2)),
                    new OcelAttribute("lines", AttributeValue.FromLong(3)),
                ]),
                new OcelObject("c1", "customer", [new OcelAttribute("vip", AttributeValue.FromBoolean(true))]),
            ],
            [new OcelEventObject("e1", "o1", "order"), new OcelEventObject("e1", "c1", "buyer"), new OcelEventObject("e2", "o1", "order")],
            [new OcelObjectObject("c1", "o1", "places")]);
        var log = new EventLogBuilder();
        log.AddEvent("o1", "place order", time);
        var result = new ImportResult(log.Build(), "ocel-json", 2, [], []) { Objects = data };

        workspace.LoadObjects().ShouldBeNull();
        await workspace.AppendAsync(result, "o.json", Ct);
        var again = await workspace.AppendAsync(result, "o.json", Ct);
        var loaded = workspace.LoadObjects()!;

        again.Version.ShouldBe(1);

        loaded.Events.ShouldBe(data.Events, ignoreOrder: false, comparer: new OcelEventComparer());
        loaded.Objects.Select(o => (o.Id, o.Type)).ShouldBe(data.Objects.Select(o => (o.Id, o.Type)));
        loaded.Objects[0].Attributes.ShouldBe(data.Objects[0].Attributes);
        loaded.Objects[1].Attributes.ShouldBe(data.Objects[1].Attributes);
        loaded.EventObjects.ShouldBe(data.EventObjects);
        loaded.ObjectObjects.ShouldBe(data.ObjectObjects);
        loaded.Events[0].Time.Offset.ShouldBe(TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData("autoinstall_known_extensions", "false")]
    [InlineData("autoload_known_extensions", "false")]
    [InlineData("allow_community_extensions", "false")]
    [InlineData("enable_external_access", "false")]
    [InlineData("threads", "2")]
    public void Open_Database_NeverReachesTheNetwork(string setting, string expected)
    {
        using var temp = new TempFolder();
        using var workspace = Workspace.Open(temp.Path);

        workspace.ReadSetting(setting).ShouldBe(expected);
    }

    [Fact]
    public void Open_AfterDispose_IsNotLockedAndOperationsOnDisposedThrow()
    {
        using var temp = new TempFolder();
        var workspace = Workspace.Open(temp.Path);
        workspace.Dispose();

        using var again = Workspace.Open(temp.Path, create: false);

        again.Version.ShouldBe(0);
        Should.Throw<ObjectDisposedException>(() => workspace.GetInfo());
    }

    [Fact]
    public async Task Open_TwiceInOneProcess_BothSeeEachOthersImports()
    {
        using var temp = new TempFolder();
        using var first = Workspace.Open(temp.Path);
        using var second = Workspace.Open(temp.Path, create: false);
        await first.AppendAsync(Result(RichLog()), "rich.csv", Ct);
        var more = new EventLogBuilder();
        more.SetEventAttribute(more.AddEvent("z", "order", T(0)), "fresh", AttributeValue.FromLong(1));

        await second.AppendAsync(Result(more.Build()), "more.csv", Ct);
        var again = await first.AppendAsync(Result(more.Build()), "more.csv", Ct);

        again.EventsAdded.ShouldBe(0);
        first.Version.ShouldBe(2);
        second.Version.ShouldBe(2);
        first.LoadEventLog(Ct).FindEventAttribute("fresh")!.GetValue(6).ShouldBe(AttributeValue.FromLong(1));
    }

    [Fact]
    public async Task Append_ConcurrentlyFromTwoInstances_StoresEachEventOnce()
    {
        using var temp = new TempFolder();
        using var first = Workspace.Open(temp.Path);
        using var second = Workspace.Open(temp.Path, create: false);
        var log = RichLog();

        var results = await Task.WhenAll(
            Task.Run(() => first.AppendAsync(Result(log), "a.csv", Ct), Ct),
            Task.Run(() => second.AppendAsync(Result(log), "b.csv", Ct), Ct));

        results.Sum(r => r.EventsAdded).ShouldBe(log.EventCount);
        first.GetInfo().EventCount.ShouldBe(log.EventCount);
    }

    private sealed class OcelEventComparer : IEqualityComparer<OcelEvent>
    {
        public bool Equals(OcelEvent? x, OcelEvent? y) =>
            x!.Id == y!.Id && x.Type == y.Type && x.Time == y.Time && x.Time.Offset == y.Time.Offset &&
            x.Attributes.SequenceEqual(y.Attributes);

        public int GetHashCode(OcelEvent obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
