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

    private ProjectSources(IReadOnlyList<FileDeclarations> files, Func<IReadOnlyList<MetadataReference>> references, Func<IReadOnlyList<SyntaxTree>>? others = null)
    {
        var trees = new SyntaxTree[files.Count];
        for (var index = 0; index < trees.Length; index++)
        {
            trees[index] = files[index].Tree;
        }

        Trees = trees;
        Declarations = files;
        _treeSet = new Lazy<HashSet<SyntaxTree>>(() => trees.ToHashSet());
        // Loading the references and binding cost far more than parsing: done only when a name cannot be resolved from
        // the syntax alone (see Resolve).
        // The compilation sees the whole project, the files the text filter left out too, so names bind as they do in the build.
        _compilation = new Lazy<CSharpCompilation>(() => CSharpCompilation.Create(
            "OpenApiLint.SourceLocations",
            others is null ? trees : trees.Concat(others()),
            references(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)));
        // Each index merges what the walk of each file collected (FileDeclarations), in file order.
        _invocationsByName = new Lazy<ILookup<string, InvocationExpressionSyntax>>(() => files
            .SelectMany(file => file.Invocations)
            .ToLookup(invocation => InvokedName(invocation)!, StringComparer.Ordinal));
        _methodsByName = new Lazy<ILookup<string, SyntaxNode>>(() => files
            .SelectMany(file => file.Methods)
            .ToLookup(node => node is MethodDeclarationSyntax method ? method.Identifier.ValueText : ((LocalFunctionStatementSyntax)node).Identifier.ValueText, StringComparer.Ordinal));
        _constantsByName = new Lazy<ILookup<string, VariableDeclaratorSyntax>>(() => files
            .SelectMany(file => file.Fields)
            .Where(field => field.Modifiers.Any(SyntaxKind.ConstKeyword))
            .SelectMany(field => field.Declaration.Variables)
            .ToLookup(variable => variable.Identifier.ValueText, StringComparer.Ordinal));
        _typeNames = new Lazy<HashSet<string>>(() => files
            .SelectMany(file => file.Types)
            .Select(type => type.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal));
        _memberNames = new Lazy<HashSet<string>>(() => files
            .SelectMany(file => file.Fields.SelectMany(field => field.Declaration.Variables).Select(variable => variable.Identifier.ValueText)
                .Concat(file.Properties.Select(property => property.Identifier.ValueText)))
            .ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The parsed files.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>What each parsed file declares and invokes, in the order of <see cref="Trees"/>.</summary>
    internal IReadOnlyList<FileDeclarations> Declarations { get; }

    /// <summary>
    /// Parses <paramref name="files"/> (unreadable ones are left out: the compiler reports those) with the project's
    /// <paramref name="preprocessorSymbols"/>; <paramref name="references"/> are the assemblies the project compiles
    /// against (<c>@(ReferencePath)</c>), loaded only if a name has to be resolved. Only the files that can declare
    /// endpoints are parsed up front (see <see cref="SourceFilter"/>); the others only if a compilation is needed.
    /// </summary>
    public static ProjectSources Load(IEnumerable<string> files, IEnumerable<string> references, IEnumerable<string>? preprocessorSymbols = null)
    {
        var texts = new List<SourceText>();
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            try
            {
                texts.Add(new SourceText(Path.GetFullPath(file), File.ReadAllText(file)));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
            {
            }
        }

        // Enumerated only with the compilation: listing a shared framework (RunningFrameworkAssemblies) opens every file in it.
        return FromSelected(texts, preprocessorSymbols, () => references
            .Distinct(StringComparer.Ordinal)
            .Where(File.Exists)
            .Select(reference => (MetadataReference)MetadataReference.CreateFromFile(reference))
            .ToArray());
    }

    /// <summary>Sources given as text (tests, benchmarks), named by <c>Path</c>.</summary>
    public static ProjectSources FromText(IEnumerable<(string Path, string Text)> sources, IEnumerable<string> references, IEnumerable<string>? preprocessorSymbols = null)
    {
        var paths = references.ToArray();
        return FromSelected(Texts(sources), preprocessorSymbols, () => paths.Select(reference => (MetadataReference)MetadataReference.CreateFromFile(reference)).ToArray());
    }

    /// <summary>Sources given as text, against references already loaded (tests share them between cases).</summary>
    internal static ProjectSources FromText(IEnumerable<(string Path, string Text)> sources, IReadOnlyList<MetadataReference> references, IEnumerable<string>? preprocessorSymbols = null) =>
        FromSelected(Texts(sources), preprocessorSymbols, () => references);

    private static SourceText[] Texts(IEnumerable<(string Path, string Text)> sources)
    {
        var texts = new List<SourceText>();
        foreach (var (path, text) in sources)
        {
            texts.Add(new SourceText(path, text));
        }

        return texts.ToArray();
    }

    private static ProjectSources FromSelected(IReadOnlyList<SourceText> texts, IEnumerable<string>? preprocessorSymbols, Func<IReadOnlyList<MetadataReference>> references)
    {
        var options = ParseOptions(preprocessorSymbols);
        var (parsed, skipped) = SourceFilter.Select(texts, batch => Parse(batch, source => FileDeclarations.Of(Parse(source, options))));
        return new ProjectSources(parsed, references, () => Parse(skipped, source => Parse(source, options)));
    }

    private static SyntaxTree Parse(SourceText source, CSharpParseOptions options) =>
        CSharpSyntaxTree.ParseText(source.Text, options, source.Path);

    /// <summary>
    /// Parses several files at once (<paramref name="parse"/> each), on as many threads as there are cores: the first
    /// lint in a process spends most of its time here. Plain tasks taking the next file in turn rather than
    /// <c>Parallel.For</c>, whose generic worker over <c>int</c> is JIT-compiled in every fresh process.
    /// </summary>
    private static IReadOnlyList<T> Parse<T>(IReadOnlyList<SourceText> sources, Func<SourceText, T> parse)
        where T : class
    {
        var parsed = new T[sources.Count];
        var next = -1;
        void ParseRemaining()
        {
            for (var index = Interlocked.Increment(ref next); index < sources.Count; index = Interlocked.Increment(ref next))
            {
                parsed[index] = parse(sources[index]);
            }
        }

        var helpers = Math.Min(Environment.ProcessorCount, sources.Count / ParallelFrom) - 1;
        var started = new Task[Math.Max(0, helpers)];
        for (var helper = 0; helper < started.Length; helper++)
        {
            started[helper] = Task.Run(ParseRemaining);
        }

        ParseRemaining();
        Task.WaitAll(started);
        return parsed;
    }

    /// <summary>How many files a thread must have to parse for starting it to pay.</summary>
    private const int ParallelFrom = 4;

    /// <summary>
    /// The assemblies of the shared frameworks this process runs on (Microsoft.NETCore.App and, beside it,
    /// Microsoft.AspNetCore.App of the same version): what a web project references when its own list is not known.
    /// A native (AOT) tool runs on no shared framework: it takes the installed .NET of its own major version instead.
    /// </summary>
    public static IReadOnlyList<string> RunningFrameworkAssemblies()
    {
        var core = RunningFrameworkFolder();
        if (core is null)
        {
            return [];
        }

        var folders = new List<string> { core };
        var aspNetCore = SiblingFramework(core, "Microsoft.AspNetCore.App");
        if (aspNetCore is not null)
        {
            folders.Add(aspNetCore);
        }

        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll"))
            .Where(IsManagedAssembly)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The Microsoft.NETCore.App folder of the running runtime, else of an installed .NET of the same major version.</summary>
    internal static string? RunningFrameworkFolder()
    {
        // A framework-dependent process runs from the shared framework's folder; a native one reports its own folder,
        // which holds no framework assemblies.
        var own = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        if (!string.IsNullOrEmpty(own) && File.Exists(Path.Combine(own, "System.Runtime.dll")))
        {
            return Path.TrimEndingDirectorySeparator(own);
        }

        return DotnetRoots()
            .Select(root => NewestOfMajor(Path.Combine(root, "shared", "Microsoft.NETCore.App"), Environment.Version.Major))
            .FirstOrDefault(folder => folder is not null && File.Exists(Path.Combine(folder, "System.Runtime.dll")));
    }

    /// <summary>Another shared framework beside <paramref name="coreFolder"/>: the same version if installed, else the newest of that major.</summary>
    private static string? SiblingFramework(string coreFolder, string name)
    {
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(coreFolder));
        if (shared is null)
        {
            return null;
        }

        var same = Path.Combine(shared, name, Path.GetFileName(coreFolder));
        if (Directory.Exists(same))
        {
            return same;
        }

        return Version.TryParse(ReleasePart(Path.GetFileName(coreFolder)), out var version)
            ? NewestOfMajor(Path.Combine(shared, name), version.Major)
            : null;
    }

    private static string? NewestOfMajor(string frameworkFolder, int major)
    {
        if (!Directory.Exists(frameworkFolder))
        {
            return null;
        }

        return Directory.EnumerateDirectories(frameworkFolder)
            .Select(folder => (Folder: folder, Version: Version.TryParse(ReleasePart(Path.GetFileName(folder)), out var version) ? version : null))
            .Where(candidate => candidate.Version?.Major == major)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Folder)
            .FirstOrDefault();
    }

    // "10.0.0-rc.2.25502.107" -> "10.0.0"
    private static string ReleasePart(string version) => version.Split('-', 2)[0];

    /// <summary>Where .NET is installed: DOTNET_ROOT, the folder of the <c>dotnet</c> on PATH, then the usual places.</summary>
    private static IEnumerable<string> DotnetRoots()
    {
        foreach (var variable in new[] { $"DOTNET_ROOT_{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToUpperInvariant()}", "DOTNET_ROOT" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } root)
            {
                yield return root;
            }
        }

        var host = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, host);
            if (File.Exists(candidate))
            {
                // /usr/bin/dotnet is usually a link into the installation.
                var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
                yield return Path.GetDirectoryName(Path.GetFullPath(target))!;
            }
        }

        if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "dotnet");
        }
        else
        {
            yield return "/usr/share/dotnet";
            yield return "/usr/lib/dotnet";
            yield return "/usr/local/share/dotnet";
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet");
        }
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
