using System.Text;

namespace Journeyscope.Journeys;

/// <summary>
/// An immutable process tree: the designed flow of a journey (leaves are touchpoint ids) or a model discovered from
/// a log (leaves are activity names). Optional steps are choices with a silent leaf; repetition is a loop.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> writes PM4Py's notation (<c>-&gt;( 'a', X( tau, 'b' ) )</c>) and <see cref="Parse"/> reads it,
/// so trees can be compared with PM4Py's <c>model_inductive_*_tree.txt</c> files. A tree is at most
/// <see cref="MaxHeight"/> levels high, so walks that follow the tree's shape stay within the stack. Thread-safe.
/// </remarks>
public sealed class ProcessTree
{
    /// <summary>The most levels a tree may have (a leaf is one level); deeper trees are refused when built.</summary>
    /// <remarks>
    /// Journey files are capped far lower while they are parsed (100 YAML levels, see docs/journeys.md); this cap keeps
    /// the recursive conversions (to a Petri net, to text) safe for trees built any other way.
    /// </remarks>
    public const int MaxHeight = 1000;

    private ProcessTree(ProcessTreeOperator kind, string? label, IReadOnlyList<ProcessTree> children, SourceLocation location, int height)
    {
        Operator = kind;
        Label = label;
        Children = children;
        Location = location;
        Height = height;
    }

    /// <summary>The node's kind.</summary>
    public ProcessTreeOperator Operator { get; }

    /// <summary>For a leaf, its label; <c>null</c> for a silent leaf and for operator nodes.</summary>
    public string? Label { get; }

    /// <summary>The children in order; empty for a leaf.</summary>
    public IReadOnlyList<ProcessTree> Children { get; }

    /// <summary>Where the node was written, when it came from a file.</summary>
    public SourceLocation Location { get; }

    /// <summary>The number of levels: 1 for a leaf, one more than the highest child for an operator.</summary>
    public int Height { get; }

    /// <summary>True for a silent leaf (<c>tau</c>).</summary>
    public bool IsSilent => Operator == ProcessTreeOperator.Leaf && Label is null;

    /// <summary>Creates a visible leaf.</summary>
    public static ProcessTree Leaf(string label, SourceLocation location = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        return new ProcessTree(ProcessTreeOperator.Leaf, label, [], location, 1);
    }

    /// <summary>Creates a silent leaf (<c>tau</c>).</summary>
    public static ProcessTree Silent(SourceLocation location = default) =>
        new(ProcessTreeOperator.Leaf, null, [], location, 1);

    /// <summary>Creates an operator node.</summary>
    /// <exception cref="ArgumentException">
    /// A leaf operator, no children, a loop without exactly two children, or a tree higher than <see cref="MaxHeight"/>.
    /// </exception>
    public static ProcessTree Node(ProcessTreeOperator kind, IReadOnlyList<ProcessTree> children, SourceLocation location = default)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (kind == ProcessTreeOperator.Leaf)
        {
            throw new ArgumentException("Use Leaf or Silent to create leaves.", nameof(kind));
        }

        if (children.Count == 0)
        {
            throw new ArgumentException("An operator needs at least one child.", nameof(children));
        }

        if (kind == ProcessTreeOperator.Loop && children.Count != 2)
        {
            throw new ArgumentException("A loop has exactly two children: do and redo.", nameof(children));
        }

        var height = 0;
        foreach (var child in children)
        {
            ArgumentNullException.ThrowIfNull(child, nameof(children));
            height = Math.Max(height, child.Height);
        }

        if (height + 1 > MaxHeight)
        {
            throw new ArgumentException($"A process tree may have at most {MaxHeight} levels.", nameof(children));
        }

        return new ProcessTree(kind, null, children.ToArray(), location, height + 1);
    }

    /// <summary>The labels of the visible leaves, left to right, with repeats.</summary>
    public IEnumerable<string> Labels()
    {
        // An explicit stack, children pushed right to left so they come off left to right.
        var pending = new Stack<ProcessTree>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Operator == ProcessTreeOperator.Leaf)
            {
                if (node.Label is not null)
                {
                    yield return node.Label;
                }

                continue;
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                pending.Push(node.Children[i]);
            }
        }
    }

    /// <summary>Parses PM4Py's process tree notation, for example <c>-&gt;( 'a', X( tau, 'b' ) )</c>.</summary>
    /// <exception cref="FormatException">The text is not a process tree; the message names the character position.</exception>
    public static ProcessTree Parse(string text) => ProcessTreeNotation.Parse(text);

    /// <summary>Writes the tree in PM4Py's notation.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        ProcessTreeNotation.Write(this, builder);
        return builder.ToString();
    }
}
