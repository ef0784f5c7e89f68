using Journeyscope.EventLogs;
using Journeyscope.Voc;

namespace Journeyscope.Core.Tests.Voc;

public sealed class ExampleCommentsTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Cases with one comment each: texts repeat; one is blank, one neutral.</summary>
    private static EventLog Log(params string?[] comments)
    {
        var builder = new EventLogBuilder();
        var comment = builder.GetEventAttributeHandle("comment");
        for (var i = 0; i < comments.Length; i++)
        {
            var ev = builder.AddEvent($"c{i}", i % 2 == 0 ? "Review" : "Survey", Start.AddHours(i));
            if (comments[i] is { } text)
            {
                builder.SetEventAttribute(ev, comment, text);
            }
        }

        return builder.Build();
    }

    [Fact]
    public void Find_MixedComments_ListsDistinctTextsMostNegativeAndMostPositiveFirst()
    {
        // Given repeated texts, a blank comment, a neutral one and events without a comment
        var log = Log("great", "terrible", "good", "terrible", "   ", "the parcel came", null, "bad", "great", "excellent");

        // When
        var examples = ExampleComments.Find(log, count: 5, cancellationToken: TestContext.Current.CancellationToken);

        // Then each text once, ordered by score, with its first case, activity and number of occurrences; neutral and blank left out
        examples.MostNegative.Select(c => c.Text).ShouldBe(["terrible", "bad"]);
        var terrible = examples.MostNegative[0];
        (terrible.CaseId, terrible.Activity, terrible.Occurrences).ShouldBe(("c1", "Survey", 2));
        examples.MostNegative.ShouldAllBe(c => c.Score.Label == SentimentLabel.Negative);
        var scores = examples.MostPositive.Select(c => c.Score.Compound).ToList();
        scores.ShouldBe(scores.OrderByDescending(s => s).ToList());
        examples.MostPositive.Select(c => c.Text).ShouldBe(["excellent", "great", "good"], ignoreOrder: true);
        examples.MostPositive.Single(c => c.Text == "great").Occurrences.ShouldBe(2);
        examples.MostPositive.Single(c => c.Text == "great").CaseId.ShouldBe("c0");
    }

    [Fact]
    public void Find_CountLimit_KeepsTheStrongest()
    {
        var log = Log("good", "excellent", "great", "bad", "terrible");

        var examples = ExampleComments.Find(log, count: 1, cancellationToken: TestContext.Current.CancellationToken);

        examples.MostPositive.Single().Score.Compound.ShouldBe(
            new[] { "good", "excellent", "great" }.Max(t => LexiconSentimentScorer.Default.Score(t).Compound), 1e-12);
        examples.MostNegative.Single().Score.Compound.ShouldBe(
            new[] { "bad", "terrible" }.Min(t => LexiconSentimentScorer.Default.Score(t).Compound), 1e-12);
    }

    [Fact]
    public void Find_NoCommentAttribute_ReturnsEmptyLists()
    {
        var log = Log(null, null);

        var examples = ExampleComments.Find(log, new VocOptions { CommentAttribute = "text" }, cancellationToken: TestContext.Current.CancellationToken);

        examples.MostNegative.ShouldBeEmpty();
        examples.MostPositive.ShouldBeEmpty();
    }
}
