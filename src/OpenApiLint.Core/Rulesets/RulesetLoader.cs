using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rulesets;

/// <summary>
/// Loads rulesets: built-in names and files, checked against the ruleset schema, with <c>extends</c> resolved and
/// merged. A broken ruleset comes back as errors with file, line and column, never as an exception.
/// </summary>
public static class RulesetLoader
{
    /// <summary>The team file found by walking up from a document's folder.</summary>
    public const string TeamFileName = ".openapi-lint.json";

    /// <summary>
    /// Loads a built-in by name or a ruleset file by path (relative to <paramref name="baseDirectory"/>, default the
    /// current folder).
    /// </summary>
    /// <param name="nameOrPath">A built-in's name or a ruleset file's path.</param>
    /// <param name="baseDirectory">What a relative path is relative to; default the current folder.</param>
    /// <param name="ruleIds">
    /// The rule ids a <c>rules</c> entry may name (the rules the linter runs: <c>RulesetResolver</c> passes them);
    /// <c>null</c>: any well-formed id, as this layer does not know the rules.
    /// </param>
    public static RulesetLoadResult Load(string nameOrPath, string? baseDirectory = null, IReadOnlySet<string>? ruleIds = null)
    {
        if (IsName(nameOrPath, baseDirectory))
        {
            return BuiltInRulesets.Exists(nameOrPath)
                ? LoadBuiltIn(nameOrPath, ruleIds)
                : Failure(nameOrPath, $"unknown ruleset '{nameOrPath}': not a file, and not a built-in ({string.Join(", ", BuiltInRulesets.Names)})");
        }

        return LoadFile(Path.GetFullPath(nameOrPath, baseDirectory ?? Directory.GetCurrentDirectory()), ruleIds);
    }

    /// <summary>Loads a built-in ruleset.</summary>
    public static RulesetLoadResult LoadBuiltIn(string name, IReadOnlySet<string>? ruleIds = null) =>
        Resolve(new Origin(name, IsBuiltIn: true), [], ruleIds);

    /// <summary>Loads a ruleset file.</summary>
    public static RulesetLoadResult LoadFile(string path, IReadOnlySet<string>? ruleIds = null) =>
        Resolve(new Origin(path, IsBuiltIn: false), [], ruleIds);

    /// <summary>Loads a ruleset from text; <paramref name="path"/> names it in errors and anchors relative <c>extends</c>.</summary>
    public static RulesetLoadResult LoadText(string json, string path, IReadOnlySet<string>? ruleIds = null) =>
        Resolve(new Origin(path, IsBuiltIn: false, Text: json), [], ruleIds);

    /// <summary>The nearest <c>.openapi-lint.json</c> in <paramref name="startDirectory"/> or above, as .editorconfig is found.</summary>
    public static string? FindTeamFile(string startDirectory)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, TeamFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="nameOrPath"/> names a ruleset (a built-in, or an unknown name to report) rather than a
    /// file: no slash, no <c>.json</c>, and no such file in <paramref name="baseDirectory"/> (default the current folder).
    /// </summary>
    public static bool IsName(string nameOrPath, string? baseDirectory = null) =>
        !nameOrPath.Contains('/', StringComparison.Ordinal) && !nameOrPath.Contains('\\', StringComparison.Ordinal)
        && !nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && !File.Exists(Path.GetFullPath(nameOrPath, baseDirectory ?? Directory.GetCurrentDirectory()));

    private sealed record Origin(string Id, bool IsBuiltIn, string? Text = null)
    {
        public string DisplayName => IsBuiltIn ? $"built-in ruleset '{Id}'" : Id;
    }

    /// <summary>
    /// One file of a ruleset and its patch. A record class, not a value tuple: LINQ over value tuples is generic code
    /// never precompiled, and was JIT-compiled in every fresh MSBuild node.
    /// </summary>
    private sealed record Layer(Origin Origin, RulesetPatch Patch);

    private static RulesetLoadResult Resolve(Origin origin, IReadOnlyList<string> chain, IReadOnlySet<string>? ruleIds)
    {
        var layers = new List<Layer>();
        var errors = CollectLayers(origin, chain, layers, ruleIds);
        if (errors.Count > 0)
        {
            return new RulesetLoadResult(null, [.. errors.Select(error => error with { Code = LoadErrorCodes.RulesetNotLoaded })]);
        }

        // Patches apply in order, parents first: a property a file sets replaces the inherited one, one it leaves out is kept.
        var ruleset = Ruleset.Empty;
        foreach (var (layerOrigin, patch) in layers)
        {
            var name = patch.Name ?? (layerOrigin.IsBuiltIn ? layerOrigin.Id : NameFromFile(layerOrigin.Id));
            ruleset = ruleset.Apply(patch with { Name = name });
        }

        var extends = layers.Take(layers.Count - 1).Select(layer => layer.Origin.Id).Distinct(StringComparer.Ordinal).ToArray();
        return new RulesetLoadResult(ruleset.WithOrigin(origin.IsBuiltIn ? null : origin.Id, extends), []);
    }

    /// <summary>Reads <paramref name="origin"/> and, depth first, everything it extends into <paramref name="layers"/>.</summary>
    private static IReadOnlyList<LoadError> CollectLayers(Origin origin, IReadOnlyList<string> chain, List<Layer> layers, IReadOnlySet<string>? ruleIds)
    {
        if (chain.Contains(origin.Id, StringComparer.Ordinal))
        {
            return [new LoadError(chain[^1], 0, 0, $"'extends' forms a cycle: {string.Join(" -> ", chain.Append(origin.Id))}")];
        }

        string text;
        if (origin.Text is not null)
        {
            text = origin.Text;
        }
        else if (origin.IsBuiltIn)
        {
            text = BuiltInRulesets.GetText(origin.Id);
        }
        else
        {
            try
            {
                if (!File.Exists(origin.Id))
                {
                    return [new LoadError(chain.Count > 0 ? chain[^1] : origin.Id, 0, 0, chain.Count > 0 ? $"'extends' names '{origin.Id}': ruleset file not found" : "ruleset file not found")];
                }

                text = File.ReadAllText(origin.Id);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return [new LoadError(origin.Id, 0, 0, $"cannot read the ruleset: {error.Message}")];
            }
        }

        var (patch, errors) = Parse(text, origin, ruleIds);
        if (patch is null)
        {
            return errors;
        }

        var baseDirectory = origin.IsBuiltIn ? null : Path.GetDirectoryName(Path.GetFullPath(origin.Id));
        foreach (var parent in patch.Extends)
        {
            Origin parentOrigin;
            if (IsName(parent, baseDirectory))
            {
                if (!BuiltInRulesets.Exists(parent))
                {
                    return [new LoadError(origin.DisplayName, 0, 0, $"'extends' names '{parent}', which is neither a file nor a built-in ({string.Join(", ", BuiltInRulesets.Names)})")];
                }

                parentOrigin = new Origin(parent, IsBuiltIn: true);
            }
            else if (baseDirectory is null)
            {
                return [new LoadError(origin.DisplayName, 0, 0, $"a built-in ruleset cannot extend the file '{parent}'")];
            }
            else
            {
                parentOrigin = new Origin(Path.GetFullPath(parent, baseDirectory), IsBuiltIn: false);
            }

            var parentErrors = CollectLayers(parentOrigin, [.. chain, origin.Id], layers, ruleIds);
            if (parentErrors.Count > 0)
            {
                return parentErrors;
            }
        }

        layers.Add(new Layer(origin, patch));
        return [];
    }

    private static string NameFromFile(string path)
    {
        var fileName = Path.GetFileName(path);
        return fileName == TeamFileName ? TeamFileName : Path.GetFileNameWithoutExtension(fileName);
    }

    private static (RulesetPatch? Patch, IReadOnlyList<LoadError> Errors) Parse(string text, Origin origin, IReadOnlySet<string>? ruleIds)
    {
        var file = origin.DisplayName;
        ParsedFile parsed;
        try
        {
            // The document loader's reader: one JSON stack, the same limits, wording and positions for syntax errors.
            parsed = SyntaxReader.Read(file, System.Text.Encoding.UTF8.GetBytes(text), DocumentFormat.Json);
        }
        catch (SyntaxException error)
        {
            return (null, [new LoadError(file, error.Line, error.Column, error.Message)]);
        }

        using (parsed)
        {
            // Every file is checked, every time; the built-ins are not, their validity is a test.
            if (!origin.IsBuiltIn && RulesetSchema.Validate(parsed.Root, text, file) is { Count: > 0 } schemaErrors)
            {
                return (null, schemaErrors);
            }

            try
            {
                return (Positioned(RulesetBinder.Bind(parsed.Root, ruleIds), text, origin), []);
            }
            catch (RulesetFormatException error)
            {
                var span = RulesetPositions.Resolve(text, [error.Pointer])[error.Pointer];
                return (null, [new LoadError(file, span.Line, span.Column, error.Message)]);
            }
        }
    }

    /// <summary>
    /// Gives a file's overrides their line and column in it, so an override that matches nothing can be reported
    /// where it is written. Built-in overrides get none: the team cannot edit them.
    /// </summary>
    private static RulesetPatch Positioned(RulesetPatch patch, string text, Origin origin)
    {
        if (patch.Overrides.Count == 0)
        {
            return patch;
        }

        if (origin.IsBuiltIn)
        {
            return patch with { Overrides = patch.Overrides.Select(item => item with { Source = null }).ToArray() };
        }

        var spans = RulesetPositions.Resolve(text, patch.Overrides.Select(item => item.Source!.Pointer));
        return patch with
        {
            Overrides = patch.Overrides.Select(item =>
            {
                var pointer = item.Source!.Pointer;
                var span = spans.GetValueOrDefault(pointer);
                return item with { Source = new SourceLocation(origin.Id, pointer, span.Line, span.Column, span.EndLine, span.EndColumn) };
            }).ToArray(),
        };
    }

    private static RulesetLoadResult Failure(string file, string message) => new(null, [new LoadError(file, 0, 0, message) { Code = LoadErrorCodes.RulesetNotLoaded }]);
}
