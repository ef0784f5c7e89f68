using System.Globalization;
using System.Text;

namespace Journeyscope.Cli.Output;

/// <summary>A titled table of rows: rendered aligned for people, or as CSV; JSON renders rows as objects.</summary>
internal sealed class Table
{
    private readonly List<object?[]> _rows = [];

    public Table(string? title, params string[] columns)
    {
        Title = title;
        Columns = columns;
    }

    public string? Title { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<object?[]> Rows => _rows;

    public Table Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public void WriteText(TextWriter writer)
    {
        if (Title is not null)
        {
            writer.WriteLine(Title);
        }

        var text = new string[_rows.Count + 1][];
        text[0] = new string[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            text[0][c] = PeopleHeader(c);
        }

        for (var r = 0; r < _rows.Count; r++)
        {
            text[r + 1] = Array.ConvertAll(_rows[r], FormatForPeople);
        }

        var widths = new int[Columns.Count];
        foreach (var row in text)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        for (var r = 0; r < text.Length; r++)
        {
            var line = new StringBuilder();
            for (var c = 0; c < widths.Length; c++)
            {
                var numeric = r > 0 && IsNumber(_rows[r - 1][c]);
                var cell = numeric ? text[r][c].PadLeft(widths[c]) : text[r][c].PadRight(widths[c]);
                line.Append(cell);
                if (c < widths.Length - 1)
                {
                    line.Append("  ");
                }
            }

            writer.WriteLine(line.ToString().TrimEnd());
            if (r == 0)
            {
                writer.WriteLine(string.Join("  ", Array.ConvertAll(widths, w => new string('-', w))));
            }
        }
    }

    public void WriteCsv(TextWriter writer)
    {
        writer.WriteLine(string.Join(",", Columns.Select(Quote)));
        foreach (var row in _rows)
        {
            writer.WriteLine(string.Join(",", row.Select(cell => Quote(FormatInvariant(cell)))));
        }
    }

    public List<Dictionary<string, object?>> ToObjects()
    {
        var list = new List<Dictionary<string, object?>>(_rows.Count);
        foreach (var row in _rows)
        {
            var item = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var c = 0; c < Columns.Count; c++)
            {
                item[JsonKey(Columns[c])] = Raw(row[c]);
            }

            list.Add(item);
        }

        return list;
    }

    /// <summary>"Case count" becomes "caseCount": stable keys for scripts.</summary>
    public static string JsonKey(string column)
    {
        var parts = column.Split([' ', '-', '_', '/'], StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim('(', ')', '%');
            if (part.Length == 0)
            {
                continue;
            }

            builder.Append(i == 0
                ? part.ToLowerInvariant()
                : char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant());
        }

        return builder.ToString();
    }

    /// <summary>The number behind a duration or share cell (what JSON and CSV show); other cells as they are.</summary>
    public static object? Raw(object? value) => value switch
    {
        DurationCell d => d.Value,
        ShareCell s => s.Fraction,
        _ => value,
    };

    public static string FormatInvariant(object? value) => value switch
    {
        null => "",
        DurationCell or ShareCell => FormatInvariant(Raw(value)),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatForPeople(object? value) => value switch
    {
        null => "",
        DurationCell d => Human.FormatDuration(d.Seconds),
        ShareCell s => Human.FormatShare(s.Fraction),
        double d when double.IsNaN(d) => "",
        double d => d.ToString(Math.Abs(d) >= 100 ? "N0" : "0.###", CultureInfo.InvariantCulture),
        int or long => ((IFormattable)value).ToString("N0", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        _ => FormatInvariant(value),
    };

    private static bool IsNumber(object? value) => value is int or long or double or float or decimal or DurationCell or ShareCell;

    /// <summary>The header people see: a unit suffix is dropped over a column of durations or shares, which carry their own.</summary>
    private string PeopleHeader(int column)
    {
        var header = Columns[column];
        foreach (var row in _rows)
        {
            if (row[column] is DurationCell or ShareCell)
            {
                foreach (var suffix in (ReadOnlySpan<string>)[" (s)", " (h)", " (%)"])
                {
                    if (header.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        return header[..^suffix.Length];
                    }
                }

                // "Seconds" and "CPU seconds" keep their JSON keys; people read "Time" and "CPU time" over "1m 5s".
                return header.EndsWith("econds", StringComparison.Ordinal) ? header[..^"seconds".Length] + (header.Length == "seconds".Length ? "Time" : "time") : header;
            }
        }

        return header;
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
