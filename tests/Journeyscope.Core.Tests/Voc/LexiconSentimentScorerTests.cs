using Journeyscope.Voc;

namespace Journeyscope.Core.Tests.Voc;

public sealed class LexiconSentimentScorerTests
{
    private static double Score(string text) => LexiconSentimentScorer.Default.Score(text).Compound;

    [Theory]
    [InlineData("The delivery was great", SentimentLabel.Positive)]
    [InlineData("Terrible service, rude staff", SentimentLabel.Negative)]
    [InlineData("The parcel arrived on Tuesday", SentimentLabel.Neutral)]
    [InlineData("", SentimentLabel.Neutral)]
    public void Score_PlainSentences_Labelled(string text, SentimentLabel label) =>
        LexiconSentimentScorer.Default.Score(text).Label.ShouldBe(label);

    [Fact]
    public void Score_Negation_FlipsTheSentiment()
    {
        Score("not good").ShouldBeLessThan(0);
        Score("the app isn't bad").ShouldBeGreaterThan(0);
        Score("never ever helpful").ShouldBeLessThan(0);
    }

    [Fact]
    public void Score_IntensifiersCapitalsAndExclamations_Strengthen()
    {
        Score("very good").ShouldBeGreaterThan(Score("good"));
        Score("slightly good").ShouldBeLessThan(Score("good"));
        Score("the food was GOOD").ShouldBeGreaterThan(Score("the food was good"));
        Score("good!!!").ShouldBeGreaterThan(Score("good"));
        Score("bad!!").ShouldBeLessThan(Score("bad"));
    }

    [Fact]
    public void Score_ButClause_WeighsTheSecondPartMore()
    {
        Score("The food was good but the service was terrible").ShouldBeLessThan(0);
        Score("The wait was bad but the staff were great").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Score_EmojiAndEmoticons_Count()
    {
        Score("flight landed 😡").ShouldBeLessThan(0);
        Score("flight landed 😍").ShouldBeGreaterThan(0);
        Score("on my way :)").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Score_Always_BetweenMinusOneAndOne()
    {
        Score(string.Join(' ', Enumerable.Repeat("AMAZING", 200)) + "!!!!!!!").ShouldBeInRange(-1, 1);
        Score(string.Join(' ', Enumerable.Repeat("worst", 200))).ShouldBeInRange(-1, 1);
    }

    [Fact]
    public void Load_UserLexicon_ReplacesTheBuiltIn()
    {
        var lexicon = SentimentLexicon.Load(new StringReader("# mine\n[words]\nbom\t2\nruim -2\n[negators]\nnão\n"), "pt.txt");
        var scorer = new LexiconSentimentScorer(lexicon);

        scorer.Score("muito bom").Label.ShouldBe(SentimentLabel.Positive);
        scorer.Score("não bom").Label.ShouldBe(SentimentLabel.Negative);
        scorer.Score("good").Label.ShouldBe(SentimentLabel.Neutral);
    }

    [Fact]
    public void Load_BadLine_NamesFileAndLine()
    {
        var error = Should.Throw<FormatException>(() => SentimentLexicon.Load(new StringReader("[words]\ngood 1\nbad\n"), "my.txt"));
        error.Message.ShouldStartWith("my.txt:3:");
    }

    [Fact]
    public void Default_Lexicon_HasAFewHundredWords()
    {
        SentimentLexicon.Default.Words.Count.ShouldBeGreaterThan(300);
        SentimentLexicon.Default.Negators.ShouldContain("not");
    }
}
