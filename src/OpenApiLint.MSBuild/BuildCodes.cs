using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.MSBuild;

/// <summary>
/// Codes of what the build integration itself reports (rule findings carry their rule id, <c>OAL0001</c>…). They sit
/// far from the rule ids so the two never meet; like rule ids they are permanent.
/// </summary>
internal static class BuildCodes
{
    /// <summary>The task failed in a way it did not foresee (a bug): one line instead of a stack trace.</summary>
    public const string UnexpectedFailure = "OAL9000";

    /// <summary>A document could not be linted: missing, malformed, or not OpenAPI.</summary>
    public const string DocumentNotLoaded = LoadErrorCodes.DocumentNotLoaded;

    /// <summary>The ruleset could not be loaded: unknown name, missing file, invalid JSON or schema.</summary>
    public const string RulesetNotLoaded = LoadErrorCodes.RulesetNotLoaded;

    /// <summary>The HTML report or SARIF log asked for could not be written.</summary>
    public const string ReportNotWritten = "OAL9003";

    /// <summary>This MSBuild cannot run the task (Visual Studio before 2026); declared in the .targets file.</summary>
    public const string UnsupportedMSBuild = "OAL9004";

    /// <summary>The team's HTML report template does not compile or render: an error at its line, like a broken ruleset.</summary>
    public const string ReportTemplateInvalid = LoadErrorCodes.ReportTemplateInvalid;

    /// <summary>The baseline file ($(OpenApiLintBaseline)) is missing, malformed, truncated or not a baseline: an error at its line.</summary>
    public const string BaselineInvalid = LoadErrorCodes.BaselineNotLoaded;

    /// <summary>Warning: an override of the team's ruleset matches no operation of the linted documents (at the override).</summary>
    public const string OverrideMatchesNothing = "OAL9020";

    /// <summary>
    /// Warning: the project documents its API with Microsoft.AspNetCore.OpenApi, Swashbuckle or NSwag but generates no
    /// document at build time, so nothing of it is linted; declared in the .targets file.
    /// </summary>
    public const string NoDocumentGenerated = "OAL9021";
}
