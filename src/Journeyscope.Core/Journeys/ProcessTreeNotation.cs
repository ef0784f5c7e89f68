using System.Text;

namespace Journeyscope.Journeys;

/// <summary>Reads and writes PM4Py's process tree notation.</summary>
internal static class ProcessTreeNotation
{
    public static void Write(ProcessTree tree, StringBuilder builder)
    {
        if (tree.Operator == ProcessTreeOperator.Leaf)
        {
            if (tree.Label is null)
            {
                builder.Append("tau");
            }
            else
            {
                builder.Append('\'').Append(tree.Label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
            }

            return;
        }

        builder.Append(Symbol(tree.Operator)).Append("( ");
        for (var i = 0; i < tree.Children.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(tree.Children[i], builder);
        }

        builder.Append(" )");
    }

    public static ProcessTree Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        var tree = ParseNode(text, ref position, 1);
        SkipSpace(text, ref position);
        if (position != text.Length)
        {
            throw new FormatException($"Unexpected '{text[position]}' at position {position + 1} after the end of the tree.");
        }

        return tree;
    }

    private static string Symbol(ProcessTreeOperator kind) => kind switch
    {
        ProcessTreeOperator.Sequence => "->",
        ProcessTreeOperator.ExclusiveChoice => "X",
        ProcessTreeOperator.Parallel => "+",
        ProcessTreeOperator.Loop => "*",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static ProcessTree ParseNode(string text, ref int position, int level)
    {
        SkipSpace(text, ref position);
        if (level > ProcessTree.MaxHeight)
        {
            // Recursive descent, so the nesting is capped before the stack is at risk.
            throw new FormatException($"The tree is nested deeper than {ProcessTree.MaxHeight} levels at position {position + 1}.");
        }

        if (position >= text.Length)
        {
            throw new FormatException($"Unexpected end of text at position {position + 1}: expected a node.");
        }

        if (text[position] == '\'')
        {
            return ProcessTree.Leaf(ParseQuoted(text, ref position));
        }

        if (string.CompareOrdinal(text, position, "tau", 0, 3) == 0)
        {
            position += 3;
            return ProcessTree.Silent();
        }

        ProcessTreeOperator kind;
        if (string.CompareOrdinal(text, position, "->", 0, 2) == 0)
        {
            kind = ProcessTreeOperator.Sequence;
            position += 2;
        }
        else
        {
            kind = text[position] switch
            {
                'X' => ProcessTreeOperator.ExclusiveChoice,
                '+' => ProcessTreeOperator.Parallel,
                '*' => ProcessTreeOperator.Loop,
                _ => throw new FormatException($"Unexpected '{text[position]}' at position {position + 1}: expected ->, X, +, *, tau or a quoted label."),
            };
            position++;
        }

        SkipSpace(text, ref position);
        Expect(text, ref position, '(');
        var children = new List<ProcessTree>();
        while (true)
        {
            children.Add(ParseNode(text, ref position, level + 1));
            SkipSpace(text, ref position);
            if (position < text.Length && text[position] == ',')
            {
                position++;
                continue;
            }

            Expect(text, ref position, ')');
            break;
        }

        if (kind == ProcessTreeOperator.Loop && children.Count != 2)
        {
            throw new FormatException($"A loop needs exactly two children (do, redo); found {children.Count} before position {position}.");
        }

        return ProcessTree.Node(kind, children);
    }

    private static string ParseQuoted(string text, ref int position)
    {
        var builder = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '\\' && position < text.Length)
            {
                builder.Append(text[position++]);
            }
            else if (c == '\'')
            {
                return builder.ToString();
            }
            else
            {
                builder.Append(c);
            }
        }

        throw new FormatException($"Unterminated label at the end of the text (position {position}).");
    }

    private static void Expect(string text, ref int position, char expected)
    {
        SkipSpace(text, ref position);
        if (position >= text.Length || text[position] != expected)
        {
            var found = position >= text.Length ? "the end of the text" : $"'{text[position]}'";
            throw new FormatException($"Expected '{expected}' at position {position + 1}, found {found}.");
        }

        position++;
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
