using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Journeyscope.IO.Journeys;

/// <summary>
/// Wraps YamlDotNet's event parser and refuses hostile documents before they are built into nodes: nesting deeper than
/// <see cref="MaxDepth"/> levels, and documents whose aliases would expand to more than <see cref="MaxNodes"/> nodes
/// (the "billion laughs" alias bomb) or deeper than <see cref="MaxDepth"/> levels once expanded.
/// </summary>
/// <remarks>
/// YamlDotNet's parser is a state machine (no recursion), but building the representation model and every walk of it
/// recurse per nesting level, and an alias is a shared node that every walk expands again. Checking the event stream
/// as it is pulled keeps both bounded: the document is refused at the first event past a limit, with its position.
/// An alias to an anchor that is not complete yet (a node containing itself) is refused as well.
/// </remarks>
internal sealed class BoundedYamlParser : IParser
{
    /// <summary>The deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 100;

    /// <summary>The most nodes (scalars, mappings, sequences) a document may hold with every alias expanded.</summary>
    public const long MaxNodes = 100_000;

    private readonly IParser _inner;
    private readonly Stack<Open> _open = new();
    private readonly Dictionary<string, Extent> _anchors = new(StringComparer.Ordinal);
    private long _nodes;

    public BoundedYamlParser(TextReader reader)
    {
        _inner = new Parser(reader);
    }

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        switch (_inner.Current)
        {
            case DocumentStart:
                _anchors.Clear();
                _nodes = 0;
                break;
            case Scalar scalar:
                Count(scalar, 1);
                Remember(scalar.Anchor, new Extent(1, 0));
                break;
            case NodeEvent start and (MappingStart or SequenceStart):
                Count(start, 1);
                if (_open.Count >= MaxDepth)
                {
                    throw new YamlLimitException(start.Start, start.End, $"the file is nested deeper than {MaxDepth} levels");
                }

                _open.Push(new Open(start.Anchor, _nodes - 1, _open.Count + 1));
                break;
            case MappingEnd or SequenceEnd:
                var open = _open.Pop();
                Remember(open.Anchor, new Extent(_nodes - open.NodesBefore, open.Deepest - _open.Count));
                Reach(open.Deepest);
                break;
            case AnchorAlias alias:
                if (!_anchors.TryGetValue(alias.Value.Value, out var extent))
                {
                    throw new YamlLimitException(alias.Start, alias.End, $"the alias '*{alias.Value}' refers to no complete anchor before it");
                }

                Count(alias, extent.Nodes);
                if (_open.Count + extent.Height > MaxDepth)
                {
                    throw new YamlLimitException(alias.Start, alias.End, $"the alias '*{alias.Value}' nests the file deeper than {MaxDepth} levels");
                }

                Reach(_open.Count + extent.Height);
                break;
        }

        return true;
    }

    private void Count(ParsingEvent at, long nodes)
    {
        _nodes += nodes;
        if (_nodes > MaxNodes)
        {
            throw new YamlLimitException(at.Start, at.End, $"the file holds more than {MaxNodes} values once its aliases are expanded");
        }
    }

    /// <summary>Records that the open collections reach <paramref name="depth"/> levels, for the height of their anchors.</summary>
    private void Reach(int depth)
    {
        if (_open.Count == 0)
        {
            return;
        }

        var top = _open.Pop();
        _open.Push(top with { Deepest = Math.Max(top.Deepest, depth) });
    }

    private void Remember(AnchorName anchor, Extent extent)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = extent;
        }
    }

    /// <summary>An open mapping or sequence: its anchor, the node count before it, and the deepest level reached inside.</summary>
    private readonly record struct Open(AnchorName Anchor, long NodesBefore, int Deepest);

    /// <summary>What an anchored node adds where it is aliased: its node count and how many levels it nests.</summary>
    private readonly record struct Extent(long Nodes, int Height);
}

/// <summary>A document refused by <see cref="BoundedYamlParser"/>: too deep or too large once aliases are expanded.</summary>
internal sealed class YamlLimitException : YamlException
{
    public YamlLimitException(in Mark start, in Mark end, string message)
        : base(start, end, message)
    {
        Reason = message;
    }

    /// <summary>The reason without YamlDotNet's position prefix.</summary>
    public string Reason { get; }
}
