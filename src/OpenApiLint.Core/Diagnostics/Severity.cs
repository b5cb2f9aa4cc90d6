namespace OpenApiLint.Core.Diagnostics;

/// <summary>How serious a finding is. <see cref="Off"/> only ever appears in configuration: it turns a rule off.</summary>
public enum Severity
{
    /// <summary>The rule does not run.</summary>
    Off = 0,

    /// <summary>Worth knowing; never fails a build.</summary>
    Info = 1,

    /// <summary>Should be fixed; fails a build only when warnings are treated as errors.</summary>
    Warning = 2,

    /// <summary>Breaks the ruleset; fails the build.</summary>
    Error = 3,
}

/// <summary>Parsing and printing of severities as rulesets and command lines spell them.</summary>
public static class SeverityNames
{
    /// <summary>The lower-case name: <c>error</c>, <c>warning</c>, <c>info</c>, <c>off</c>.</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "off",
    };

    /// <summary>Parses a severity name, case-insensitively; <c>false</c> for anything else.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning" or "warn": severity = Severity.Warning; return true;
            case "info" or "information" or "note": severity = Severity.Info; return true;
            case "off" or "none": severity = Severity.Off; return true;
            default: severity = Severity.Off; return false;
        }
    }
}
