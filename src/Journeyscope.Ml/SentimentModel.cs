using Journeyscope.Voc;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Journeyscope.Ml;

/// <summary>
/// A sentiment classifier trained on the user's own labelled comments with ML.NET: text featurised into word and character
/// n-grams, then a maximum-entropy classifier (SDCA). Scores comments like the lexicon scorer does.
/// </summary>
/// <remarks>
/// The compound score is P(positive) − P(negative) from the classifier's probabilities; the label is the most probable
/// class. Thread-safe: scoring is serialised over one prediction engine. Save it as a zip with <see cref="Save(string)"/>
/// and use it again with <see cref="Load(string)"/>.
/// </remarks>
public sealed class SentimentModel : ISentimentScorer, IDisposable
{
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly MLContext _context;
    private readonly PredictionEngine<CommentInput, CommentOutput> _engine;
    private readonly SentimentLabel[] _slots;
    private readonly Lock _gate = new();

    private SentimentModel(MLContext context, ITransformer model, DataViewSchema inputSchema, SentimentEvaluation? evaluation)
    {
        _context = context;
        _model = model;
        _inputSchema = inputSchema;
        _engine = context.Model.CreatePredictionEngine<CommentInput, CommentOutput>(model);
        Evaluation = evaluation;

        // The order of the probabilities follows the label keys: read their names once.
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        _engine.OutputSchema["Score"].GetSlotNames(ref names);
        _slots = names.DenseValues().Select(n => Enum.Parse<SentimentLabel>(n.ToString())).ToArray();
    }

    /// <summary>The classes the model knows, in the order of its probabilities.</summary>
    public IReadOnlyList<SentimentLabel> Labels => _slots;

    /// <summary>How the model did on the held-out comments when it was trained; <c>null</c> when nothing was held out or after loading.</summary>
    public SentimentEvaluation? Evaluation { get; }

    /// <summary>Trains a model on <paramref name="comments"/> (at least two classes, ten comments).</summary>
    /// <exception cref="ArgumentException">Fewer than ten comments, or a single class.</exception>
    public static SentimentModel Train(IReadOnlyList<LabelledComment> comments, SentimentModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comments);
        options ??= SentimentModelOptions.Default;
        if (comments.Count < 10)
        {
            throw new ArgumentException($"training needs at least 10 labelled comments, got {comments.Count}", nameof(comments));
        }

        if (comments.Select(c => c.Label).Distinct().Count() < 2)
        {
            throw new ArgumentException("training needs comments of at least two sentiment classes", nameof(comments));
        }

        var shuffled = comments.ToArray();
        new Random(options.Seed).Shuffle(shuffled);
        var testCount = (int)Math.Round(shuffled.Length * Math.Clamp(options.HoldOut, 0, 0.9));
        var test = shuffled.AsSpan(0, testCount).ToArray();
        var train = shuffled.AsSpan(testCount).ToArray();

        cancellationToken.ThrowIfCancellationRequested();
        var context = new MLContext(options.Seed);
        var data = context.Data.LoadFromEnumerable(train.Select(c => new CommentInput { Text = c.Text, Label = c.Label.ToString() }));
        var pipeline = context.Transforms.Conversion.MapValueToKey("Label")
            .Append(context.Transforms.Text.FeaturizeText("Features", nameof(CommentInput.Text)))
            .Append(context.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(context.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        cancellationToken.ThrowIfCancellationRequested();

        var trained = new SentimentModel(context, model, data.Schema, null);
        return test.Length == 0 ? trained : new SentimentModel(context, model, data.Schema, trained.Evaluate(test));
    }

    /// <summary>Loads a model saved with <see cref="Save(string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved sentiment model.</exception>
    public static SentimentModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Loads a model saved with <see cref="Save(Stream)"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The stream is not a saved sentiment model.</exception>
    public static SentimentModel Load(Stream stream, string sourceName = "model")
    {
        var context = new MLContext();
        try
        {
            var model = context.Model.Load(stream, out var schema);
            return new SentimentModel(context, model, schema, null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or ArgumentException or IOException)
        {
            throw new InvalidDataException($"{sourceName}: not a Journeyscope sentiment model ({e.Message})", e);
        }
    }

    /// <summary>Saves the model as a zip file.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Saves the model to <paramref name="stream"/>.</summary>
    public void Save(Stream stream) => _context.Model.Save(_model, _inputSchema, stream);

    /// <inheritdoc />
    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CommentOutput output;
        lock (_gate)
        {
            output = _engine.Predict(new CommentInput { Text = text });
        }

        double positive = 0, negative = 0;
        for (var i = 0; i < _slots.Length && i < output.Score.Length; i++)
        {
            positive += _slots[i] == SentimentLabel.Positive ? output.Score[i] : 0;
            negative += _slots[i] == SentimentLabel.Negative ? output.Score[i] : 0;
        }

        return new SentimentScore(Math.Clamp(positive - negative, -1, 1), Enum.Parse<SentimentLabel>(output.PredictedLabel));
    }

    /// <summary>Labels <paramref name="comments"/> and compares with their labels.</summary>
    public SentimentEvaluation Evaluate(IReadOnlyList<LabelledComment> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var predicted = comments.Select(c => Score(c.Text).Label).ToArray();
        var correct = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            correct += predicted[i] == comments[i].Label ? 1 : 0;
        }

        var classes = comments.Select(c => c.Label).Distinct().ToArray();
        double f1Sum = 0;
        foreach (var k in classes)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < predicted.Length; i++)
            {
                var truth = comments[i].Label == k;
                var guess = predicted[i] == k;
                tp += truth && guess ? 1 : 0;
                fp += !truth && guess ? 1 : 0;
                fn += truth && !guess ? 1 : 0;
            }

            f1Sum += tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
        }

        return new SentimentEvaluation(comments.Count, comments.Count == 0 ? 0 : (double)correct / comments.Count, classes.Length == 0 ? 0 : f1Sum / classes.Length);
    }

    /// <inheritdoc />
    public void Dispose() => _engine.Dispose();

    /// <summary>ML.NET's input row.</summary>
    internal sealed class CommentInput
    {
        public string Text { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    /// <summary>ML.NET's output row.</summary>
    internal sealed class CommentOutput
    {
        public string PredictedLabel { get; set; } = string.Empty;

        public float[] Score { get; set; } = [];
    }
}
