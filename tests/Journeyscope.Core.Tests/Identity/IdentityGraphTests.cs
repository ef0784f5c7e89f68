using Journeyscope.Identity;

namespace Journeyscope.Core.Tests.Identity;

/// <summary>The stitching rules of docs/identity.md, one example each.</summary>
public sealed class IdentityGraphTests
{
    [Fact]
    public void Build_AnonymousLinkedToKnown_ResolvesToTheCustomer()
    {
        // Given a visitor who browsed as anon1 and then signed in as A
        var graph = IdentityGraph.Build(["A"], [new IdentityLink("anon1", "A", 10)]);

        // When ids are resolved
        // Then anon1 is A, A is A, and an unrelated id stays itself
        graph.Resolve("anon1").ShouldBe("A");
        graph.Resolve("A").ShouldBe("A");
        graph.Resolve("anon2").ShouldBe("anon2");
        graph.Refused.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_SameAnonymousIdentifiedAsTwoCustomers_StaysWithTheFirstInTime(bool laterArrivesFirst)
    {
        // Given identify(A, anon1) at t=1 and identify(B, anon1) at t=2, in either order of arrival
        IdentityLink first = new("anon1", "A", 1), second = new("anon1", "B", 2);
        IdentityLink[] links = laterArrivesFirst ? [second, first] : [first, second];

        // When the graph is built
        var graph = IdentityGraph.Build([], links);

        // Then anon1 stays with A, and the merge into B is refused and says so
        graph.Resolve("anon1").ShouldBe("A");
        var refused = graph.Refused.ShouldHaveSingleItem();
        refused.ShouldBe(new RefusedMerge("anon1", "B", 2, MergeRefusal.AlreadyMerged, "A"));
        refused.Describe().ShouldContain("already belongs to 'A'");
    }

    [Fact]
    public void Build_EqualTimes_BreaksTheTieByCustomerId()
    {
        var graph = IdentityGraph.Build([], [new IdentityLink("anon1", "B", 5), new IdentityLink("anon1", "A", 5)]);

        graph.Resolve("anon1").ShouldBe("A");
    }

    [Theory]
    [InlineData("null", "A")]
    [InlineData("undefined", "A")]
    [InlineData("anonymous", "A")]
    [InlineData(" ", "A")]
    [InlineData("", "A")]
    [InlineData("0", "A")]
    [InlineData("GUEST", "A")]
    [InlineData("anon1", "null")]
    [InlineData("anon1", "[object Object]")]
    public void Build_JunkId_NeverMerges(string anonymous, string customer)
    {
        // Given a link with a placeholder on one side
        var graph = IdentityGraph.Build([], [new IdentityLink(anonymous, customer, 1), new IdentityLink("anon9", "A", 1)]);

        // Then it is refused as junk, and the junk id resolves to itself
        graph.Resolve(anonymous).ShouldBe(anonymous);
        graph.Refused.ShouldHaveSingleItem().Reason.ShouldBe(MergeRefusal.JunkId);
        graph.IsMerged("anon9").ShouldBeTrue();
    }

    [Fact]
    public void Build_TwoKnownCustomers_AreNeverMergedImplicitly()
    {
        // Given two signed-in customers and an alias from one to the other
        var graph = IdentityGraph.Build(["A", "B"], [new IdentityLink("A", "B", 1)]);

        // Then both stay themselves and the refusal is recorded
        graph.Resolve("A").ShouldBe("A");
        graph.Refused.ShouldHaveSingleItem().Reason.ShouldBe(MergeRefusal.BothKnown);
        graph.Refused[0].Describe().ShouldContain("both are known");
    }

    [Fact]
    public void Build_LinkTarget_BecomesKnownSoMergesNeverChain()
    {
        // Given anon1 -> anon2 and anon2 -> C: anon2 is a link target, so it is a known id and cannot merge into C
        var graph = IdentityGraph.Build([], [new IdentityLink("anon1", "anon2", 1), new IdentityLink("anon2", "C", 2)]);

        graph.Resolve("anon1").ShouldBe("anon2");
        graph.Resolve("anon2").ShouldBe("anon2");
        graph.Refused.ShouldHaveSingleItem().Reason.ShouldBe(MergeRefusal.BothKnown);
    }

    [Theory]
    [InlineData("null", true)]
    [InlineData(" Undefined ", true)]
    [InlineData("NaN", true)]
    [InlineData("[object Object]", true)]
    [InlineData("00000000-0000-0000-0000-000000000000", true)]
    [InlineData("u-17", false)]
    [InlineData("nullable", false)]
    [InlineData("0a", false)]
    public void IsJunk_Placeholders_AreRecognised(string id, bool junk) => JunkIds.IsJunk(id).ShouldBe(junk);
}
