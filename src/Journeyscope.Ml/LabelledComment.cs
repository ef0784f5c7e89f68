using System.Globalization;
using System.Text;
using Journeyscope.Voc;

namespace Journeyscope.Ml;

/// <summary>A comment with the sentiment a person gave it: training data for <see cref="SentimentModel"/>.</summary>
/// <param name="Text">The comment.</param>
/// <param name="Label">Its sentiment.</param>
public sealed record LabelledComment(string Text, SentimentLabel Label)
{
    /// <summary>
    /// Reads a labels file: CSV (RFC 4180, UTF-8) with a header row holding a <c>text</c> (or <c>comment</c>) column and a
    /// <c>label</c> (or <c>sentiment</c>) column; labels are <c>positive</c>/<c>neutral</c>/<c>negative</c> (any case),
    /// <c>pos</c>/<c>neu</c>/<c>neg</c>, or <c>1</c>/<c>0</c>/<c>-1</c>.
    /// </summary>
    /// <exception cref="FormatException">The file does not follow the format; the message names the line.</exception>
    public static IReadOnlyList<LabelledComment> ReadCsv(TextReader reader, string sourceName = "labels.csv")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = Records(reader, sourceName).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new FormatException($"{sourceName}: the file is empty; expected a header with text and label columns");
        }

        var header = records.Current.Fields;
        var text = IndexOf(header, "text", "comment");
        var label = IndexOf(header, "label", "sentiment");
        if (text < 0 || label < 0)
        {
            throw new FormatException($"{sourceName}:1: the header must name a text (or comment) column and a label (or sentiment) column, got: {string.Join(", ", header)}");
        }

        var comments = new List<LabelledComment>();
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Length <= Math.Max(text, label))
            {
                throw new FormatException($"{sourceName}:{line}: expected {header.Length} fields, got {fields.Length}");
            }

            comments.Add(new LabelledComment(fields[text], ParseLabel(fields[label], sourceName, line)));
        }

        return comments;
    }

    private static SentimentLabel ParseLabel(string text, string sourceName, int line) => text.Trim().ToLowerInvariant() switch
    {
        "positive" or "pos" or "1" or "+1" => SentimentLabel.Positive,
        "neutral" or "neu" or "0" => SentimentLabel.Neutral,
        "negative" or "neg" or "-1" => SentimentLabel.Negative,
        _ => throw new FormatException($"{sourceName}:{line}: field 'label': '{text}' is not positive, neutral or negative (or 1, 0, -1)"),
    };

    private static int IndexOf(string[] header, string name, string alternative)
    {
        for (var i = 0; i < header.Length; i++)
        {
            var column = header[i].Trim();
            if (string.Equals(column, name, StringComparison.OrdinalIgnoreCase) || string.Equals(column, alternative, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<(int Line, string[] Fields)> Records(TextReader reader, string sourceName)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    yield return (recordLine, fields.ToArray());
                }

                fields.Clear();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (quoted)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{recordLine}: a quoted field is not closed before the end of the file"));
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields.ToArray());
        }
    }
}
