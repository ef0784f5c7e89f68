using System.Text;
using Journeyscope.TestSupport;
using Journeyscope.Voc;

namespace Journeyscope.Reference.Tests;

/// <summary>Reads the raw files of the real customer datasets: RFC 4180 CSV with quoted multi-line fields, and the UCI sentences.</summary>
internal static class RawCsv
{
    static RawCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Every record of a CSV file, header included.</summary>
    public static List<string[]> Read(string path, Encoding? encoding = null, char separator = ',')
    {
        var text = File.ReadAllText(path, encoding ?? Encoding.UTF8);
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    rows.Add([.. fields]);
                }

                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }

    public static Encoding Latin1 => Encoding.Latin1;

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);
}

/// <summary>Labelled texts of the two sentiment datasets, and the metrics the acceptance tests report.</summary>
internal static class SentimentData
{
    /// <summary>Twitter US airline sentiment: (text, negative|neutral|positive).</summary>
    public static List<(string Text, SentimentLabel Label)> AirlineTweets()
    {
        var rows = RawCsv.Read(SharedData.Path("datasets/twitter_us_airline_sentiment/Tweets.csv"));
        var header = rows[0];
        int label = Array.IndexOf(header, "airline_sentiment"), text = Array.IndexOf(header, "text");
        return rows.Skip(1).Select(r => (r[text], r[label] switch
        {
            "negative" => SentimentLabel.Negative,
            "positive" => SentimentLabel.Positive,
            "neutral" => SentimentLabel.Neutral,
            var other => throw new InvalidDataException($"unexpected label '{other}'"),
        })).ToList();
    }

    /// <summary>UCI sentiment labelled sentences (amazon, imdb, yelp): (text, negative|positive).</summary>
    public static List<(string Text, SentimentLabel Label)> UciSentences()
    {
        var all = new List<(string, SentimentLabel)>();
        foreach (var file in new[] { "amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt" })
        {
            // Old-Mac CR line endings (imdb mixes CR+LF and is latin1); a line is "sentence<TAB>label".
            var text = File.ReadAllText(SharedData.Path("datasets/uci_sentiment_labelled_sentences/" + file), RawCsv.Latin1);
            foreach (var line in text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                var tab = line.LastIndexOf('\t');
                if (tab < 0)
                {
                    continue;
                }

                var label = line[(tab + 1)..].Trim();
                if (label is not ("0" or "1"))
                {
                    continue;
                }

                var sentence = line[..tab].Trim();
                if (sentence.Length > 1 && sentence[0] == '"' && sentence[^1] == '"')
                {
                    sentence = sentence[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
                }

                all.Add((sentence, label == "1" ? SentimentLabel.Positive : SentimentLabel.Negative));
            }
        }

        return all;
    }

    /// <summary>Accuracy and macro-F1 (mean of the per-class F1 over the classes present in the truth).</summary>
    public static (double Accuracy, double MacroF1) Metrics(IReadOnlyList<SentimentLabel> truth, IReadOnlyList<SentimentLabel> predicted)
    {
        var correct = truth.Zip(predicted).Count(p => p.First == p.Second);
        var classes = truth.Distinct().ToList();
        var f1 = classes.Select(k =>
        {
            var tp = truth.Zip(predicted).Count(p => p.First == k && p.Second == k);
            var fp = truth.Zip(predicted).Count(p => p.First != k && p.Second == k);
            var fn = truth.Zip(predicted).Count(p => p.First == k && p.Second != k);
            return tp == 0 ? 0.0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
        }).Average();
        return ((double)correct / truth.Count, f1);
    }

    /// <summary>The majority-class baseline: always predict the most frequent label.</summary>
    public static (double Accuracy, double MacroF1) Majority(IReadOnlyList<SentimentLabel> truth)
    {
        var majority = truth.GroupBy(l => l).OrderByDescending(g => g.Count()).First().Key;
        return Metrics(truth, truth.Select(_ => majority).ToList());
    }
}
