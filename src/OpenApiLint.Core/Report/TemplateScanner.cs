using System.Globalization;

namespace OpenApiLint.Core.Report;

/// <summary>One template or partial: its name (partials are called by it), the file it came from, and its text.</summary>
internal sealed record TemplateSource(string Name, string File, string Text);

/// <summary>What is wrong in a template, and where (1-based; 0 when unknown).</summary>
internal sealed record TemplateProblem(int Line, int Column, string Reason);

/// <summary>What a mustache tag does.</summary>
internal enum TagKind
{
    /// <summary><c>{{name}}</c> or a helper call <c>{{helper arg}}</c>.</summary>
    Expression,

    /// <summary><c>{{{name}}}</c> or <c>{{&amp;name}}</c>.</summary>
    Unescaped,

    /// <summary><c>{{#name …}}</c>.</summary>
    BlockOpen,

    /// <summary><c>{{^name}}</c>.</summary>
    InverseOpen,

    /// <summary><c>{{#&gt; partial}}</c>: a partial with fallback content.</summary>
    PartialBlockOpen,

    /// <summary><c>{{#*inline "name"}}</c> and other decorator blocks.</summary>
    DecoratorBlockOpen,

    /// <summary><c>{{/name}}</c>.</summary>
    Close,

    /// <summary><c>{{else}}</c>, <c>{{else if …}}</c> or <c>{{^}}</c>.</summary>
    Else,

    /// <summary><c>{{&gt; partial}}</c>.</summary>
    Partial,

    /// <summary><c>{{*decorator}}</c>.</summary>
    Decorator,

    /// <summary><c>{{! … }}</c> or <c>{{!-- … --}}</c>.</summary>
    Comment,
}

/// <summary>One mustache tag of a template.</summary>
/// <param name="Line">1-based line of its opening braces.</param>
/// <param name="Column">1-based column of its opening braces.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Name">The helper, block, partial or property it names (<c>each</c>, <c>finding</c>, <c>title</c>).</param>
/// <param name="Arguments">The tokens after the name.</param>
/// <param name="Text">The whole tag as written.</param>
internal sealed record TemplateTag(int Line, int Column, TagKind Kind, string Name, IReadOnlyList<string> Arguments, string Text);

/// <summary>The tags of one template, and its first syntax problem.</summary>
/// <param name="Tags">Every tag read, in order.</param>
/// <param name="Problem">The first problem found, or <c>null</c>.</param>
internal sealed record TemplateScan(IReadOnlyList<TemplateTag> Tags, TemplateProblem? Problem);

/// <summary>
/// Reads the mustache tags of a Handlebars template with their positions, and finds the mistakes people make
/// (a tag or comment never closed, mismatched braces, a block closed by another name or never closed, a second
/// <c>{{else}}</c>). Handlebars.Net reports these without a line, or not at all; the report owes its users the line.
/// Syntax this scanner does not follow (raw blocks <c>{{{{raw}}}}</c>) ends the scan without a problem: Handlebars
/// then judges alone.
/// </summary>
internal static class TemplateScanner
{
    /// <summary>Block helpers that need a value: Handlebars.Net fails on them with an unrelated message.</summary>
    private static readonly HashSet<string> HelpersNeedingArgument = new(StringComparer.Ordinal) { "if", "unless", "each", "with" };

    public static TemplateScan Scan(string text)
    {
        var lines = new LineMap(text);
        var tags = new List<TemplateTag>();
        var blocks = new Stack<OpenBlock>();

        TemplateScan Fail(int offset, string reason)
        {
            var (line, column) = lines.Position(offset);
            return new TemplateScan(tags, new TemplateProblem(line, column, reason));
        }

        var position = 0;
        while (true)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            if (IsEscaped(text, open))
            {
                position = open + 2;
                continue;
            }

            if (string.CompareOrdinal(text, open, "{{{{", 0, 4) == 0)
            {
                // Raw blocks: rarely used in a report, not followed here.
                return new TemplateScan(tags, null);
            }

            var (line, column) = lines.Position(open);
            var triple = open + 2 < text.Length && text[open + 2] == '{';
            var contentStart = open + (triple ? 3 : 2);
            var afterTilde = contentStart < text.Length && text[contentStart] == '~' ? contentStart + 1 : contentStart;

            if (!triple && string.CompareOrdinal(text, afterTilde, "!--", 0, 3) == 0)
            {
                var end = IndexOfCommentEnd(text, afterTilde + 3);
                if (end < 0)
                {
                    return Fail(open, "the comment opened here is never closed: expected '--}}'");
                }

                tags.Add(new TemplateTag(line, column, TagKind.Comment, "", [], text[open..end]));
                position = end;
                continue;
            }

            if (!triple && afterTilde < text.Length && text[afterTilde] == '!')
            {
                var end = text.IndexOf("}}", afterTilde, StringComparison.Ordinal);
                if (end < 0)
                {
                    return Fail(open, "the comment opened here is never closed: expected '}}'");
                }

                tags.Add(new TemplateTag(line, column, TagKind.Comment, "", [], text[open..(end + 2)]));
                position = end + 2;
                continue;
            }

            var (close, unclosed) = FindClose(text, contentStart);
            if (close < 0)
            {
                return Fail(open, unclosed ?? $"the tag opened here is never closed: expected '{(triple ? "}}}" : "}}")}'");
            }

            int tagEnd;
            if (triple)
            {
                if (close + 2 >= text.Length || text[close + 2] != '}')
                {
                    return Fail(open, "the tag opened here with '{{{' is closed with '}}': expected '}}}'");
                }

                tagEnd = close + 3;
            }
            else
            {
                if (close + 2 < text.Length && text[close + 2] == '}')
                {
                    return Fail(open, "the tag opened here with '{{' is closed with '}}}': expected '}}'");
                }

                tagEnd = close + 2;
            }

            var content = text[contentStart..close].Trim();
            content = content.StartsWith('~') ? content[1..] : content;
            content = content.EndsWith('~') ? content[..^1] : content;
            content = content.Trim();
            var tag = Classify(content, triple, line, column, text[open..tagEnd]);
            if (tag is null)
            {
                return Fail(open, "the tag is empty: expected a name between the braces");
            }

            tags.Add(tag);
            position = tagEnd;

            switch (tag.Kind)
            {
                case TagKind.BlockOpen or TagKind.InverseOpen or TagKind.PartialBlockOpen or TagKind.DecoratorBlockOpen:
                    if (tag.Name.Length == 0)
                    {
                        return Fail(open, $"the block tag '{tag.Text}' names no helper");
                    }

                    if (tag.Kind == TagKind.BlockOpen && HelpersNeedingArgument.Contains(tag.Name) && tag.Arguments.Count == 0)
                    {
                        return Fail(open, $"'{tag.Text}' needs a value, as in '{{{{#{tag.Name} items}}}}'");
                    }

                    blocks.Push(new OpenBlock(tag));
                    break;
                case TagKind.Close:
                    if (blocks.Count == 0)
                    {
                        return Fail(open, $"'{tag.Text}' closes a block that was never opened");
                    }

                    var opened = blocks.Pop();
                    if (!string.Equals(opened.Tag.Name, tag.Name, StringComparison.Ordinal))
                    {
                        return Fail(open, $"'{tag.Text}' closes '{opened.Tag.Text}' opened at line {opened.Tag.Line.ToString(CultureInfo.InvariantCulture)}: expected '{{{{/{opened.Tag.Name}}}}}'");
                    }

                    break;
                case TagKind.Else:
                    if (blocks.Count == 0)
                    {
                        return Fail(open, $"'{tag.Text}' is outside any block");
                    }

                    var current = blocks.Peek();
                    if (current.HasFinalElse)
                    {
                        return Fail(open, $"'{tag.Text}' follows another '{{{{else}}}}' of the block '{current.Tag.Text}' opened at line {current.Tag.Line.ToString(CultureInfo.InvariantCulture)}");
                    }

                    current.HasFinalElse = tag.Arguments.Count == 0;
                    break;
            }
        }

        if (blocks.Count > 0)
        {
            var unclosedBlock = blocks.Peek().Tag;
            return new TemplateScan(tags, new TemplateProblem(unclosedBlock.Line, unclosedBlock.Column, $"the block '{unclosedBlock.Text}' opened here is never closed: expected '{{{{/{unclosedBlock.Name}}}}}'"));
        }

        return new TemplateScan(tags, null);
    }

    /// <summary>The name and arguments of an expression (<c>lookup . 'x'</c> → <c>lookup</c>, <c>.</c>, <c>'x'</c>).</summary>
    internal static List<string> Tokens(string content)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < content.Length)
        {
            while (i < content.Length && char.IsWhiteSpace(content[i]))
            {
                i++;
            }

            if (i >= content.Length)
            {
                break;
            }

            var start = i;
            var depth = 0;
            while (i < content.Length)
            {
                var c = content[i];
                if (c is '"' or '\'' or '[')
                {
                    var end = content.IndexOf(c == '[' ? ']' : c, i + 1);
                    i = end < 0 ? content.Length : end + 1;
                    continue;
                }

                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (depth <= 0 && char.IsWhiteSpace(c))
                {
                    break;
                }

                i++;
            }

            tokens.Add(content[start..i]);
        }

        return tokens;
    }

    private static TemplateTag? Classify(string content, bool triple, int line, int column, string text)
    {
        if (content.Length == 0)
        {
            return null;
        }

        TemplateTag Make(TagKind kind, string rest)
        {
            var tokens = Tokens(rest);
            return new TemplateTag(line, column, kind, tokens.Count > 0 ? tokens[0] : "", tokens.Skip(1).ToArray(), text);
        }

        if (triple)
        {
            return Make(TagKind.Unescaped, content);
        }

        return content[0] switch
        {
            '#' when content.Length > 1 && content[1] == '>' => Make(TagKind.PartialBlockOpen, content[2..]),
            '#' when content.Length > 1 && content[1] == '*' => Make(TagKind.DecoratorBlockOpen, content[2..]),
            '#' => Make(TagKind.BlockOpen, content[1..]),
            '^' when content.Trim().Length == 1 => new TemplateTag(line, column, TagKind.Else, "else", [], text),
            '^' => Make(TagKind.InverseOpen, content[1..]),
            '/' => new TemplateTag(line, column, TagKind.Close, content[1..].Trim(), [], text),
            '>' => Make(TagKind.Partial, content[1..]),
            '&' => Make(TagKind.Unescaped, content[1..]),
            '*' => Make(TagKind.Decorator, content[1..]),
            _ when content == "else" || content.StartsWith("else ", StringComparison.Ordinal) => Make(TagKind.Else, content),
            _ => Make(TagKind.Expression, content),
        };
    }

    /// <summary>The index of the <c>}}</c> that closes a tag whose content starts at <paramref name="start"/>, skipping strings and <c>[segments]</c>.</summary>
    private static (int Close, string? Problem) FindClose(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'' or '[')
            {
                // A string or segment never spans lines in a tag; one that does has swallowed the closing braces.
                var end = text.IndexOf(c == '[' ? ']' : c, i + 1);
                var newline = text.IndexOf('\n', i + 1);
                if (end < 0 || (newline >= 0 && newline < end))
                {
                    return (-1, $"the tag opened here is never closed: its {(c == '[' ? "'[' segment" : "string")} has no closing {(c == '[' ? "']'" : c == '"' ? "'\"'" : "\"'\"")}");
                }

                i = end;
                continue;
            }

            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                return (i, null);
            }

            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                return (-1, null);
            }
        }

        return (-1, null);
    }

    private static int IndexOfCommentEnd(string text, int start)
    {
        for (var i = text.IndexOf("--", start, StringComparison.Ordinal); i >= 0; i = text.IndexOf("--", i + 1, StringComparison.Ordinal))
        {
            var after = i + 2 < text.Length && text[i + 2] == '~' ? i + 3 : i + 2;
            if (string.CompareOrdinal(text, after, "}}", 0, 2) == 0)
            {
                return after + 2;
            }
        }

        return -1;
    }

    /// <summary><c>\{{</c> is a literal <c>{{</c> (an even number of backslashes escapes the backslashes instead).</summary>
    private static bool IsEscaped(string text, int open)
    {
        var backslashes = 0;
        for (var i = open - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private sealed class OpenBlock(TemplateTag tag)
    {
        public TemplateTag Tag { get; } = tag;

        public bool HasFinalElse { get; set; }
    }

    /// <summary>Offsets to 1-based line and column (columns count UTF-16 code units).</summary>
    private sealed class LineMap
    {
        private readonly List<int> _starts = [0];

        public LineMap(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Position(int offset)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line + 1, offset - _starts[line] + 1);
        }
    }
}
