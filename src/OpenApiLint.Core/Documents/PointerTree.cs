using System.Globalization;

namespace OpenApiLint.Core.Documents;

/// <summary>
/// The requested pointers merged into a tree of reference tokens, so a single pass over a document can tell at
/// every member or item whether some requested pointer continues below it.
/// </summary>
internal sealed class PointerTree
{
    private readonly Dictionary<string, Node> _targets = new(StringComparer.Ordinal);

    public PointerTree(IEnumerable<string> pointers)
    {
        ArgumentNullException.ThrowIfNull(pointers);
        Root = new Node(null, JsonPointer.Root);
        foreach (var pointer in pointers)
        {
            ArgumentNullException.ThrowIfNull(pointer, nameof(pointers));
            if (_targets.ContainsKey(pointer))
            {
                continue;
            }

            var node = Root;
            // A malformed pointer stays on the root: resolving every pointer matters more here than rejecting it.
            if (pointer.Length > 0 && pointer[0] == '/')
            {
                foreach (var token in JsonPointer.Split(pointer))
                {
                    node = node.GetOrAddChild(token);
                }
            }

            _targets.Add(pointer, node);
        }

        Pending = Root.ComputeSubtreeSize() - 1;
    }

    /// <summary>The node of the root pointer; it is never counted in <see cref="Pending"/>.</summary>
    public Node Root { get; }

    /// <summary>How many nodes have been neither found nor ruled out; a walk can stop when this reaches 0.</summary>
    public int Pending { get; private set; }

    /// <summary>Records where a node was found.</summary>
    public void MarkFound(Node node, SourceSpan span)
    {
        node.Found = true;
        node.Span = span;
        if (node.Parent is not null)
        {
            Pending--;
        }
    }

    /// <summary>Records where a node was found (as byte offsets, for formats that convert them in a batch later).</summary>
    public void MarkFound(Node node, int startOffset, int endOffset)
    {
        node.StartOffset = startOffset;
        node.EndOffset = endOffset;
        MarkFound(node, default(SourceSpan));
    }

    /// <summary>
    /// Rules out the children of a found node that were not found below it: its value has ended, or is a scalar.
    /// None of their descendants can have been found, so their whole subtrees stop being pending.
    /// </summary>
    public void RuleOutUnfoundChildren(Node node)
    {
        foreach (var child in node.Children)
        {
            if (!child.Found && !child.RuledOut)
            {
                child.RuledOut = true;
                Pending -= child.SubtreeSize;
            }
        }
    }

    /// <summary>Marks the unfound children of a node as found at one span (an alias) and rules out their descendants.</summary>
    public void MarkUnfoundChildrenAt(Node node, SourceSpan span)
    {
        foreach (var child in node.Children)
        {
            if (!child.Found && !child.RuledOut)
            {
                MarkFound(child, span);
                child.RuledOut = true;
                Pending -= child.SubtreeSize - 1;
            }
        }
    }

    /// <summary>The nodes that were found, for converting their offsets.</summary>
    public IEnumerable<Node> FoundNodes()
    {
        var stack = new Stack<Node>();
        stack.Push(Root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Found)
            {
                yield return node;
            }

            foreach (var child in node.Children)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The span of every requested pointer: its own, or its deepest found ancestor's.</summary>
    public IReadOnlyDictionary<string, SourceSpan> Results()
    {
        var results = new Dictionary<string, SourceSpan>(_targets.Count, StringComparer.Ordinal);
        foreach (var (pointer, target) in _targets)
        {
            var node = target;
            while (!node.Found && node.Parent is not null)
            {
                node = node.Parent;
            }

            results.Add(pointer, node.Found ? node.Span : SourceSpan.Start);
        }

        return results;
    }

    /// <summary>One reference token of one or more requested pointers.</summary>
    internal sealed class Node(Node? parent, string token)
    {
        private static readonly IReadOnlyCollection<Node> NoChildren = [];

        private Dictionary<string, Node>? _children;
        private Dictionary<int, Node>? _itemChildren;

        public Node? Parent { get; } = parent;

        public string Token { get; } = token;

        public bool Found { get; set; }

        /// <summary>Set when a walk has decided this node cannot be found (or, below an alias, found at the alias).</summary>
        public bool RuledOut { get; set; }

        public SourceSpan Span { get; set; }

        public int StartOffset { get; set; }

        public int EndOffset { get; set; }

        /// <summary>This node and all its descendants.</summary>
        public int SubtreeSize { get; private set; }

        public bool HasChildren => _children is not null;

        public IReadOnlyCollection<Node> Children => _children?.Values ?? NoChildren;

        public Node GetOrAddChild(string childToken)
        {
            _children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!_children.TryGetValue(childToken, out var child))
            {
                child = new Node(this, childToken);
                _children.Add(childToken, child);
            }

            return child;
        }

        /// <summary>The child for an object member, looked up without allocating the member name.</summary>
        public Node? MemberChild(ReadOnlySpan<char> name) =>
            _children is not null && _children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var child) ? child : null;

        /// <summary>The child for an object member.</summary>
        public Node? MemberChild(string name) =>
            _children is not null && _children.TryGetValue(name, out var child) ? child : null;

        /// <summary>The child for an array item; only canonical indices (<c>0</c>, <c>12</c>, not <c>012</c> or <c>-</c>) match.</summary>
        public Node? ItemChild(int index)
        {
            if (_children is null)
            {
                return null;
            }

            if (_itemChildren is null)
            {
                _itemChildren = [];
                foreach (var (childToken, child) in _children)
                {
                    if (IsCanonicalIndex(childToken) && int.TryParse(childToken, NumberStyles.None, CultureInfo.InvariantCulture, out var childIndex))
                    {
                        _itemChildren[childIndex] = child;
                    }
                }
            }

            return _itemChildren.GetValueOrDefault(index);
        }

        public int ComputeSubtreeSize()
        {
            // Recursion depth is the longest requested pointer, which is bounded by the document's own depth.
            var size = 1;
            foreach (var child in Children)
            {
                size += child.ComputeSubtreeSize();
            }

            SubtreeSize = size;
            return size;
        }

        private static bool IsCanonicalIndex(string text) =>
            text.Length > 0 && (text == "0" || (text[0] != '0' && text.All(char.IsAsciiDigit)));
    }
}
