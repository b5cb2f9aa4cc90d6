using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiLint.Core.Rules;

/// <summary>
/// A rule's help page (<c>docs/rules/OAL0001.md</c>), the one source of its prose: what it checks, why, an example and
/// how to fix a finding. The descriptor holds no prose beyond its title, so a sentence is written once; <c>explain</c>,
/// SARIF's rule metadata and the HTML report read it from here. Pages ship inside the rule's assembly as embedded
/// resources named <c>….OAL0001.md</c> (Core embeds <c>docs/rules/*.md</c>; a team's rule assembly embeds its own).
/// </summary>
/// <param name="Markdown">The whole page, line endings normalized to <c>\n</c>; empty when the rule ships no page.</param>
public sealed partial record RuleHelp(string Markdown)
{
    /// <summary>The sections every page has, in order.</summary>
    public static IReadOnlyList<string> Headings { get; } = [WhatItChecks, Why, Example, HowToFix];

    /// <summary>The section saying what the rule checks.</summary>
    public const string WhatItChecks = "What it checks";

    /// <summary>The section quoting the guidelines behind the rule.</summary>
    public const string Why = "Why";

    /// <summary>The section with a document and the exact output it gives.</summary>
    public const string Example = "Example";

    /// <summary>The section saying how to fix a finding; its first paragraph is the fix in one sentence.</summary>
    public const string HowToFix = "How to fix";

    private static readonly ConcurrentDictionary<(System.Reflection.Assembly, string), RuleHelp> _pages = new();

    /// <summary>The help page of <paramref name="rule"/>, from the embedded resources of the rule's assembly.</summary>
    public static RuleHelp For(IRule rule)
    {
        var assembly = rule.GetType().Assembly;
        return _pages.GetOrAdd((assembly, rule.Descriptor.Id), key => new RuleHelp(Read(key.Item1, key.Item2)));
    }

    private static string Read(System.Reflection.Assembly assembly, string id)
    {
        var suffix = "." + id + ".md";
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(candidate => candidate.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || candidate.Equals(id + ".md", StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return "";
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>The markdown of section <paramref name="heading"/> (<c>## heading</c>), trimmed; empty when absent.</summary>
    public string Section(string heading)
    {
        var marker = $"\n## {heading}\n";
        var start = Markdown.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var body = Markdown[(start + marker.Length)..];
        var end = body.IndexOf("\n## ", StringComparison.Ordinal);
        return (end < 0 ? body : body[..end]).Trim('\n', ' ');
    }

    /// <summary>What the rule checks, in one paragraph of plain text: the first paragraph of <see cref="WhatItChecks"/>.</summary>
    public string Summary => FirstParagraph(WhatItChecks);

    /// <summary>How to fix a finding, in plain text: the first paragraph of <see cref="HowToFix"/>.</summary>
    public string FixSummary => FirstParagraph(HowToFix);

    /// <summary>
    /// The page from its first section on (the title and header table are the descriptor's), with its relative links
    /// (other pages, other docs) made absolute against <paramref name="helpBaseUri"/> so that they work where the markdown is shown.
    /// </summary>
    public string Body(string helpBaseUri)
    {
        var start = Markdown.IndexOf("\n## ", StringComparison.Ordinal);
        var body = start < 0 ? "" : Markdown[(start + 1)..].TrimEnd('\n');
        return SiblingLink().Replace(body, match => $"]({helpBaseUri}{match.Groups["page"].Value})");
    }

    private string FirstParagraph(string heading)
    {
        var section = Section(heading);
        var end = section.IndexOf("\n\n", StringComparison.Ordinal);
        return Inline(string.Join(" ", (end < 0 ? section : section[..end]).Split('\n').Select(line => line.Trim())));
    }

    /// <summary>
    /// Markdown as plain text for a terminal or a plain-text field: code fences dropped and their lines indented by two
    /// more spaces, headings without their #s, links shown as their text, code spans without backticks. Lines stay as the page wraps them.
    /// </summary>
    public static string PlainText(string markdown)
    {
        var text = new StringBuilder();
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            text.Append(inFence ? "  " + line : Inline(Heading().Replace(line, ""))).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Inline(string markdown) => Link().Replace(markdown, "${text}").Replace("`", "", StringComparison.Ordinal);

    [GeneratedRegex("^#+ ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)\s]+\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\]\((?<page>(?![a-z]+:)[^)#\s][^)\s]*)\)")]
    private static partial Regex SiblingLink();
}
