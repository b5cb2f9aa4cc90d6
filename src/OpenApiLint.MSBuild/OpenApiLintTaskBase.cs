using System.Reflection;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace OpenApiLint.MSBuild;

/// <summary>What the lint and the replay share: the project's warning settings, how paths are shown, the summary.</summary>
public abstract class OpenApiLintTaskBase : Microsoft.Build.Utilities.Task
{
    /// <summary>The version of this task (the package version), recorded in the cache.</summary>
    internal static string ToolVersion { get; } = ReadVersion();

    /// <summary>The project folder: relative paths (ruleset, report) are resolved against it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The project file, named by errors that concern the project's settings rather than a document.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The project's name, shown in the summary line.</summary>
    public string? ProjectName { get; set; }

    /// <summary>The file the findings of a lint that passed are kept in, for replay.</summary>
    [Required]
    public string CacheFile { get; set; } = "";

    /// <summary>$(GenerateFullPaths): full paths in messages (the default), or paths relative to the project.</summary>
    public bool GenerateFullPaths { get; set; } = true;

    /// <summary>
    /// $(OpenApiLintEndPositions): also give MSBuild each finding's end line and column. Off by default: MSBuild then
    /// prints <c>file(line,col,endLine,endCol)</c>, which CI problem matchers for dotnet (GitHub's) do not read.
    /// </summary>
    public bool EndPositions { get; set; }

    /// <summary>$(TreatWarningsAsErrors).</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>$(WarningsAsErrors): codes whose warnings fail the build.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>$(WarningsNotAsErrors): codes exempt from TreatWarningsAsErrors.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>$(NoWarn): codes whose warnings are not shown.</summary>
    public string? NoWarn { get; set; }

    public sealed override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A bug must still be one clear line, not MSBuild's "task failed unexpectedly" with a stack trace.
            Log.LogError(null, BuildCodes.UnexpectedFailure, BuildCodes.UnexpectedFailure, null, ProjectFile, 0, 0, 0, 0,
                "OpenApiLint {0} failed unexpectedly ({1}: {2}); please report it with the build log", ToolVersion, error.GetType().Name, error.Message);
            Log.LogMessage(MessageImportance.Low, "{0}", error.ToString());
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The work of the task; anything thrown is reported as <see cref="BuildCodes.UnexpectedFailure"/>.</summary>
    private protected abstract void Run();

    private protected FindingLogger CreateLogger() => new(
        Log,
        new WarningPolicy(TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors, NoWarn),
        new PathDisplay(GenerateFullPaths, ProjectDirectory),
        EndPositions);

    private protected string Subject => string.IsNullOrEmpty(ProjectName) ? "OpenApiLint" : $"OpenApiLint ({ProjectName})";

    private static string ReadVersion()
    {
        var version = typeof(OpenApiLintTaskBase).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }
}
