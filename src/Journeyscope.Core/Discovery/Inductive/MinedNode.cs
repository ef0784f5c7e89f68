using Journeyscope.Journeys;

namespace Journeyscope.Discovery;

/// <summary>A mutable process tree node while mining; converted to an immutable <see cref="ProcessTree"/> at the end.</summary>
internal sealed class MinedNode
{
    public MinedNode(ProcessTreeOperator kind, string? label = null)
    {
        Operator = kind;
        Label = label;
    }

    public ProcessTreeOperator Operator { get; }

    public string? Label { get; }

    public List<MinedNode> Children { get; } = [];

    public bool IsTau => Operator == ProcessTreeOperator.Leaf && Label is null;

    public static MinedNode Tau() => new(ProcessTreeOperator.Leaf);

    public static MinedNode Leaf(string label) => new(ProcessTreeOperator.Leaf, label);

    public MinedNode DeepCopy()
    {
        var copy = new MinedNode(Operator, Label);
        foreach (var child in Children)
        {
            copy.Children.Add(child.DeepCopy());
        }

        return copy;
    }

    /// <summary>Converts to a <see cref="ProcessTree"/>; a loop with several redo children gets them as one choice.</summary>
    public ProcessTree ToProcessTree()
    {
        if (Operator == ProcessTreeOperator.Leaf)
        {
            return Label is null ? ProcessTree.Silent() : ProcessTree.Leaf(Label);
        }

        var children = Children.ConvertAll(c => c.ToProcessTree());
        if (Operator == ProcessTreeOperator.Loop && children.Count != 2)
        {
            var redo = children.Count == 1 ? ProcessTree.Silent() : ProcessTree.Node(ProcessTreeOperator.ExclusiveChoice, children[1..]);
            return ProcessTree.Node(ProcessTreeOperator.Loop, [children[0], redo]);
        }

        return ProcessTree.Node(Operator, children);
    }

    public override string ToString() => Operator == ProcessTreeOperator.Leaf
        ? Label ?? "tau"
        : $"{Operator}({string.Join(", ", Children)})";
}
