using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ShopifyPS.Profiles;

/// <summary>
/// YamlDotNet's parser with the guards a hand-edited file needs before YamlStream builds its (recursive) node tree:
/// nesting deeper than any profile can be is refused at the bracket that goes too deep (50,000 '[' would otherwise
/// overflow the stack and kill the host), an alias must name an anchor defined before it, and when the parser gives up
/// without a position (it does for an unclosed '[' or '{') the error names the bracket that was never closed.
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    /// <summary>A profile nests four levels (locations → entry → key); anything far deeper is a mistake or an attack.</summary>
    public const int MaxDepth = 16;

    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<ParsingEvent> _open = new();

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = inner.MoveNext();
        }
        catch (YamlException ex) when (ex.Message.Contains("flow", StringComparison.OrdinalIgnoreCase) && Unclosed(ex.Message) is { } unclosed)
        {
            // Reported where the text ran out (often the end of the file); the bracket that was opened is what to fix.
            throw unclosed;
        }
        catch (Exception ex) when (ex is not YamlException)
        {
            throw Unclosed(null) ?? new YamlException(Mark.Empty, Mark.Empty, "The YAML parser stopped at a value it cannot read.", ex);
        }
        if (!moved) return false;
        var current = inner.Current!;
        switch (current)
        {
            case AnchorAlias alias when !_anchors.Contains(alias.Value.Value):
                throw new YamlException(alias.Start, alias.End, $"The alias '*{alias.Value}' names no anchor ('&{alias.Value}') defined before it.");
            case NodeEvent { Anchor.IsEmpty: false } node:
                _anchors.Add(node.Anchor.Value);
                break;
        }
        if (current is MappingStart or SequenceStart)
        {
            _open.Push(current);
            if (_open.Count > MaxDepth)
                throw new YamlException(current.Start, current.End, $"Nested more than {MaxDepth} levels deep; a profile needs at most four.");
        }
        else if (current is MappingEnd or SequenceEnd)
            _open.TryPop(out _);
        return true;
    }

    private YamlException? Unclosed(string? parserSays)
    {
        var flow = _open.FirstOrDefault(e => e is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow });
        if (flow is null) return null;
        var bracket = flow is SequenceStart ? "'['" : "'{'";
        return new YamlException(flow.Start, flow.End, $"The {bracket} opened here is never closed; close it, or quote the value if the {bracket} is part of it." +
            (parserSays is null ? "" : $" (The parser says: {parserSays})"));
    }
}
