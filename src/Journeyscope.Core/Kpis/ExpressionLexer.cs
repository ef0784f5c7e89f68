using System.Globalization;
using Journeyscope.EventLogs;

namespace Journeyscope.Kpis;

internal enum TokenKind
{
    End,
    Number,
    Duration,
    Percent,
    String,
    Name,
    Symbol,
}

internal readonly record struct ExpressionToken(TokenKind Kind, string Text, double Number, int Position);

/// <summary>Splits a KPI expression into tokens, each with its position.</summary>
internal static class ExpressionLexer
{
    public static List<ExpressionToken> Tokenize(string text)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new ExpressionToken(TokenKind.End, string.Empty, 0, i));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c == '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or ':' ||
                    (text[i] == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new ExpressionToken(TokenKind.Name, text[start..i], 0, start));
            }
            else if (i + 1 < text.Length && text.AsSpan(i, 2) is "==" or "!=" or "<=" or ">=")
            {
                tokens.Add(new ExpressionToken(TokenKind.Symbol, text.Substring(i, 2), 0, start));
                i += 2;
            }
            else if ("+-*/(),<>".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new ExpressionToken(TokenKind.Symbol, c.ToString(), 0, start));
                i++;
            }
            else
            {
                throw new KpiExpressionException(text, start, $"unexpected character '{c}'");
            }
        }
    }

    private static ExpressionToken ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (!double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw new KpiExpressionException(text, start, $"'{text[start..i]}' is not a number");
        }

        if (i < text.Length && text[i] == '%')
        {
            i++;
            return new ExpressionToken(TokenKind.Percent, text[start..i], number / 100.0, start);
        }

        if (i < text.Length && text[i] is 'w' or 'd' or 'h' or 'm' or 's')
        {
            // A duration: one or more number-unit parts (1d12h), no spaces.
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or 'w' or 'd' or 'h' or 'm' or 's'))
            {
                i++;
            }

            if (i < text.Length && char.IsLetter(text[i]))
            {
                throw new KpiExpressionException(text, start, $"'{text[start..(i + 1)]}' is not a duration (units w, d, h, m, s)");
            }

            if (!DurationText.TryParse(text.AsSpan(start, i - start), out var duration))
            {
                throw new KpiExpressionException(text, start, $"'{text[start..i]}' is not a duration (for example 3d, 4h, 1d12h)");
            }

            return new ExpressionToken(TokenKind.Duration, text[start..i], duration.TotalSeconds, start);
        }

        if (i < text.Length && char.IsLetter(text[i]))
        {
            throw new KpiExpressionException(text, i, $"unknown unit '{text[i]}' after a number (durations use w, d, h, m, s)");
        }

        return new ExpressionToken(TokenKind.Number, text[start..i], number, start);
    }

    private static ExpressionToken ReadString(string text, ref int i)
    {
        var start = i;
        i++;
        var value = new System.Text.StringBuilder();
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            value.Append(text[i]);
            i++;
        }

        if (i >= text.Length)
        {
            throw new KpiExpressionException(text, start, "the string is not closed with \"");
        }

        i++;
        return new ExpressionToken(TokenKind.String, value.ToString(), 0, start);
    }
}
