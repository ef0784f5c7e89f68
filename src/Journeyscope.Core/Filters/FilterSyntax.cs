using System.Globalization;
using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Formatting helpers shared by the filters' <c>ToString</c>, so each prints in the syntax the parser reads.</summary>
internal static class FilterSyntax
{
    public static string Quote(string value)
    {
        var plain = value.Length > 0;
        foreach (var ch in value)
        {
            if (!(char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.' or ':' or '/' or '+' or '@' or '#'))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value)
        {
            if (ch is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(ch);
        }

        return builder.Append('"').ToString();
    }

    public static string List(IReadOnlyList<string> values)
    {
        var builder = new StringBuilder("(");
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Quote(values[i]));
        }

        return builder.Append(')').ToString();
    }

    public static string Instant(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan value) => DurationText.Format(value);
}
