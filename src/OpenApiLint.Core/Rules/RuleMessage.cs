using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiLint.Core.Rules;

/// <summary>
/// A message a rule reports, declared in its descriptor (<see cref="RuleDescriptor.Messages"/>) as ESLint rules declare
/// <c>meta.messages</c>: a stable id and a template with named placeholders, <c>{operation} declares {status}</c>. The
/// check builds every finding's message with <see cref="Format"/>, so what a rule can say is read off its descriptor,
/// and a test holds every message the fixtures produce to its rule's templates.
/// </summary>
public sealed partial class RuleMessage
{
    /// <summary>Declares a message.</summary>
    /// <param name="id">Kebab-case id, unique within the rule (<c>not-allowed</c>).</param>
    /// <param name="template">The text, with <c>{name}</c> placeholders; a name may appear more than once.</param>
    public RuleMessage(string id, string template)
    {
        Id = id;
        Template = template;
        Placeholders = Placeholder().Matches(template).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToArray();
        _pattern = new(() => new Regex(
            "^" + string.Join("(?:.*?)", Placeholder().Split(template).Where((_, index) => index % 2 == 0).Select(Regex.Escape)) + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant));
    }

    /// <summary>Kebab-case id, unique within the rule.</summary>
    public string Id { get; }

    /// <summary>The text, with <c>{name}</c> placeholders.</summary>
    public string Template { get; }

    /// <summary>The placeholder names, in order of first appearance.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>
    /// The message with the placeholders replaced by <paramref name="values"/>, one per name in order of first
    /// appearance (<see cref="Placeholders"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The number of values is not the number of placeholders.</exception>
    public string Format(params string[] values)
    {
        if (values.Length != Placeholders.Count)
        {
            throw new ArgumentException($"message '{Id}' takes {Placeholders.Count} values ({string.Join(", ", Placeholders)}), not {values.Length}", nameof(values));
        }

        var text = new StringBuilder(Template.Length + values.Sum(value => value.Length));
        var last = 0;
        foreach (Match match in Placeholder().Matches(Template))
        {
            text.Append(Template, last, match.Index - last);
            text.Append(values[IndexOf(match.Groups["name"].Value)]);
            last = match.Index + match.Length;
        }

        return text.Append(Template, last, Template.Length - last).ToString();
    }

    /// <summary>Whether <paramref name="message"/> could have come from this template (its fixed text, any values).</summary>
    public bool Matches(string message) => _pattern.Value.IsMatch(message);

    private readonly Lazy<Regex> _pattern;

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Template}";

    private int IndexOf(string name)
    {
        for (var i = 0; i < Placeholders.Count; i++)
        {
            if (Placeholders[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\{(?<name>[a-zA-Z][a-zA-Z0-9]*)\}")]
    private static partial Regex Placeholder();
}
