using System.Buffers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// Which files are worth parsing. Most of a web project (models, services, migrations) declares no endpoint; parsing
/// it costs the first lint in a process most. A file is parsed when its text names something the search reads
/// (a filter on the raw text, not an extraction: what is read comes from the syntax trees), or a class or builder
/// method of a file already parsed (a controller deriving from a base controller, a caller passing a group to a
/// method that maps endpoints on it).
/// </summary>
internal static class SourceFilter
{
    /// <summary>
    /// What every construct the search reads contains: <c>MapGet</c>/<c>MapGroup</c>, <c>[Route]</c>/<c>[HttpGet]</c>,
    /// <c>Produces…</c>, controllers, <c>Results&lt;…&gt;</c>/<c>TypedResults</c>, constants, endpoint builders…
    /// </summary>
    private static readonly SearchValues<string> Tokens = SearchValues.Create(
        ["Map", "Route", "Http", "Produces", "Controller", "Results", "const", "Endpoint", "StatusCodes", "WithMetadata", "ApiExplorer", "Swagger", "ExcludeFromDescription", "AcceptVerbs"],
        StringComparison.Ordinal);

    /// <summary>How many times files naming what the parsed ones declare are added (a base of a base…).</summary>
    private const int MaxRounds = 8;

    /// <summary>Whether <paramref name="text"/> may declare (part of) an endpoint.</summary>
    public static bool MayDeclareEndpoints(string text) => text.AsSpan().ContainsAny(Tokens);

    /// <summary>The files to parse, parsed with <paramref name="parse"/>, and the others.</summary>
    public static (IReadOnlyList<SyntaxTree> Parsed, IReadOnlyList<(string Path, string Text)> Skipped) Select(
        IReadOnlyList<(string Path, string Text)> texts,
        Func<IReadOnlyList<(string Path, string Text)>, IReadOnlyList<SyntaxTree>> parse)
    {
        var selected = texts.Where(source => MayDeclareEndpoints(source.Text)).ToArray();
        var skipped = texts.Where(source => !MayDeclareEndpoints(source.Text)).ToList();
        var parsed = parse(selected).ToList();
        var added = (IReadOnlyList<SyntaxTree>)parsed;
        for (var round = 0; round < MaxRounds && skipped.Count > 0 && added.Count > 0; round++)
        {
            var names = NamesOthersMayUse(added);
            if (names.Length == 0)
            {
                break;
            }

            var search = SearchValues.Create(names, StringComparison.Ordinal);
            var more = skipped.Where(source => source.Text.AsSpan().ContainsAny(search)).ToArray();
            if (more.Length == 0)
            {
                break;
            }

            skipped.RemoveAll(source => more.Contains(source));
            added = parse(more);
            parsed.AddRange(added);
        }

        return (parsed, skipped);
    }

    /// <summary>
    /// Names a file without any token may use to take part: classes that can be derived from (a base controller's
    /// derived controller may name nothing else), and methods taking a builder (an endpoint's prefix comes from their
    /// callers).
    /// </summary>
    private static string[] NamesOthersMayUse(IEnumerable<SyntaxTree> trees)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in trees.SelectMany(tree => tree.GetRoot().DescendantNodes(node => node is not (ExpressionSyntax or BlockSyntax))))
        {
            switch (node)
            {
                case ClassDeclarationSyntax type when !type.Modifiers.Any(SyntaxKind.StaticKeyword) && !type.Modifiers.Any(SyntaxKind.SealedKeyword):
                    names.Add(type.Identifier.ValueText);
                    break;
                case MethodDeclarationSyntax method when method.ParameterList.Parameters.Any(TakesBuilder):
                    names.Add(method.Identifier.ValueText);
                    break;
                case LocalFunctionStatementSyntax local when local.ParameterList.Parameters.Any(TakesBuilder):
                    names.Add(local.Identifier.ValueText);
                    break;
            }
        }

        return names.Where(name => name.Length > 0).ToArray();
    }

    private static bool TakesBuilder(ParameterSyntax parameter) =>
        parameter.Type?.ToString() is { } type && (type.Contains("Builder", StringComparison.Ordinal) || type.Contains("WebApplication", StringComparison.Ordinal) || type.Contains("IApplicationBuilder", StringComparison.Ordinal));
}
