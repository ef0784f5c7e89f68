using System.Text.RegularExpressions;

namespace Journeyscope.Journeys;

/// <summary>
/// Compiles a touchpoint's <c>activity_regex</c>: a .NET regular expression matched against the whole activity name by
/// the non-backtracking engine, so a pattern from a file or a request cannot take exponential time (<c>(a+)+$</c>).
/// </summary>
/// <remarks>
/// The non-backtracking engine matches in time linear in the name, and refuses the constructs that need backtracking:
/// backreferences (<c>\1</c>), lookarounds (<c>(?=</c>, <c>(?!</c>, <c>(?&lt;=</c>), atomic groups (<c>(?&gt;</c>) and
/// conditionals. A match still has a <see cref="MatchTimeout"/>; a match that exceeds it throws
/// <see cref="RegexMatchTimeoutException"/>. Thread-safe.
/// </remarks>
public static class ActivityPattern
{
    /// <summary>The longest one match may take.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The compiled pattern, anchored to match whole activity names.</summary>
    /// <exception cref="ArgumentException">
    /// The pattern is not a regular expression, or uses a construct the non-backtracking engine does not support; the
    /// message says which.
    /// </exception>
    public static Regex Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException e)
        {
            throw new ArgumentException(Unsupported(e), nameof(pattern), e);
        }
    }

    /// <summary>Why <paramref name="pattern"/> cannot be used as an <c>activity_regex</c>, or <c>null</c> when it can.</summary>
    /// <remarks>Positions in the reason refer to <paramref name="pattern"/> as written.</remarks>
    public static string? Problem(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            // The pattern alone first, so a parse error's offset is the user's; then anchored, as it is matched.
            _ = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
            _ = Compile(pattern);
            return null;
        }
        catch (NotSupportedException e)
        {
            return Unsupported(e);
        }
        catch (ArgumentException e)
        {
            return e.InnerException is NotSupportedException inner ? Unsupported(inner) : e.Message.TrimEnd('.');
        }
    }

    private static string Unsupported(NotSupportedException e)
    {
        // .NET: "RegexOptions.NonBacktracking is not supported in conjunction with expressions containing: 'backreference (\\ number)'."
        var message = e.Message;
        var open = message.IndexOf('\'', StringComparison.Ordinal);
        var close = message.LastIndexOf('\'');
        var construct = open >= 0 && close > open ? message[(open + 1)..close] : message.TrimEnd('.');
        return $"it uses {construct}, which activity_regex does not support (patterns are matched without backtracking)";
    }
}
