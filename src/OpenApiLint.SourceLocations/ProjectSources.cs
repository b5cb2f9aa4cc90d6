using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// A project's C# as the compiler sees it: the syntax trees of its <c>Compile</c> items (parsed with its
/// preprocessor symbols) and, made only when a name must be resolved, a compilation over its references.
/// </summary>
public sealed class ProjectSources
{
    private readonly Lazy<CSharpCompilation> _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Lazy<ILookup<string, InvocationExpressionSyntax>> _invocationsByName;

    private readonly Lazy<ILookup<string, SyntaxNode>> _methodsByName;
    private readonly Lazy<HashSet<SyntaxTree>> _treeSet;
    private readonly Lazy<ILookup<string, VariableDeclaratorSyntax>> _constantsByName;
    private readonly Lazy<HashSet<string>> _typeNames;
    private readonly Lazy<HashSet<string>> _memberNames;

    private ProjectSources(IReadOnlyList<SyntaxTree> trees, Func<IReadOnlyList<MetadataReference>> references, Func<IReadOnlyList<SyntaxTree>>? others = null)
    {
        Trees = trees;
        _treeSet = new Lazy<HashSet<SyntaxTree>>(() => trees.ToHashSet());
        // Loading the references and binding cost far more than parsing: done only when a name cannot be resolved from
        // the syntax alone (see Resolve).
        // The compilation sees the whole project, the files the text filter left out too, so names bind as they do in the build.
        _compilation = new Lazy<CSharpCompilation>(() => CSharpCompilation.Create(
            "OpenApiLint.SourceLocations",
            others is null ? trees : trees.Concat(others()),
            references(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)));
        _invocationsByName = new Lazy<ILookup<string, InvocationExpressionSyntax>>(() => trees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Select(invocation => (Name: InvokedName(invocation), Invocation: invocation))
            .Where(pair => pair.Name is not null)
            .ToLookup(pair => pair.Name!, pair => pair.Invocation, StringComparer.Ordinal));
        _methodsByName = new Lazy<ILookup<string, SyntaxNode>>(() => trees
            .SelectMany(tree => tree.GetRoot().DescendantNodes(node => node is not (ExpressionSyntax or AccessorListSyntax)))
            .Where(node => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            .ToLookup(node => node is MethodDeclarationSyntax method ? method.Identifier.ValueText : ((LocalFunctionStatementSyntax)node).Identifier.ValueText, StringComparer.Ordinal));
        _constantsByName = new Lazy<ILookup<string, VariableDeclaratorSyntax>>(() => trees
            .SelectMany(tree => tree.GetRoot().DescendantNodes(node => node is not (ExpressionSyntax or BlockSyntax)).OfType<FieldDeclarationSyntax>())
            .Where(field => field.Modifiers.Any(SyntaxKind.ConstKeyword))
            .SelectMany(field => field.Declaration.Variables)
            .ToLookup(variable => variable.Identifier.ValueText, StringComparer.Ordinal));
        _typeNames = new Lazy<HashSet<string>>(() => trees
            .SelectMany(tree => tree.GetRoot().DescendantNodes(node => node is not (ExpressionSyntax or BlockSyntax)).OfType<BaseTypeDeclarationSyntax>())
            .Select(type => type.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal));
        _memberNames = new Lazy<HashSet<string>>(() => trees
            .SelectMany(tree => tree.GetRoot().DescendantNodes(node => node is not (ExpressionSyntax or BlockSyntax)))
            .SelectMany(node => node switch
            {
                FieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier.ValueText),
                PropertyDeclarationSyntax property => [property.Identifier.ValueText],
                _ => [],
            })
            .ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The parsed files.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>
    /// Parses <paramref name="files"/> (unreadable ones are left out: the compiler reports those) with the project's
    /// <paramref name="preprocessorSymbols"/>; <paramref name="references"/> are the assemblies the project compiles
    /// against (<c>@(ReferencePath)</c>), loaded only if a name has to be resolved. Only the files that can declare
    /// endpoints are parsed up front (see <see cref="SourceFilter"/>); the others only if a compilation is needed.
    /// </summary>
    public static ProjectSources Load(IEnumerable<string> files, IEnumerable<string> references, IEnumerable<string>? preprocessorSymbols = null)
    {
        var texts = new List<(string Path, string Text)>();
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            try
            {
                texts.Add((Path.GetFullPath(file), File.ReadAllText(file)));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
            {
            }
        }

        var paths = references.Distinct(StringComparer.Ordinal).ToArray();
        return FromSelected(texts, preprocessorSymbols, () => paths
            .Where(File.Exists)
            .Select(reference => (MetadataReference)MetadataReference.CreateFromFile(reference))
            .ToArray());
    }

    /// <summary>Sources given as text (tests, benchmarks), named by <c>Path</c>.</summary>
    public static ProjectSources FromText(IEnumerable<(string Path, string Text)> sources, IEnumerable<string> references, IEnumerable<string>? preprocessorSymbols = null)
    {
        var paths = references.ToArray();
        return FromSelected(sources.ToArray(), preprocessorSymbols, () => paths.Select(reference => (MetadataReference)MetadataReference.CreateFromFile(reference)).ToArray());
    }

    /// <summary>Sources given as text, against references already loaded (tests share them between cases).</summary>
    internal static ProjectSources FromText(IEnumerable<(string Path, string Text)> sources, IReadOnlyList<MetadataReference> references, IEnumerable<string>? preprocessorSymbols = null) =>
        FromSelected(sources.ToArray(), preprocessorSymbols, () => references);

    private static ProjectSources FromSelected(IReadOnlyList<(string Path, string Text)> texts, IEnumerable<string>? preprocessorSymbols, Func<IReadOnlyList<MetadataReference>> references)
    {
        var options = ParseOptions(preprocessorSymbols);
        var (parsed, skipped) = SourceFilter.Select(texts, batch => Parse(batch, options));
        return new ProjectSources(parsed, references, () => Parse(skipped, options));
    }

    private static SyntaxTree Parse((string Path, string Text) source, CSharpParseOptions options) =>
        CSharpSyntaxTree.ParseText(source.Text, options, source.Path);

    /// <summary>Parses several files at once: the first lint in a process spends most of its time here, in Roslyn's JIT.</summary>
    internal static IReadOnlyList<SyntaxTree> Parse(IReadOnlyList<(string Path, string Text)> sources, CSharpParseOptions options)
    {
        var trees = new SyntaxTree[sources.Count];
        if (sources.Count < ParallelFrom)
        {
            for (var index = 0; index < sources.Count; index++)
            {
                trees[index] = Parse(sources[index], options);
            }
        }
        else
        {
            Parallel.For(0, sources.Count, index => trees[index] = Parse(sources[index], options));
        }

        return trees;
    }

    /// <summary>Below this many files, starting threads costs more than parsing on one.</summary>
    private const int ParallelFrom = 8;

    /// <summary>
    /// The assemblies of the shared frameworks this process runs on (Microsoft.NETCore.App and, beside it,
    /// Microsoft.AspNetCore.App of the same version): what a web project references when its own list is not known.
    /// </summary>
    public static IReadOnlyList<string> RunningFrameworkAssemblies()
    {
        var core = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (string.IsNullOrEmpty(core) || !Directory.Exists(core))
        {
            return [];
        }

        var folders = new List<string> { core };
        var version = Path.GetFileName(core);
        var aspNetCore = Path.GetFullPath(Path.Combine(core, "..", "..", "Microsoft.AspNetCore.App", version));
        if (Directory.Exists(aspNetCore))
        {
            folders.Add(aspNetCore);
        }

        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll"))
            .Where(IsManagedAssembly)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    internal SemanticModel Model(SyntaxTree tree) => _models.GetOrAdd(tree, key => _compilation.Value.GetSemanticModel(key, ignoreAccessibility: true));

    internal SemanticModel Model(SyntaxNode node) => Model(node.SyntaxTree);

    /// <summary>Every invocation of a method called <paramref name="name"/> in the project.</summary>
    internal IEnumerable<InvocationExpressionSyntax> InvocationsOf(string name) => _invocationsByName.Value[name];

    /// <summary>Whether the compilation (references loaded, names bound) has been needed.</summary>
    internal bool Compiled => _compilation.IsValueCreated;

    /// <summary>The methods and local functions of the project called <paramref name="name"/>.</summary>
    internal IEnumerable<SyntaxNode> MethodsNamed(string name) => _methodsByName.Value[name];

    /// <summary>The <c>const</c> fields of the project called <paramref name="name"/>.</summary>
    internal IEnumerable<VariableDeclaratorSyntax> ConstantsNamed(string name) => _constantsByName.Value[name];

    /// <summary>Whether the project declares a type called <paramref name="name"/> (its own <c>StatusCodes</c>, say).</summary>
    internal bool DeclaresType(string name) => _typeNames.Value.Contains(name);

    /// <summary>Whether the project declares a field or property called <paramref name="name"/>.</summary>
    internal bool DeclaresMember(string name) => _memberNames.Value.Contains(name);

    /// <summary>Whether <paramref name="tree"/> is one of this project's files (a symbol's source may be elsewhere).</summary>
    internal bool Contains(SyntaxTree tree) => _treeSet.Value.Contains(tree);

    internal static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    private static CSharpParseOptions ParseOptions(IEnumerable<string>? preprocessorSymbols) =>
        new(LanguageVersion.Preview, DocumentationMode.None, SourceCodeKind.Regular, preprocessorSymbols?.Where(symbol => symbol.Length > 0).ToArray());

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return false;
        }
    }
}
