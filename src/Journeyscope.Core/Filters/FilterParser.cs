using System.Globalization;
using System.Text;
using Journeyscope.EventLogs;

namespace Journeyscope.Filters;

/// <summary>Parses the textual filter syntax used by <c>--filter</c> (see docs/filters.md) into <see cref="LogFilter"/>s.</summary>
/// <remarks>
/// Keywords are case-insensitive; activity names and values are case-sensitive. A value is either quoted
/// (<c>"Send invoice"</c>, with <c>\"</c> and <c>\\</c> escapes) or bare: a bare value runs up to the next delimiter of
/// its context (<c>,</c> or <c>)</c> in a list, <c>-&gt;</c> or <c>|</c> in a sequence, the end otherwise) and is trimmed,
/// so <c>follows Confirmation of receipt -> T02 Check</c> works without quotes.
/// </remarks>
public static class FilterParser
{
    /// <summary>Parses one filter expression.</summary>
    /// <exception cref="FilterParseException">The text does not follow the syntax.</exception>
    public static LogFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cursor = new Cursor(text);
        var filter = ParseFilter(ref cursor);
        cursor.SkipSpace();
        if (!cursor.AtEnd)
        {
            throw cursor.Error("end of filter");
        }

        return filter;
    }

    /// <summary>Parses several filter expressions, in order.</summary>
    public static IReadOnlyList<LogFilter> ParseAll(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new List<LogFilter>();
        foreach (var text in texts)
        {
            result.Add(Parse(text));
        }

        return result;
    }

    private static LogFilter ParseFilter(ref Cursor cursor)
    {
        cursor.SkipSpace();
        if (cursor.Keyword("activity"))
        {
            var (values, negate) = ParseComparison(ref cursor);
            return new ActivityFilter(values, negate);
        }

        if (cursor.Prefix("case."))
        {
            var name = cursor.Name();
            var (values, negate) = ParseComparison(ref cursor);
            return new CaseAttributeFilter(name, values, negate);
        }

        if (cursor.Prefix("event."))
        {
            var name = cursor.Name();
            var (values, negate) = ParseComparison(ref cursor);
            return new EventAttributeFilter(name, values, negate);
        }

        if (cursor.Keyword("time"))
        {
            return ParseTime(ref cursor);
        }

        if (cursor.Keyword("duration"))
        {
            return ParseDuration(ref cursor);
        }

        if (cursor.Keyword("variants"))
        {
            return ParseVariants(ref cursor);
        }

        if (cursor.Keyword("variant"))
        {
            var sequences = new List<List<string>>();
            do
            {
                sequences.Add(ParseSequence(ref cursor));
            }
            while (cursor.Symbol("|"));

            return VariantFilter.Specific(sequences);
        }

        var not = cursor.Keyword("not");
        if (cursor.Keyword("follows"))
        {
            return ParseRelation(ref cursor, RelationKind.DirectlyFollows, not);
        }

        if (cursor.Keyword("eventually"))
        {
            return ParseRelation(ref cursor, RelationKind.EventuallyFollows, not);
        }

        if (cursor.Keyword("contains"))
        {
            return new ActivityPresenceFilter(ParseValueOrList(ref cursor), not);
        }

        if (not)
        {
            throw cursor.Error("'follows', 'eventually' or 'contains'");
        }

        if (cursor.Keyword("starts"))
        {
            cursor.ExpectKeyword("with");
            return new EndpointActivityFilter(false, ParseValueOrList(ref cursor));
        }

        if (cursor.Keyword("ends"))
        {
            cursor.ExpectKeyword("with");
            return new EndpointActivityFilter(true, ParseValueOrList(ref cursor));
        }

        throw cursor.Error(
            "a filter: activity, case.<name>, event.<name>, time, duration, variants, variant, follows, eventually, contains, starts with or ends with");
    }

    private static (List<string> Values, bool Negate) ParseComparison(ref Cursor cursor)
    {
        if (cursor.Symbol("=="))
        {
            return ([cursor.Value(string.Empty)], false);
        }

        if (cursor.Symbol("!="))
        {
            return ([cursor.Value(string.Empty)], true);
        }

        if (cursor.Keyword("in"))
        {
            return (ParseList(ref cursor), false);
        }

        if (cursor.Keyword("not"))
        {
            cursor.ExpectKeyword("in");
            return (ParseList(ref cursor), true);
        }

        throw cursor.Error("'==', '!=', 'in' or 'not in'");
    }

    private static List<string> ParseList(ref Cursor cursor)
    {
        cursor.ExpectSymbol("(");
        var values = new List<string>();
        do
        {
            values.Add(cursor.Value(",)"));
        }
        while (cursor.Symbol(","));

        cursor.ExpectSymbol(")", "',' or ')'");
        return values;
    }

    private static List<string> ParseValueOrList(ref Cursor cursor)
    {
        cursor.SkipSpace();
        return cursor.Peek('(') ? ParseList(ref cursor) : [cursor.Value(string.Empty)];
    }

    private static List<string> ParseSequence(ref Cursor cursor)
    {
        var sequence = new List<string>();
        do
        {
            sequence.Add(cursor.Value("|", stopAtArrow: true));
        }
        while (cursor.Symbol("->"));

        return sequence;
    }

    private static RelationFilter ParseRelation(ref Cursor cursor, RelationKind kind, bool negate)
    {
        var from = cursor.Value(string.Empty, stopAtArrow: true);
        cursor.ExpectSymbol("->");
        var to = cursor.Value(string.Empty);
        return new RelationFilter(kind, from, to, negate);
    }

    private static TimeWindowFilter ParseTime(ref Cursor cursor)
    {
        TimeWindowMode mode;
        if (cursor.Keyword("contained"))
        {
            mode = TimeWindowMode.Contained;
        }
        else if (cursor.Keyword("intersecting"))
        {
            mode = TimeWindowMode.Intersecting;
        }
        else if (cursor.Keyword("started"))
        {
            mode = TimeWindowMode.Started;
        }
        else if (cursor.Keyword("completed"))
        {
            mode = TimeWindowMode.Completed;
        }
        else
        {
            throw cursor.Error("'contained', 'intersecting', 'started' or 'completed'");
        }

        cursor.SkipSpace();
        var from = long.MinValue;
        if (!cursor.Peek('.'))
        {
            from = ParseInstant(ref cursor, upper: false);
        }

        cursor.ExpectSymbol("..");
        cursor.SkipSpace();
        var to = long.MaxValue;
        if (!cursor.AtEnd)
        {
            to = ParseInstant(ref cursor, upper: true);
        }

        if (to < from)
        {
            throw cursor.Error("a window whose end is not before its start");
        }

        return new TimeWindowFilter(mode, from, to);
    }

    private static long ParseInstant(ref Cursor cursor, bool upper)
    {
        cursor.SkipSpace();
        var start = cursor.Position;
        var token = cursor.Token(stopAtDots: true);
        var text = token.ToString();
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // A date-only upper bound includes the whole day: the window ends at the next midnight (exclusive).
            return upper ? date.AddDays(1).Ticks : date.Ticks;
        }

        if (text.Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            // A date-time upper bound is inclusive; the window's end is exclusive.
            return upper ? instant.UtcTicks + 1 : instant.UtcTicks;
        }

        throw cursor.ErrorAt(start, "a date (2024-01-31) or an ISO 8601 date-time (2024-01-31T10:00:00Z)", text);
    }

    private static DurationFilter ParseDuration(ref Cursor cursor)
    {
        cursor.SkipSpace();
        TimeSpan? min = null;
        if (!cursor.Peek('.'))
        {
            min = ParseTimeSpan(ref cursor);
        }

        cursor.ExpectSymbol("..");
        cursor.SkipSpace();
        TimeSpan? max = null;
        if (!cursor.AtEnd)
        {
            max = ParseTimeSpan(ref cursor);
        }

        if (min is { } lo && max is { } hi && hi < lo)
        {
            throw cursor.Error("a maximum duration not below the minimum");
        }

        return new DurationFilter(min, max);
    }

    private static TimeSpan ParseTimeSpan(ref Cursor cursor)
    {
        cursor.SkipSpace();
        var start = cursor.Position;
        var token = cursor.Token(stopAtDots: true).ToString();
        if (!DurationText.TryParse(token, out var duration))
        {
            throw cursor.ErrorAt(start, DurationText.Expected, token);
        }

        return duration;
    }

    private static VariantFilter ParseVariants(ref Cursor cursor)
    {
        if (cursor.Keyword("top"))
        {
            cursor.SkipSpace();
            var start = cursor.Position;
            var token = cursor.Token(stopAtDots: false).ToString();
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k <= 0)
            {
                throw cursor.ErrorAt(start, "a positive whole number of variants", token);
            }

            return VariantFilter.MostFrequent(k);
        }

        if (cursor.Keyword("coverage"))
        {
            cursor.SkipSpace();
            var start = cursor.Position;
            var token = cursor.Token(stopAtDots: false).ToString();
            var number = token.EndsWith('%') ? token[..^1] : token;
            // double.TryParse accepts "NaN" and "Infinity" whatever the styles; NaN passes every comparison, so test finiteness first.
            if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) ||
                !double.IsFinite(percent) || percent <= 0 || percent > 100)
            {
                throw cursor.ErrorAt(start, "a percentage in (0, 100], such as 80%", token);
            }

            return VariantFilter.Covering(percent / 100);
        }

        throw cursor.Error("'top' or 'coverage'");
    }

    /// <summary>A position in the filter text with the small scanning steps the grammar needs.</summary>
    private ref struct Cursor(string text)
    {
        private readonly string _text = text;

        public int Position { get; private set; }

        public readonly bool AtEnd => Position >= _text.Length;

        public void SkipSpace()
        {
            while (Position < _text.Length && char.IsWhiteSpace(_text[Position]))
            {
                Position++;
            }
        }

        public bool Peek(char ch)
        {
            SkipSpace();
            return Position < _text.Length && _text[Position] == ch;
        }

        public bool Keyword(string word)
        {
            SkipSpace();
            var end = Position + word.Length;
            if (end > _text.Length ||
                !_text.AsSpan(Position, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase) ||
                (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] is '_' or '.')))
            {
                return false;
            }

            Position = end;
            return true;
        }

        public void ExpectKeyword(string word)
        {
            if (!Keyword(word))
            {
                throw Error($"'{word}'");
            }
        }

        public bool Prefix(string prefix)
        {
            SkipSpace();
            if (!_text.AsSpan(Position).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            Position += prefix.Length;
            return true;
        }

        public bool Symbol(string symbol)
        {
            SkipSpace();
            if (!_text.AsSpan(Position).StartsWith(symbol, StringComparison.Ordinal))
            {
                return false;
            }

            Position += symbol.Length;
            return true;
        }

        public void ExpectSymbol(string symbol, string? expected = null)
        {
            if (!Symbol(symbol))
            {
                throw Error(expected ?? $"'{symbol}'");
            }
        }

        /// <summary>An attribute name: quoted, or a bare run up to a space, an operator or a parenthesis.</summary>
        public string Name()
        {
            if (Position < _text.Length && _text[Position] == '"')
            {
                return Quoted();
            }

            var start = Position;
            while (Position < _text.Length && !char.IsWhiteSpace(_text[Position]) && _text[Position] is not ('=' or '!' or '('))
            {
                Position++;
            }

            if (Position == start)
            {
                throw Error("an attribute name");
            }

            return _text[start..Position];
        }

        /// <summary>A value: quoted, or bare up to one of <paramref name="stops"/> (or <c>-&gt;</c>) and trimmed.</summary>
        public string Value(string stops, bool stopAtArrow = false)
        {
            SkipSpace();
            if (Position < _text.Length && _text[Position] == '"')
            {
                return Quoted();
            }

            var start = Position;
            while (Position < _text.Length && !stops.Contains(_text[Position], StringComparison.Ordinal) &&
                   !(stopAtArrow && _text[Position] == '-' && Position + 1 < _text.Length && _text[Position + 1] == '>'))
            {
                Position++;
            }

            var value = _text.AsSpan(start, Position - start).TrimEnd();
            if (value.IsEmpty)
            {
                Position = start;
                throw Error("a value (an activity name, or text; quote it with \"...\" if it holds delimiters)");
            }

            return value.ToString();
        }

        /// <summary>A run of non-space characters, stopping before <c>..</c> when asked.</summary>
        public ReadOnlySpan<char> Token(bool stopAtDots)
        {
            SkipSpace();
            var start = Position;
            while (Position < _text.Length && !char.IsWhiteSpace(_text[Position]) &&
                   !(stopAtDots && _text[Position] == '.' && Position + 1 < _text.Length && _text[Position + 1] == '.'))
            {
                Position++;
            }

            return _text.AsSpan(start, Position - start);
        }

        public readonly FilterParseException Error(string expected) => ErrorAt(Position, expected, Found(Position));

        public readonly FilterParseException ErrorAt(int position, string expected, string found) =>
            new(_text, position, expected, found.Length == 0 ? "end of filter" : $"'{found}'");

        private string Quoted()
        {
            var open = Position;
            Position++;
            var builder = new StringBuilder();
            while (Position < _text.Length)
            {
                var ch = _text[Position++];
                if (ch == '"')
                {
                    return builder.ToString();
                }

                if (ch == '\\' && Position < _text.Length)
                {
                    ch = _text[Position++];
                }

                builder.Append(ch);
            }

            throw ErrorAt(open, "a closing '\"' for the quoted value", _text[open..]);
        }

        private readonly string Found(int position)
        {
            if (position >= _text.Length)
            {
                return string.Empty;
            }

            var end = position;
            while (end < _text.Length && !char.IsWhiteSpace(_text[end]) && end - position < 20)
            {
                end++;
            }

            return end == position ? _text[position].ToString() : _text[position..end];
        }
    }
}
