using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// Source positions in the first document of a YAML stream, found from YamlDotNet parser events, whose marks
/// are already 1-based lines and UTF-16 columns. Subtrees off the requested paths are consumed event by event
/// without being kept.
/// </summary>
internal sealed class YamlSourceMap(string text) : ISourceMap
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, SourceSpan> Resolve(IEnumerable<string> pointers)
    {
        var tree = new PointerTree(pointers);
        new Walk(tree, YamlText.CreateParser(text)).Run();
        return tree.Results();
    }

    private static SourceSpan SpanOf(ParsingEvent e) => new(
        checked((int)e.Start.Line), checked((int)e.Start.Column), checked((int)e.End.Line), checked((int)e.End.Column));

    /// <summary>
    /// The opening of a flow collection. YamlDotNet's end mark for it sits on the <c>{</c> or <c>[</c> (after any
    /// anchor or tag), so the span is widened by one column to cover the bracket.
    /// </summary>
    private static SourceSpan OpeningSpan(NodeEvent e) => new(
        checked((int)e.Start.Line), checked((int)e.Start.Column), checked((int)e.End.Line), checked((int)e.End.Column) + 1);

    private sealed class Walk(PointerTree tree, IParser parser)
    {
        public void Run()
        {
            try
            {
                if (Next() is not StreamStart || Next() is not DocumentStart)
                {
                    return;
                }

                VisitValue(Next(), tree.Root, recordSpan: true);
            }
            catch (Exception ex) when (YamlText.IsParserFailure(ex))
            {
                // Malformed YAML: keep what was found; the rest resolves to ancestors.
            }
        }

        /// <summary>Visits the node that starts with <paramref name="start"/>, consuming its events up to its end.</summary>
        /// <param name="start">The node's first event, already consumed.</param>
        /// <param name="node">The pointer node the value belongs to.</param>
        /// <param name="recordSpan">Whether the node's span is the value's (root, array item) rather than a key's.</param>
        private void VisitValue(ParsingEvent start, PointerTree.Node node, bool recordSpan)
        {
            switch (start)
            {
                case MappingStart mapping:
                    VisitMapping(mapping, node, recordSpan);
                    break;
                case SequenceStart sequence:
                    VisitSequence(sequence, node, recordSpan);
                    break;
                case AnchorAlias alias:
                    var aliasSpan = SpanOf(alias);
                    if (recordSpan)
                    {
                        tree.MarkFound(node, aliasSpan);
                    }

                    // The anchored node may lie in a subtree that was skipped: stop at the alias.
                    tree.MarkUnfoundChildrenAt(node, aliasSpan);
                    break;
                default:
                    if (recordSpan)
                    {
                        tree.MarkFound(node, SpanOf(start));
                    }

                    tree.RuleOutUnfoundChildren(node);
                    break;
            }
        }

        private void VisitMapping(MappingStart mapping, PointerTree.Node node, bool recordSpan)
        {
            var current = Next();
            if (recordSpan)
            {
                // A block mapping has no opening token of its own: its first key stands for it.
                tree.MarkFound(node, mapping.Style == MappingStyle.Flow || current is MappingEnd ? OpeningSpan(mapping) : SpanOf(current));
            }

            if (tree.Pending == 0)
            {
                return;
            }

            if (!node.HasChildren)
            {
                SkipRemaining(current);
                return;
            }

            while (current is not MappingEnd)
            {
                // Keys match by their scalar value, so `201:` and `"201":` both match the token "201".
                var child = current is Scalar key ? node.MemberChild(key.Value) : null;
                SkipNode(current);
                var value = Next();
                if (child is null || child.Found)
                {
                    SkipNode(value);
                }
                else
                {
                    tree.MarkFound(child, SpanOf(current));
                    if (tree.Pending == 0)
                    {
                        return;
                    }

                    if (child.HasChildren)
                    {
                        VisitValue(value, child, recordSpan: false);
                    }
                    else
                    {
                        SkipNode(value);
                    }

                    if (tree.Pending == 0)
                    {
                        return;
                    }
                }

                current = Next();
            }

            tree.RuleOutUnfoundChildren(node);
        }

        private void VisitSequence(SequenceStart sequence, PointerTree.Node node, bool recordSpan)
        {
            if (recordSpan)
            {
                tree.MarkFound(node, sequence.Style == SequenceStyle.Flow
                    ? OpeningSpan(sequence)
                    : new SourceSpan(checked((int)sequence.Start.Line), checked((int)sequence.Start.Column), checked((int)sequence.Start.Line), checked((int)sequence.Start.Column) + 1));
            }

            if (tree.Pending == 0)
            {
                return;
            }

            var current = Next();
            if (!node.HasChildren)
            {
                SkipRemaining(current);
                return;
            }

            var index = 0;
            while (current is not SequenceEnd)
            {
                var child = node.ItemChild(index++);
                if (child is null)
                {
                    SkipNode(current);
                }
                else
                {
                    VisitValue(current, child, recordSpan: true);
                    if (tree.Pending == 0)
                    {
                        return;
                    }
                }

                current = Next();
            }

            tree.RuleOutUnfoundChildren(node);
        }

        /// <summary>Consumes the rest of a node that starts with <paramref name="start"/> (already consumed).</summary>
        private void SkipNode(ParsingEvent start)
        {
            if (start is MappingStart or SequenceStart)
            {
                SkipRemaining(Next());
            }
        }

        /// <summary>Consumes the rest of a collection whose next event, <paramref name="current"/>, is already consumed.</summary>
        private void SkipRemaining(ParsingEvent current)
        {
            var depth = 1;
            while (true)
            {
                depth += current switch
                {
                    MappingStart or SequenceStart => 1,
                    MappingEnd or SequenceEnd => -1,
                    _ => 0,
                };
                if (depth == 0)
                {
                    return;
                }

                current = Next();
            }
        }

        private ParsingEvent Next() =>
            parser.MoveNext() && parser.Current is { } current
                ? current
                : throw new InvalidOperationException("The YAML event stream ended inside a node.");
    }
}
