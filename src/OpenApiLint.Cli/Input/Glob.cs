using System.Text.RegularExpressions;
using OpenApiLint.Core.Files;

namespace OpenApiLint.Cli.Input;

/// <summary>
/// File globs as shells and linters write them: <c>*</c> and <c>?</c> within one path segment, <c>**</c> across any
/// number of folders. Expanded by the tool itself, so quoted patterns work the same on every shell and on Windows.
/// </summary>
internal static class Glob
{
    public static bool IsPattern(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Files matching <paramref name="pattern"/>, relative patterns anchored at <paramref name="workingDirectory"/>.</summary>
    public static IEnumerable<string> Expand(string pattern, string workingDirectory)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && !IsPattern(segments[fixedCount]))
        {
            fixedCount++;
        }

        var root = string.Join('/', segments[..fixedCount]);
        if (normalized.StartsWith('/'))
        {
            root = "/" + root;
        }
        else if (segments.Length > 0 && segments[0].EndsWith(':'))
        {
            root += "/"; // C:/specs/*.yaml
        }

        var folder = Path.GetFullPath(root.Length == 0 ? "." : root, workingDirectory);
        return Directory.Exists(folder) ? Match(folder, segments[fixedCount..]).Distinct() : [];
    }

    private static IEnumerable<string> Match(string folder, string[] rest)
    {
        if (rest.Length == 0)
        {
            yield break;
        }

        if (rest[0] == "**")
        {
            var tail = rest[1..];
            if (tail.Length == 0)
            {
                foreach (var file in InputExpander.ScanFolder(folder))
                {
                    yield return file;
                }

                yield break;
            }

            foreach (var match in Match(folder, tail))
            {
                yield return match;
            }

            foreach (var child in Folders(folder).Where(child => !InputExpander.SkippedFolders.Contains(Path.GetFileName(child))))
            {
                foreach (var match in Match(child, rest))
                {
                    yield return match;
                }
            }

            yield break;
        }

        var segment = SegmentRegex(rest[0]);
        if (rest.Length == 1)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", InputExpander.FileOptions).Where(file => segment.IsMatch(Path.GetFileName(file))))
            {
                yield return file;
            }

            yield break;
        }

        foreach (var child in Folders(folder).Where(child => segment.IsMatch(Path.GetFileName(child))))
        {
            foreach (var match in Match(child, rest[1..]))
            {
                yield return match;
            }
        }
    }

    private static IEnumerable<string> Folders(string folder) => Directory.EnumerateDirectories(folder, "*", InputExpander.FolderOptions);

    private static Regex SegmentRegex(string segment)
    {
        var expression = "^" + Regex.Escape(segment).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$";
        var options = RegexOptions.CultureInvariant | (FilePaths.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new Regex(expression, options);
    }
}
