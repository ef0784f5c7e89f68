using System.Text;
using System.Text.RegularExpressions;
using Journeyscope.Journeys;

namespace Journeyscope.Simulation;

/// <summary>
/// An activity name that a touchpoint's <c>activity_regex</c> matches, for touchpoints that name no activity: character
/// classes give their first character, alternations their first branch, <c>.*</c> and <c>.+</c> the touchpoint's name.
/// </summary>
internal static class PatternExample
{
    /// <summary>An example the whole pattern matches; <paramref name="fallback"/> when the sketch does not match.</summary>
    public static string Of(string pattern, string fallback)
    {
        string candidate;
        try
        {
            candidate = Sketch(pattern, fallback);
            var regex = ActivityPattern.Compile(pattern);
            return regex.IsMatch(candidate) ? candidate : fallback;
        }
        catch (ArgumentException)
        {
            return fallback;
        }
        catch (RegexMatchTimeoutException)
        {
            return fallback;
        }
    }

    private static string Sketch(string pattern, string filler)
    {
        var builder = new StringBuilder();
        var depth = 0;
        var skipping = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (skipping >= 0)
            {
                // Inside a later alternative of a group: skip until the group closes.
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                    if (depth < skipping)
                    {
                        skipping = -1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    builder.Append(pattern[i] switch { 'd' => '1', 'w' => 'a', 's' => ' ', var other => other });
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 2);
                    if (close < 0 || pattern[i + 1] == '^')
                    {
                        return filler;
                    }

                    builder.Append(pattern[i + 1] == '\\' ? pattern[i + 2] : pattern[i + 1]);
                    i = close;
                    break;
                case '(':
                    depth++;
                    if (i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == ':')
                    {
                        i += 2;
                    }

                    break;
                case ')':
                    depth--;
                    break;
                case '|':
                    if (depth == 0)
                    {
                        return builder.ToString();
                    }

                    skipping = depth;
                    break;
                case '.':
                    var quantifier = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
                    builder.Append(quantifier is '*' or '+' ? filler : "x");
                    if (quantifier is '*' or '+' or '?')
                    {
                        i++;
                    }

                    break;
                case '?' or '*' or '+' or '^' or '$':
                    break;
                case '{':
                    var end = pattern.IndexOf('}', i);
                    i = end < 0 ? i : end;
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
