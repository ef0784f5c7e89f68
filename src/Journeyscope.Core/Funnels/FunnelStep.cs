using System.Text;
using Journeyscope.Filters;

namespace Journeyscope.Funnels;

/// <summary>
/// One step of a funnel (or an exclusion, or a path anchor): an event matches when its activity is one of
/// <see cref="Activities"/> and every condition in <see cref="Conditions"/> holds for it.
/// </summary>
/// <remarks>
/// Conditions use the filter syntax (docs/filters.md): event conditions (<c>event.channel == app</c>,
/// <c>activity in (...)</c>) are tested on the event itself; case conditions (<c>case.segment == B2B</c>) on its case.
/// Conditions that rank cases against each other (<c>variants top 10</c>) are not allowed. Immutable.
/// Text form (<see cref="Parse"/>): <c>A|B|"C|D" where event.channel == app and case.segment == B2B</c>.
/// </remarks>
public sealed class FunnelStep
{
    private readonly string[] _activities;
    private readonly LogFilter[] _conditions;

    /// <summary>Creates a step matching any of <paramref name="activities"/> under all of <paramref name="conditions"/>.</summary>
    /// <exception cref="ArgumentException">No activity is given, or a condition ranks cases against each other.</exception>
    public FunnelStep(IEnumerable<string> activities, IEnumerable<LogFilter>? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(activities);
        _activities = [.. activities];
        _conditions = conditions is null ? [] : [.. conditions];
        if (_activities.Length == 0)
        {
            throw new ArgumentException("A funnel step needs at least one activity.", nameof(activities));
        }

        foreach (var condition in _conditions)
        {
            if (condition is CaseFilter { DependsOnPopulation: true })
            {
                throw new ArgumentException(
                    $"The condition '{condition}' ranks cases against each other and cannot qualify a single event.", nameof(conditions));
            }
        }
    }

    /// <summary>Creates a step matching one or more activities, without conditions.</summary>
    public FunnelStep(params string[] activities)
        : this((IEnumerable<string>)activities)
    {
    }

    /// <summary>The activity names the step matches (any of them).</summary>
    public IReadOnlyList<string> Activities => _activities;

    /// <summary>The conditions that must all hold for a matching event.</summary>
    public IReadOnlyList<LogFilter> Conditions => _conditions;

    /// <summary>Whether a case may skip this step and still reach the later ones. The first step cannot be optional.</summary>
    public bool IsOptional { get; init; }

    /// <summary>The longest time allowed from the previous step reached to this one, or <c>null</c> for no limit.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>A display name; by default the step's text form.</summary>
    public string Label => field ??= ToString();

    /// <summary>Parses the text form <c>A|B where condition and condition</c>.</summary>
    /// <remarks>
    /// Activities are separated by <c>|</c>; quote a name that holds <c>|</c>, or the word <c>where</c> or <c>and</c> between
    /// spaces, with <c>"..."</c>. Conditions follow <c>where</c>, separated by <c>and</c>, each in the filter syntax.
    /// </remarks>
    /// <exception cref="FormatException">The text is not a valid step; the message says where and why.</exception>
    public static FunnelStep Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var where = FindKeyword(text, " where ", 0);
        var head = where < 0 ? text : text[..where];
        var activities = new List<string>();
        foreach (var part in SplitOutsideQuotes(head, "|"))
        {
            var name = Unquote(part.Trim());
            if (name.Length == 0)
            {
                throw new FormatException($"Funnel step '{text}': an activity name is empty (separate names with '|').");
            }

            activities.Add(name);
        }

        var conditions = new List<LogFilter>();
        if (where >= 0)
        {
            var tail = text[(where + " where ".Length)..];
            foreach (var part in SplitOutsideQuotes(tail, " and "))
            {
                try
                {
                    conditions.Add(FilterParser.Parse(part.Trim()));
                }
                catch (FilterParseException e)
                {
                    throw new FormatException($"Funnel step '{text}': condition '{part.Trim()}': {e.Message}", e);
                }
            }
        }

        try
        {
            return new FunnelStep(activities, conditions);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Funnel step '{text}': {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _activities.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('|');
            }

            var name = _activities[i];
            var plain = name.Length > 0 && !name.Contains('|', StringComparison.Ordinal) && !name.Contains('"', StringComparison.Ordinal) &&
                FindKeyword(" " + name + " ", " where ", 0) < 0 && FindKeyword(" " + name + " ", " and ", 0) < 0 &&
                name.Trim().Length == name.Length;
            builder.Append(plain ? name : "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }

        for (var i = 0; i < _conditions.Length; i++)
        {
            builder.Append(i == 0 ? " where " : " and ").Append(_conditions[i].ToString());
        }

        return builder.ToString();
    }

    private static int FindKeyword(string text, string keyword, int from)
    {
        var quoted = false;
        for (var i = from; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\\' && quoted)
            {
                i++;
                continue;
            }

            if (ch == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (!quoted && text.AsSpan(i).StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> SplitOutsideQuotes(string text, string separator)
    {
        var parts = new List<string>();
        var start = 0;
        while (true)
        {
            var at = FindKeyword(text, separator, start);
            if (at < 0)
            {
                parts.Add(text[start..]);
                return parts;
            }

            parts.Add(text[start..at]);
            start = at + separator.Length;
        }
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            var ch = value[i];
            if (ch == '\\' && i + 1 < value.Length - 1)
            {
                ch = value[++i];
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }
}
