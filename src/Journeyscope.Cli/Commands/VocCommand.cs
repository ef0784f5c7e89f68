using System.CommandLine;
using System.Globalization;
using Journeyscope.Cli.Output;
using Journeyscope.Ml;
using Journeyscope.Voc;

namespace Journeyscope.Cli.Commands;

/// <summary><c>journeyscope voc</c>: survey results, comment sentiment and the moments that matter; <c>voc train</c> trains a sentiment model.</summary>
internal static class VocCommand
{
    public static Command Create(CliContext context)
    {
        var source = new LogSource(context);
        var score = new Option<string>("--score-attribute") { Description = "The event attribute with survey answers (default score).", DefaultValueFactory = _ => "score" };
        var comment = new Option<string>("--comment-attribute") { Description = "The event attribute with comments (default comment).", DefaultValueFactory = _ => "comment" };
        var lexicon = new Option<string?>("--lexicon") { Description = "Score sentiment with your own lexicon file (format: docs/voc.md). Example: --lexicon my-words.txt" };
        var model = new Option<string?>("--model") { Description = "Score sentiment with a model trained by 'journeyscope voc train'. Example: --model sentiment.zip" };
        var journey = new Option<string?>("--journey", "-j") { Description = "A journey file whose touchpoints become moments too." };
        var top = new Option<int>("--top") { Description = "Show the N strongest moments that matter (default 10).", DefaultValueFactory = _ => VocResult.DefaultTop };
        var examples = new Option<int>("--examples")
        {
            Description = "Example comments of each sign in the JSON (default 5, 0 for none).",
            DefaultValueFactory = _ => VocResult.DefaultExamples,
        };
        var command = new Command("voc",
            "Voice of the customer: NPS / CSAT / CES per survey, sentiment of comments, and the moments that matter (steps, rework and waits most associated with unhappy customers).\n" +
            "Example: journeyscope voc --score-attribute rating --comment-attribute text --top 5")
        {
            score, comment, lexicon, model, journey, top, examples,
        };
        source.AddTo(command);
        command.Subcommands.Add(Train(context));
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(lexicon) is not null && parse.GetValue(model) is not null)
            {
                throw new UsageException("Give --lexicon or --model, not both.");
            }

            var n = parse.GetValue(top);
            if (n <= 0)
            {
                throw new UsageException($"--top must be positive, got {n}.");
            }

            var designed = parse.GetValue(journey) is { } file ? KpiCommand.LoadJourney(file, parse.GetRequiredValue(context.Workspace)) : null;
            using var trained = parse.GetValue(model) is { } modelPath ? LoadModel(modelPath) : null;
            ISentimentScorer scorer = (ISentimentScorer?)trained ?? (parse.GetValue(lexicon) is { } lexiconPath ? new LexiconSentimentScorer(LoadLexicon(lexiconPath)) : LexiconSentimentScorer.Default);
            var exampleCount = parse.GetValue(examples);
            if (exampleCount < 0)
            {
                throw new UsageException($"--examples must be 0 or more, got {exampleCount}.");
            }

            var (log, version) = source.LoadVersioned(parse, cancellationToken);
            var options = new VocOptions
            {
                ScoreAttribute = parse.GetRequiredValue(score),
                CommentAttribute = parse.GetRequiredValue(comment),
                Sentiment = scorer,
                Journey = designed,
            };
            var result = VocAnalysis.Analyze(log, options, cancellationToken);

            var surveys = new Table("Surveys", "Survey", "Scale", "Answers", "Score", "Mean", "Positive", "Middle", "Negative");
            foreach (var s in result.Surveys)
            {
                surveys.Add(s.Activity, s.Scale.ToString().ToUpperInvariant(), s.Responses, Headline(s), s.Mean.ToString("0.00", CultureInfo.InvariantCulture), s.Positive, s.Middle, s.Negative);
            }

            var sentiment = result.Sentiment;
            var comments = new Table("Comment sentiment", "Comments", "Positive", "Neutral", "Negative", "Mean score");
            comments.Add(sentiment.Comments, sentiment.Positive, sentiment.Neutral, sentiment.Negative, sentiment.MeanCompound.ToString("0.000", CultureInfo.InvariantCulture));
            var shown = result.Moments.Take(n).ToList();
            var moments = new Table("Moments that matter", "Kind", "Name", "Cases with", "Unhappy with", "Cases without", "Unhappy without", "Lift", "Difference", "95% interval");
            foreach (var m in shown)
            {
                moments.Add(m.Kind, m.Name, m.CasesWith, Human.Share(m.RateWith), m.CasesWithout, Human.Share(m.RateWithout), m.Lift.ToString("0.00", CultureInfo.InvariantCulture),
                    Human.Share(m.Difference), $"[{Human.FormatShare(m.Lower)}, {Human.FormatShare(m.Upper)}]");
            }

            var report = new Report().Add(surveys).Add(comments).Add(moments);
            report.Notes.Add($"{result.SurveyedCases:N0} surveyed cases, {result.UnhappyCases:N0} unhappy (NPS 0-6, CSAT 1-2 or CES 5-7); sentiment by {(trained is null ? "lexicon" : "trained model")}.");
            report.Json = VocResult.From(log, version, options, result, ExampleComments.Find(log, options, exampleCount, cancellationToken), n, trained is null ? "lexicon" : "model");
            report.Write(context.GetFormat(parse), context.Output);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Train(CliContext context)
    {
        var labels = new Option<string>("--labels") { Description = "CSV with a text (or comment) column and a label (or sentiment) column: positive/neutral/negative or 1/0/-1.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model (a zip). Example: --out sentiment.zip", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the training and of the hold-out split (default 1).", DefaultValueFactory = _ => 1 };
        var holdOut = new Option<double>("--holdout") { Description = "Share of the comments held out to measure the model (default 0.2; 0 trains on all).", DefaultValueFactory = _ => 0.2 };
        var command = new Command("train",
            "Train a sentiment model (ML.NET) on your own labelled comments, report its accuracy on held-out comments, and save it for 'voc --model'.\n" +
            "Example: journeyscope voc train --labels labelled.csv --out sentiment.zip")
        {
            labels, output, seed, holdOut,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var share = parse.GetValue(holdOut);
            if (share is < 0 or >= 1)
            {
                throw new UsageException($"--holdout must be at least 0 and below 1, got {share.ToString(CultureInfo.InvariantCulture)}.");
            }

            var path = parse.GetRequiredValue(labels);
            if (!File.Exists(path))
            {
                throw new IOException($"{path}: no such labels file.");
            }

            IReadOnlyList<LabelledComment> comments;
            try
            {
                using var reader = new StreamReader(path);
                comments = LabelledComment.ReadCsv(reader, path);
            }
            catch (FormatException e)
            {
                throw new IOException(e.Message, e);
            }

            SentimentModel model;
            try
            {
                model = SentimentModel.Train(comments, new SentimentModelOptions { Seed = parse.GetValue(seed), HoldOut = share }, cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new IOException($"{path}: {e.Message}", e);
            }

            using (model)
            {
                model.Save(parse.GetRequiredValue(output));
                var table = new Table("Sentiment model", "Comments", "Classes", "Held out", "Accuracy", "Macro-F1", "Model");
                var evaluation = model.Evaluation;
                table.Add(comments.Count, string.Join(" ", model.Labels).ToLowerInvariant(), evaluation?.Comments ?? 0,
                    evaluation is null ? "-" : Human.FormatShare(evaluation.Accuracy), evaluation?.MacroF1.ToString("0.000", CultureInfo.InvariantCulture) ?? "-", parse.GetRequiredValue(output));
                var report = new Report().Add(table);
                report.Json = new
                {
                    comments = comments.Count,
                    classes = model.Labels.Select(l => l.ToString().ToLowerInvariant()),
                    heldOut = evaluation?.Comments ?? 0,
                    accuracy = evaluation?.Accuracy,
                    macroF1 = evaluation?.MacroF1,
                    model = parse.GetRequiredValue(output),
                };
                report.Write(context.GetFormat(parse), context.Output);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static SentimentModel LoadModel(string path) =>
        File.Exists(path) ? SentimentModel.Load(path) : throw new IOException($"{path}: no such model file.");

    private static SentimentLexicon LoadLexicon(string path)
    {
        if (!File.Exists(path))
        {
            throw new IOException($"{path}: no such lexicon file.");
        }

        try
        {
            return SentimentLexicon.Load(path);
        }
        catch (FormatException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    private static string Headline(SurveySummary survey) => survey.Scale switch
    {
        SurveyScale.Nps => survey.Score.ToString("0.0", CultureInfo.InvariantCulture),
        SurveyScale.Csat => Human.FormatShare(survey.Score),
        _ => survey.Score.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
