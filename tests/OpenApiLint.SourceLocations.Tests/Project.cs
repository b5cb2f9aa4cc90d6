using Microsoft.CodeAnalysis;

namespace OpenApiLint.SourceLocations.Tests;

/// <summary>
/// A small C# project in memory, compiled against the shared frameworks this test runs on (as a web project
/// references them), with helpers that say where a snippet of its text is, as <c>File.cs(line,col)</c>.
/// </summary>
internal sealed class Project
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
        ProjectSources.RunningFrameworkAssemblies().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray());

    /// <summary>The implicit usings of a project on Microsoft.NET.Sdk.Web, as the SDK writes them.</summary>
    private const string WebGlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private readonly (string Path, string Text)[] _files;

    private Project((string Path, string Text)[] files, bool withReferences, string[]? symbols)
    {
        _files = files;
        var compiled = files.Append(("GlobalUsings.g.cs", WebGlobalUsings)).ToArray();
        Sources = ProjectSources.FromText(compiled, withReferences ? FrameworkReferences.Value : [], symbols);
        Locator = SourceLocator.Create(Sources);
    }

    public SourceLocator Locator { get; }

    public ProjectSources Sources { get; }

    public static Project Of(params (string Path, string Text)[] files) => new(files, true, null);

    public static Project Single(string program) => Of(("Program.cs", program));

    public static Project WithoutReferences(params (string Path, string Text)[] files) => new(files, false, null);

    public static Project WithSymbols(string[] symbols, params (string Path, string Text)[] files) => new(files, true, symbols);

    /// <summary>Where the locator puts the operation (no code) or one of its responses; <c>null</c> when not located.</summary>
    public string? Locate(string method, string path, string? code = null) =>
        Locator.Locate(method, path, code) is { } location ? $"{location.File}({location.Line},{location.Column})" : null;

    /// <summary>
    /// Where <paramref name="snippet"/> starts (its <paramref name="occurrence"/>-th appearance in the project),
    /// plus <paramref name="offset"/> characters: <c>Program.cs(4,5)</c>.
    /// </summary>
    public string At(string snippet, int occurrence = 1, int offset = 0)
    {
        var seen = 0;
        foreach (var (path, text) in _files)
        {
            var index = -1;
            while ((index = text.IndexOf(snippet, index + 1, StringComparison.Ordinal)) >= 0)
            {
                if (++seen == occurrence)
                {
                    var position = index + offset;
                    var line = text.AsSpan(0, position).Count('\n') + 1;
                    var lineStart = position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
                    var column = position - lineStart + 1;
                    return $"{path}({line},{column})";
                }
            }
        }

        throw new ArgumentException($"'{snippet}' (occurrence {occurrence}) is not in the project");
    }
}
