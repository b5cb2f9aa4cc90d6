using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rulesets;

/// <summary>
/// A team ruleset derived from existing documents, so a team can adopt the linter on a legacy API without a wall of
/// errors: for every method the documents use, the codes the base ruleset allows plus every code the documents already
/// declare. Linting those documents against it reports no disallowed code (OAL0001).
/// </summary>
/// <param name="Extends">What the ruleset extends: a built-in name or a ruleset file path, as it is written in the file.</param>
/// <param name="Allowed">Method (lower case) → allowed codes and ranges, in reading order.</param>
/// <param name="DocumentCount">How many documents the lists were derived from.</param>
public sealed record InferredRuleset(string Extends, IReadOnlyDictionary<string, IReadOnlyList<string>> Allowed, int DocumentCount)
{
    /// <summary>The team ruleset's <c>name</c>, which messages use (<c>orders-team allows …</c>); <c>null</c>: none written.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// A ruleset name made from a folder or project name: kebab-case, lower case (<c>OrdersApi</c> → <c>orders-api</c>,
    /// <c>billing_service</c> → <c>billing-service</c>); <c>team</c> when nothing usable is left.
    /// </summary>
    public static string NameFrom(string folderOrProjectName)
    {
        var name = new StringBuilder();
        char previous = '\0';
        foreach (var c in folderOrProjectName)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsAsciiLetterUpper(c) && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)) && name.Length > 0)
                {
                    name.Append('-');
                }

                name.Append(char.ToLowerInvariant(c));
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }

            previous = c;
        }

        var text = name.ToString().Trim('-');
        return text.Length == 0 ? "team" : text;
    }

    /// <summary>Infers the per-method allowed codes of <paramref name="documents"/> on top of <paramref name="baseRuleset"/>.</summary>
    /// <param name="extends">How the written file names the base (<c>recommended</c>, <c>./base.json</c>).</param>
    /// <param name="baseRuleset">The loaded base, whose allowed lists the inferred ones keep.</param>
    /// <param name="documents">The documents whose declared codes must all be allowed.</param>
    public static InferredRuleset Infer(string extends, Ruleset baseRuleset, IReadOnlyCollection<OpenApiLintDocument> documents)
    {
        var used = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var operation in documents.SelectMany(document => document.Operations))
        {
            if (!HttpMethods.Names.Contains(operation.Method))
            {
                continue;
            }

            if (!used.TryGetValue(operation.Method, out var codes))
            {
                used[operation.Method] = codes = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var response in operation.Responses)
            {
                var key = StatusCodes.Normalize(response.StatusKey);
                if (StatusCodes.IsCode(key) || StatusCodes.IsRange(key))
                {
                    codes.Add(key);
                }
            }
        }

        var allowed = new SortedDictionary<string, IReadOnlyList<string>>(Comparer<string>.Create(
            static (a, b) => IndexOf(a).CompareTo(IndexOf(b))));
        foreach (var (method, codes) in used)
        {
            var inherited = baseRuleset.ForMethod(method)?.Allowed;
            var missing = codes.Where(code => inherited is null || !StatusCodes.IsAllowed(code, inherited, baseRuleset.Ranges.Allowed));

            // A method the base leaves open stays open when the documents declare nothing for it.
            if (inherited is null && codes.Count == 0)
            {
                continue;
            }

            allowed[method] = (inherited ?? []).Concat(missing).Distinct(StringComparer.Ordinal).Order(StatusCodes.Order).ToArray();
        }

        return new InferredRuleset(extends, allowed, documents.Count);
    }

    /// <summary>The <c>.openapi-lint.json</c> text: <c>extends</c> and, per method, the <c>allowed</c> list.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (Name is not null)
            {
                json.WriteString("name", Name);
            }

            json.WriteString("extends", Extends);
            if (DocumentCount > 0)
            {
                json.WriteString(
                    "description",
                    $"Per-method allowed codes inferred from {DocumentCount} document{(DocumentCount == 1 ? "" : "s")} by `openapi-lint init --infer`: what {Extends} allows plus the codes the documents already declared. Remove codes as the API is cleaned up.");
            }

            if (Allowed.Count > 0)
            {
                json.WriteStartObject("methods");
                foreach (var (method, codes) in Allowed)
                {
                    json.WriteStartObject(method);
                    json.WriteStartArray("allowed");
                    foreach (var code in codes)
                    {
                        json.WriteStringValue(code);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    private static int IndexOf(string method)
    {
        for (var i = 0; i < HttpMethods.Names.Count; i++)
        {
            if (HttpMethods.Names[i] == method)
            {
                return i;
            }
        }

        return HttpMethods.Names.Count;
    }
}
