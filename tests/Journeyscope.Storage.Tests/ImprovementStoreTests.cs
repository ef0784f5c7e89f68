using Journeyscope.Agenda;

namespace Journeyscope.Storage.Tests;

public sealed class ImprovementStoreTests
{
    private static Improvement Draft(string title) =>
        new("ignored", title, "payment retries", ["contains Retry"], "new SDK", new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)),
            "device", "android-app", -4, "EUR");

    [Fact]
    public void Add_TwoImprovements_ListsThemInOrderWithAssignedIdsAndEveryField()
    {
        // Given an empty workspace folder
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);
        ImprovementStore.List(temp.Path).ShouldBeEmpty();

        // When two improvements are added
        var first = ImprovementStore.Add(temp.Path, Draft("SDK"));
        var second = ImprovementStore.Add(temp.Path, Draft("Copy") with { SegmentAttribute = null, SegmentValue = null });

        // Then they get imp-1 and imp-2 and read back field for field, offset included
        (first.Id, second.Id).ShouldBe(("imp-1", "imp-2"));
        var list = ImprovementStore.List(temp.Path);
        list.Select(i => i.Id).ShouldBe(["imp-1", "imp-2"]);
        var read = list[0];
        (read.Title, read.Opportunity, read.Change, read.SegmentAttribute, read.SegmentValue, read.ValuePerUnit, read.Unit)
            .ShouldBe(("SDK", "payment retries", "new SDK", "device", "android-app", (double?)-4, "EUR"));
        read.Outcome.ShouldBe(["contains Retry"]);
        read.From.ShouldBe(first.From);
        read.From.Offset.ShouldBe(TimeSpan.FromHours(2));
        ImprovementStore.Find(temp.Path, "imp-2").ShouldNotBeNull().SegmentAttribute.ShouldBeNull();
    }

    [Fact]
    public void Add_NoOutcome_Throws()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);
        Should.Throw<ArgumentException>(() => ImprovementStore.Add(temp.Path, Draft("x") with { Outcome = [] }));
        ImprovementStore.List(temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void List_DamagedFile_IsAWorkspaceError()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path);
        File.WriteAllText(Path.Combine(temp.Path, ImprovementStore.FileName), "{ not json");
        Should.Throw<WorkspaceException>(() => ImprovementStore.List(temp.Path)).Message.ShouldContain(ImprovementStore.FileName);
    }
}
