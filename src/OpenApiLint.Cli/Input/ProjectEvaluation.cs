using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Cli.Input;

/// <summary>
/// A C# project as its build sees it, asked of MSBuild itself (<c>dotnet msbuild -getItem</c>) rather than guessed: the
/// <c>Compile</c> items (excluded files left out, linked files and generated global usings in), the assemblies it
/// compiles against (<c>ReferencePath</c>) and its <c>DefineConstants</c>, so <c>#if</c> branches are the built ones.
/// </summary>
internal sealed partial record ProjectEvaluation(IReadOnlyList<string> CompileFiles, IReadOnlyList<string> References, IReadOnlyList<string> DefineConstants)
{
    /// <summary>How long evaluating (and restoring) the project may take before it counts as failed.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Restores <paramref name="projectFile"/> if needed and runs the targets that resolve its references and write its
    /// generated global usings (what a design-time build runs), then reads the items. A project MSBuild cannot load or
    /// build that far is bad input: one <c>OAL9007</c> error naming the project (and MSBuild's own error).
    /// </summary>
    public static ProjectEvaluation Evaluate(string projectFile)
    {
        Output output;
        try
        {
            output = Run(projectFile, null, withTargets: true);
        }
        catch (InputException error) when (error.Errors[0].Message.Contains("MSB4057", StringComparison.Ordinal))
        {
            // A multi-targeted project's outer build has no build targets and no Compile items of its own: read its
            // first framework's, as the IDE shows it.
            var frameworks = Run(projectFile, null, withTargets: false).Property("TargetFrameworks")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (frameworks.Length == 0)
            {
                throw;
            }

            output = Run(projectFile, frameworks[0], withTargets: true);
        }

        return new ProjectEvaluation(
            output.Items("Compile").Where(path => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToArray(),
            output.Items("ReferencePath"),
            output.Property("DefineConstants").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static Output Run(string projectFile, string? targetFramework, bool withTargets)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        string[] arguments = withTargets
            ?
            [
                "msbuild", projectFile, "-restore", "-nologo",
                // No MSBuild node may outlive the lint.
                "-nodeReuse:false",
                "-t:ResolveAssemblyReferences;GenerateGlobalUsings",
                "-getProperty:DefineConstants", "-getItem:Compile", "-getItem:ReferencePath",
            ]
            // Two properties: with one, MSBuild prints the bare value instead of JSON.
            : ["msbuild", projectFile, "-nologo", "-nodeReuse:false", "-getProperty:TargetFrameworks", "-getProperty:TargetFramework"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (targetFramework is not null)
        {
            start.ArgumentList.Add("-p:TargetFramework=" + targetFramework);
        }

        // English messages: the error line is quoted as the user's build would print it in CI logs.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";

        string stdout;
        string stderr;
        int exitCode;
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw Failed(projectFile, 0, 0, $"dotnet msbuild did not finish within {Timeout.TotalMinutes:0} minutes");
            }

            stdout = output.GetAwaiter().GetResult();
            stderr = error.GetAwaiter().GetResult();
            exitCode = process.ExitCode;
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw Failed(projectFile, 0, 0, $"dotnet msbuild could not be run ({error.Message})");
        }

        if (exitCode == 0)
        {
            try
            {
                using var json = JsonDocument.Parse(stdout);
                return new Output(json.RootElement.Clone());
            }
            catch (JsonException)
            {
                // Falls through to the error below: MSBuild printed something that is not its item list.
            }
        }

        throw FirstError(projectFile, stderr + "\n" + stdout);
    }

    /// <summary>MSBuild's first error line, as one OAL9007 error at the project (at the line MSBuild names in it, when it does).</summary>
    private static InputException FirstError(string projectFile, string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = MsBuildError().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var file = match.Groups["file"].Value.Trim();
            var sameFile = string.Equals(Path.GetFullPath(file, Path.GetDirectoryName(projectFile)!), projectFile, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            var lineNumber = sameFile && int.TryParse(match.Groups["line"].Value, out var l) ? l : 0;
            var column = sameFile && int.TryParse(match.Groups["column"].Value, out var c) ? c : 0;
            var message = match.Groups["message"].Value.Trim();
            var where = sameFile ? "" : $" ({file})";
            return Failed(projectFile, lineNumber, column, $"the project could not be evaluated: {match.Groups["code"].Value}: {message}{where}");
        }

        var firstLine = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no output";
        return Failed(projectFile, 0, 0, $"the project could not be evaluated: {firstLine}");
    }

    private static InputException Failed(string projectFile, int line, int column, string message) =>
        new([new LoadError(projectFile, line, column, message) { Code = LoadErrorCodes.ProjectNotLoaded }]);

    /// <summary>The dotnet that runs this tool (the SDK sets DOTNET_HOST_PATH for what it starts), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
    }

    [GeneratedRegex(@"^(?<file>.*?)(\((?<line>\d+),(?<column>\d+)\))?\s*:\s*error\s+(?<code>[A-Z]+\d+)\s*:\s*(?<message>.*?)(\s+\[[^\]]+\])?$")]
    private static partial Regex MsBuildError();

    /// <summary>The JSON <c>dotnet msbuild -getProperty/-getItem</c> prints.</summary>
    private sealed record Output(JsonElement Root)
    {
        public string Property(string name) =>
            Root.TryGetProperty("Properties", out var properties) && properties.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

        public IReadOnlyList<string> Items(string name) =>
            Root.TryGetProperty("Items", out var items) && items.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(item => item.TryGetProperty("FullPath", out var path) ? path.GetString() : null).OfType<string>().ToArray()
                : [];
    }
}
