using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.Cli.Input;

/// <summary>The documents a command line names, and the arguments that named nothing lintable.</summary>
/// <param name="Files">Full paths, each once, sorted.</param>
/// <param name="Problems">One failed result per glob that matched no document or folder that holds none.</param>
internal sealed record InputSet(IReadOnlyList<string> Files, IReadOnlyList<LintResult> Problems);

/// <summary>
/// Turns <c>lint</c>'s arguments into documents. A file named explicitly is always linted (a wrong one gets a clear
/// error); files found by a folder scan or a glob are kept only when they are OpenAPI documents, so a folder's
/// package.json or CI workflow is skipped rather than reported.
/// </summary>
internal static class InputExpander
{
    /// <summary>Folders no scan enters: build output, dependencies, version control.</summary>
    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git" };

    /// <summary>Extensions a folder scan considers.</summary>
    public static readonly IReadOnlySet<string> DocumentExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".json", ".yaml", ".yml" };

    public static InputSet Expand(IEnumerable<string> arguments, string workingDirectory)
    {
        var files = new List<string>();
        var problems = new List<LintResult>();
        foreach (var argument in arguments)
        {
            var full = Path.GetFullPath(argument, workingDirectory);
            if (Directory.Exists(full))
            {
                var found = ScanFolder(full).Where(OpenApiSniffer.IsOpenApi).ToList();
                if (found.Count == 0)
                {
                    problems.Add(Problem(full, "no OpenAPI document (JSON or YAML) in this folder"));
                }

                files.AddRange(found);
            }
            else if (!File.Exists(full) && Glob.IsPattern(argument))
            {
                var matches = Glob.Expand(argument, workingDirectory).ToList();
                var found = matches.Where(OpenApiSniffer.IsOpenApi).ToList();
                if (found.Count == 0)
                {
                    problems.Add(Problem(argument, matches.Count == 0 ? "no file matches this pattern" : "no OpenAPI document matches this pattern"));
                }

                files.AddRange(found);
            }
            else
            {
                // Named explicitly: linted whatever it is; a missing file is reported by the loader like any bad input.
                files.Add(full);
            }
        }

        var distinct = files.Distinct(PathComparer).Order(StringComparer.Ordinal).ToArray();
        return new InputSet(distinct, problems);
    }

    /// <summary>Every JSON or YAML file below <paramref name="folder"/>, outside skipped, hidden and linked folders.</summary>
    public static IEnumerable<string> ScanFolder(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(current, "*", FileOptions))
            {
                if (DocumentExtensions.Contains(Path.GetExtension(file)))
                {
                    yield return file;
                }
            }

            foreach (var child in Directory.EnumerateDirectories(current, "*", FolderOptions))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    internal static readonly EnumerationOptions FileOptions = new()
    {
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    /// <summary>Linked folders are not followed: a link back up the tree would scan forever.</summary>
    internal static readonly EnumerationOptions FolderOptions = new()
    {
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    internal static StringComparer PathComparer => FilePaths.Comparer;

    private static LintResult Problem(string argument, string message) =>
        new(argument, null, null, [], [new LoadError(argument, 0, 0, message)]);
}
