using System.Text.Json;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Baselines;

/// <summary>
/// Reads a baseline file strictly: anything that is not the format (malformed or truncated JSON, a ruleset or other
/// foreign JSON, an entry with a missing or mistyped member) is one <see cref="LoadError"/> at the offending line and
/// column, so a broken baseline never silently matches nothing (or everything).
/// </summary>
internal static class BaselineReader
{
    private static readonly HashSet<string> EntryMembers = new(StringComparer.Ordinal) { "document", "rule", "method", "path", "status", "subject", "count" };

    public static BaselineLoadResult Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return Fail(path, 0, 0, "baseline file not found");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(path, 0, 0, $"cannot read the baseline file: {error.Message}");
        }

        return Parse(path, bytes);
    }

    public static BaselineLoadResult Parse(string path, byte[] bytes)
    {
        ParsedFile parsed;
        try
        {
            parsed = SyntaxReader.Read(path, bytes, DocumentFormat.Json);
        }
        catch (SyntaxException error)
        {
            return Fail(path, error.Line, error.Column, error.Message.StartsWith("the file", StringComparison.Ordinal) ? $"not a baseline: {error.Message}" : error.Message);
        }

        using (parsed)
        {
            var problem = new Problem(path, bytes);
            var root = parsed.Root;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return problem.At("", "not a baseline: expected a JSON object with \"version\" and \"findings\"");
            }

            if (!root.TryGetProperty("findings", out var findings) || !root.TryGetProperty("version", out var version))
            {
                return problem.At("", "not a baseline: expected a JSON object with \"version\" and \"findings\" (write one with --write-baseline)");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != Baseline.FormatVersion)
            {
                return problem.At("/version", $"unsupported baseline version {version.GetRawText()}; this tool reads version {Baseline.FormatVersion}");
            }

            foreach (var member in root.EnumerateObject())
            {
                if (member.Name is not ("$schema" or "version" or "findings"))
                {
                    return problem.At("/" + JsonPointer.Escape(member.Name), $"unknown member '{member.Name}' in a baseline");
                }
            }

            if (findings.ValueKind != JsonValueKind.Array)
            {
                return problem.At("/findings", "\"findings\" must be an array");
            }

            var entries = new List<BaselineEntry>();
            var index = 0;
            foreach (var item in findings.EnumerateArray())
            {
                var pointer = $"/findings/{index++}";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return problem.At(pointer, "a baseline entry must be an object");
                }

                string? Text(string name, bool required, out BaselineLoadResult? error)
                {
                    error = null;
                    if (!item.TryGetProperty(name, out var value))
                    {
                        if (required)
                        {
                            error = problem.At(pointer, $"a baseline entry needs \"{name}\"");
                        }

                        return null;
                    }

                    if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
                    {
                        error = problem.At($"{pointer}/{name}", $"\"{name}\" must be a non-empty string");
                        return null;
                    }

                    return text;
                }

                foreach (var member in item.EnumerateObject())
                {
                    if (!EntryMembers.Contains(member.Name))
                    {
                        return problem.At($"{pointer}/{JsonPointer.Escape(member.Name)}", $"unknown member '{member.Name}' in a baseline entry");
                    }
                }

                var document = Text("document", true, out var failure) ?? null;
                if (failure is not null) return failure;
                var rule = Text("rule", true, out failure);
                if (failure is not null) return failure;
                var method = Text("method", false, out failure);
                if (failure is not null) return failure;
                var path1 = Text("path", false, out failure);
                if (failure is not null) return failure;
                var status = Text("status", false, out failure);
                if (failure is not null) return failure;
                var subject = Text("subject", false, out failure);
                if (failure is not null) return failure;

                var count = 1;
                if (item.TryGetProperty("count", out var countValue) && (countValue.ValueKind != JsonValueKind.Number || !countValue.TryGetInt32(out count) || count < 1))
                {
                    return problem.At($"{pointer}/count", "\"count\" must be a whole number of at least 1");
                }

                entries.Add(new BaselineEntry(document!, new Fingerprint(rule!, method?.ToLowerInvariant(), path1, status, subject), count));
            }

            return new BaselineLoadResult(new Baseline(path, entries), null);
        }
    }

    private static BaselineLoadResult Fail(string path, int line, int column, string message) =>
        new(null, new LoadError(path, line, column, message) { Code = LoadErrorCodes.BaselineNotLoaded });

    /// <summary>Turns a pointer into the file into the line and column of the node at fault.</summary>
    private sealed class Problem(string path, byte[] bytes)
    {
        public BaselineLoadResult At(string pointer, string message)
        {
            var span = SourceMaps.ForJson(bytes).Resolve([pointer]).GetValueOrDefault(pointer, SourceSpan.Start);
            return Fail(path, span.Line, span.Column, message);
        }
    }
}
