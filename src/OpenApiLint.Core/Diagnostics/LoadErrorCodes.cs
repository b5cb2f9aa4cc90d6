namespace OpenApiLint.Core.Diagnostics;

/// <summary>
/// The codes of input that cannot be used, one per kind, shown by the tool (<c>file(line,col): error OAL9001: …</c>)
/// and the build alike. They sit far from the rule ids so the two never meet; like rule ids they are permanent.
/// </summary>
public static class LoadErrorCodes
{
    /// <summary>A document could not be linted: missing, malformed, or not OpenAPI.</summary>
    public const string DocumentNotLoaded = "OAL9001";

    /// <summary>A ruleset could not be loaded: unknown name, missing file, invalid JSON or schema.</summary>
    public const string RulesetNotLoaded = "OAL9002";

    /// <summary>A team's HTML report template does not compile or render.</summary>
    public const string ReportTemplateInvalid = "OAL9005";

    /// <summary>A baseline file could not be read: missing, malformed, or not a baseline.</summary>
    public const string BaselineNotLoaded = "OAL9006";

    /// <summary>The C# project named to place findings in its code is missing or not a project file.</summary>
    public const string ProjectNotLoaded = "OAL9007";

    /// <summary>
    /// Every code with its kebab-case name and a title, in code order: what SARIF's notification descriptors and the
    /// docs list.
    /// </summary>
    public static IReadOnlyList<(string Code, string Name, string Title)> All { get; } =
    [
        (DocumentNotLoaded, "document-not-loaded", "A document could not be linted"),
        (RulesetNotLoaded, "ruleset-not-loaded", "A ruleset could not be loaded"),
        (ReportTemplateInvalid, "report-template-invalid", "A report template does not compile or render"),
        (BaselineNotLoaded, "baseline-not-loaded", "A baseline could not be read"),
        (ProjectNotLoaded, "project-not-loaded", "A C# project could not be read"),
    ];
}
