using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiLint.MSBuild.Tests.Support;

/// <summary>What a <c>dotnet</c> command did: its exit code and everything it printed.</summary>
internal sealed partial record CommandResult(string Command, int ExitCode, string Output)
{
    /// <summary>The output's lines, without MSBuild's node prefix (<c>1&gt;</c>) and indentation.</summary>
    public IReadOnlyList<string> Lines { get; } = Output.Split('\n')
        .Select(line => NodePrefix().Replace(line.TrimEnd('\r'), "").Trim())
        .ToArray();

    /// <summary>Every distinct <c>error OAL…</c> / <c>warning OAL…</c> line, in order (MSBuild repeats them in its summary).</summary>
    public IReadOnlyList<string> Findings => Lines.Where(line => FindingLine().IsMatch(line)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>How many lines contain <paramref name="text"/>.</summary>
    public int CountLines(string text) => Lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>For assertion messages: the command and the tail of its output.</summary>
    public override string ToString() => $"{Command} exited {ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, Lines.TakeLast(60))}";

    [GeneratedRegex(@"^\s*\d+>")]
    private static partial Regex NodePrefix();

    [GeneratedRegex(@"\b(error|warning) OAL\d{4}:")]
    private static partial Regex FindingLine();
}

/// <summary>Runs the .NET SDK the way a developer does, isolated from the test host's own MSBuild environment.</summary>
internal static class DotNet
{
    // The package pack also compiles the task and Roslyn ahead of time (once per test run); a shared 2-core machine
    // under load took more than 10 minutes over it, as the tool's pack does (its tests allow 20).
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    // The test host may run inside `dotnet test`, whose MSBuild variables would steer the child builds.
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "MSBUILDTERMINALLOGGER", "DOTNET_CLI_USE_MSBUILD_SERVER",
    ];

    public static CommandResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariablesToDrop)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {Timeout.TotalMinutes} minutes:{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult($"dotnet {string.Join(' ', arguments)}", process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
