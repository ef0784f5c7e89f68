using System.Text;
using Journeyscope.TestSupport;
using Journeyscope.Voc;

namespace Journeyscope.Ml.Tests;

public sealed class SentimentModelTests
{
    private static readonly string[] Good = ["quick delivery", "friendly staff", "works perfectly", "lovely packaging", "fast refund", "easy checkout"];
    private static readonly string[] Bad = ["parcel never arrived", "rude agent", "broken on arrival", "refund refused", "app keeps crashing", "charged twice"];

    private static List<LabelledComment> Generated()
    {
        var comments = new List<LabelledComment>();
        for (var i = 0; i < 120; i++)
        {
            comments.Add(new LabelledComment($"{Good[i % Good.Length]} order {i}", SentimentLabel.Positive));
            comments.Add(new LabelledComment($"{Bad[i % Bad.Length]} order {i}", SentimentLabel.Negative));
        }

        return comments;
    }

    [Fact]
    public void Train_SeparableComments_LearnsThemAndReportsHoldOut()
    {
        using var model = SentimentModel.Train(Generated(), cancellationToken: TestContext.Current.CancellationToken);

        model.Evaluation.ShouldNotBeNull().Comments.ShouldBe(48);
        model.Evaluation!.Accuracy.ShouldBeGreaterThan(0.95);
        model.Score("the staff were friendly").Label.ShouldBe(SentimentLabel.Positive);
        model.Score("the agent was rude").Compound.ShouldBeLessThan(0);
    }

    [Fact]
    public void SaveAndLoad_RoundTrip_ScoresTheSame()
    {
        using var model = SentimentModel.Train(Generated(), new SentimentModelOptions { HoldOut = 0 }, TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        using var loaded = SentimentModel.Load(stream);

        loaded.Score("refund refused again").ShouldBe(model.Score("refund refused again"));
        loaded.Labels.ShouldBe(model.Labels);
    }

    [Fact]
    public void Train_OneClassOnly_Refused()
    {
        var comments = Enumerable.Range(0, 20).Select(i => new LabelledComment($"fine {i}", SentimentLabel.Positive)).ToList();

        Should.Throw<ArgumentException>(() => SentimentModel.Train(comments, cancellationToken: TestContext.Current.CancellationToken))
            .Message.ShouldContain("two sentiment classes");
    }

    [Fact]
    public void Load_NotAModel_NamesTheSource()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("not a zip"));

        Should.Throw<InvalidDataException>(() => SentimentModel.Load(stream, "x.zip")).Message.ShouldStartWith("x.zip: not a Journeyscope sentiment model");
    }

    [Fact]
    public void ReadCsv_LabelsFile_ParsesQuotedMultilineAndLabelForms()
    {
        var csv = "id,text,label\n1,\"great, really\",positive\n2,\"bad\nvery bad\",-1\n3,meh,NEU\n";

        var comments = LabelledComment.ReadCsv(new StringReader(csv));

        comments.ShouldBe([
            new LabelledComment("great, really", SentimentLabel.Positive),
            new LabelledComment("bad\nvery bad", SentimentLabel.Negative),
            new LabelledComment("meh", SentimentLabel.Neutral),
        ]);
    }

    [Theory]
    [InlineData("text,label\nok,maybe\n", "labels.csv:2: field 'label': 'maybe' is not positive")]
    [InlineData("comment,score\nok,1\n", "labels.csv:1: the header must name a text")]
    [InlineData("", "labels.csv: the file is empty")]
    [InlineData("text,label\n\"open,1\n", "labels.csv:2: a quoted field is not closed")]
    public void ReadCsv_BadFile_NamesLineAndReason(string csv, string message) =>
        Should.Throw<FormatException>(() => LabelledComment.ReadCsv(new StringReader(csv))).Message.ShouldStartWith(message);

    [Fact]
    public void Train_UciAmazonAndYelp_GeneralisesToImdb()
    {
        // Given the UCI sentences: train on amazon + yelp (2,000), test on imdb (1,000), another domain
        var train = Uci("amazon_cells_labelled.txt").Concat(Uci("yelp_labelled.txt")).ToList();
        var test = Uci("imdb_labelled.txt");

        using var model = SentimentModel.Train(train, new SentimentModelOptions { HoldOut = 0 }, TestContext.Current.CancellationToken);
        var evaluation = model.Evaluate(test);

        TestContext.Current.SendDiagnosticMessage($"ML.NET model trained on amazon+yelp, tested on imdb ({evaluation.Comments}): accuracy {evaluation.Accuracy:P1}, macro-F1 {evaluation.MacroF1:F3}");
        evaluation.Accuracy.ShouldBeGreaterThan(0.65);
    }

    private static List<LabelledComment> Uci(string file)
    {
        var text = File.ReadAllText(SharedData.Path("datasets/uci_sentiment_labelled_sentences/" + file), Encoding.Latin1);
        return text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (line, tab: line.LastIndexOf('\t')))
            .Where(x => x.tab > 0 && x.line[(x.tab + 1)..].Trim() is "0" or "1")
            .Select(x => new LabelledComment(x.line[..x.tab].Trim().Trim('"'), x.line[(x.tab + 1)..].Trim() == "1" ? SentimentLabel.Positive : SentimentLabel.Negative))
            .ToList();
    }
}
