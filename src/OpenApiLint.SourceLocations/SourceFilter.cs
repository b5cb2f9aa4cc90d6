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
    private static readonly string[] Tokens =
        ["Map", "Route", "Http", "Produces", "Controller", "Results", "const", "Endpoint", "StatusCodes", "WithMetadata", "ApiExplorer", "Swagger", "ExcludeFromDescription", "AcceptVerbs"];

    /// <summary>How many times files naming what the parsed ones declare are added (a base of a base…).</summary>
    private const int MaxRounds = 8;

    /// <summary>
    /// Up to this many names × files, each name is looked for on its own (string search the framework ships
    /// precompiled); beyond it one multi-string <see cref="SearchValues{T}"/> scan per file is cheaper, although its
    /// vectorized code is JIT-compiled the first time in a process.
    /// </summary>
    private const int SeparateSearchesUpTo = 4096;

    /// <summary>Whether <paramref name="text"/> may declare (part of) an endpoint.</summary>
    public static bool MayDeclareEndpoints(string text) => ContainsAny(text, Tokens);

    /// <summary>The files to parse, parsed with <paramref name="parse"/>, and the others.</summary>
    public static (IReadOnlyList<FileDeclarations> Parsed, IReadOnlyList<SourceText> Skipped) Select(
        IReadOnlyList<SourceText> texts,
        Func<IReadOnlyList<SourceText>, IReadOnlyList<FileDeclarations>> parse)
    {
        var selected = new List<SourceText>();
        var skipped = new List<SourceText>();
        foreach (var source in texts)
        {
            (MayDeclareEndpoints(source.Text) ? selected : skipped).Add(source);
        }

        var parsed = parse(selected).ToList();
        var added = (IReadOnlyList<FileDeclarations>)parsed;
        for (var round = 0; round < MaxRounds && skipped.Count > 0 && added.Count > 0; round++)
        {
            var names = NamesOthersMayUse(added);
            if (names.Length == 0)
            {
                break;
            }

            var namesAny = NamesSearch(names, skipped.Count);
            var more = skipped.Where(source => namesAny(source.Text)).ToArray();
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

    /// <summary>Whether a text contains any of <paramref name="names"/>, searched the cheaper way for <paramref name="files"/> files.</summary>
    private static Func<string, bool> NamesSearch(string[] names, int files)
    {
        if ((long)names.Length * files <= SeparateSearchesUpTo)
        {
            return text => ContainsAny(text, names);
        }

        var search = SearchValues.Create(names, StringComparison.Ordinal);
        return text => text.AsSpan().ContainsAny(search);
    }

    private static bool ContainsAny(string text, string[] values)
    {
        foreach (var value in values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Names a file without any token may use to take part: classes that can be derived from (a base controller's
    /// derived controller may name nothing else), and methods taking a builder (an endpoint's prefix comes from their
    /// callers).
    /// </summary>
    private static string[] NamesOthersMayUse(IEnumerable<FileDeclarations> files)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var type in file.Classes)
            {
                if (!type.Modifiers.Any(SyntaxKind.StaticKeyword) && !type.Modifiers.Any(SyntaxKind.SealedKeyword))
                {
                    names.Add(type.Identifier.ValueText);
                }
            }

            foreach (var node in file.MethodsOutsideBodies)
            {
                switch (node)
                {
                    case MethodDeclarationSyntax method when method.ParameterList.Parameters.Any(TakesBuilder):
                        names.Add(method.Identifier.ValueText);
                        break;
                    case LocalFunctionStatementSyntax local when local.ParameterList.Parameters.Any(TakesBuilder):
                        names.Add(local.Identifier.ValueText);
                        break;
                }
            }
        }

        return names.Where(name => name.Length > 0).ToArray();
    }

    private static bool TakesBuilder(ParameterSyntax parameter) =>
        parameter.Type?.ToString() is { } type && (type.Contains("Builder", StringComparison.Ordinal) || type.Contains("WebApplication", StringComparison.Ordinal) || type.Contains("IApplicationBuilder", StringComparison.Ordinal));
}
