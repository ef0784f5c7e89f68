using System.Text;

namespace Journeyscope.TestSupport;

/// <summary>
/// Hostile journey flows shared by the parser, CLI and server tests: deep nesting and an alias bomb, each small on
/// disk. Append them to a journey's touchpoints after <c>flow: </c>.
/// </summary>
public static class HostileYaml
{
    /// <summary><paramref name="text"/> repeated <paramref name="count"/> times.</summary>
    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>
    /// A flow-style flow <paramref name="levels"/> operators deep around the touchpoint <c>a</c>, e.g.
    /// <c>{sequence: [{sequence: [ ... a ... ]}]}</c> for <c>("{sequence: [", "]}")</c>; on one line.
    /// </summary>
    public static string NestedFlow(string open, string close, int levels) => Repeat(open, levels) + "a" + Repeat(close, levels);

    /// <summary>
    /// A flow of about 650 bytes whose aliases expand to 9^10 (3.5 billion) leaves: each anchor is a sequence of nine
    /// copies of the one before. Its leaves are the touchpoint <c>a</c>.
    /// </summary>
    public static string AliasBombFlow()
    {
        var flow = "&a0 {sequence: [a, a, a, a, a, a, a, a, a]}";
        for (var i = 1; i <= 9; i++)
        {
            flow = $"&a{i} {{sequence: [{flow}" + Repeat($", *a{i - 1}", 8) + "]}";
        }

        return flow;
    }
}
