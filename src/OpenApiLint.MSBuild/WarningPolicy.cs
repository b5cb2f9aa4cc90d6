using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.MSBuild;

/// <summary>What happens to a finding once the project's warning settings are applied.</summary>
internal enum LoggedAs
{
    Error,
    Warning,
    Message,

    /// <summary>A warning silenced by NoWarn: still logged, as a low-importance message, so a diagnostic build shows it.</summary>
    Suppressed,
}

/// <summary>
/// The project's NoWarn, WarningsAsErrors, WarningsNotAsErrors and TreatWarningsAsErrors, applied to OAL codes as
/// the compiler applies them to CS codes. MSBuild itself maps only NoWarn and WarningsAsErrors onto task warnings,
/// and only in a project's inner build (not in the outer build of a multi-targeting project, where the lint runs),
/// so the task applies all four itself; MSBuild applying the same settings again changes nothing.
/// </summary>
internal sealed class WarningPolicy
{
    private static readonly char[] Separators = [';', ',', ' ', '\t', '\r', '\n'];

    private readonly bool _treatWarningsAsErrors;
    private readonly HashSet<string> _warningsAsErrors;
    private readonly HashSet<string> _warningsNotAsErrors;
    private readonly HashSet<string> _noWarn;

    public WarningPolicy(bool treatWarningsAsErrors, string? warningsAsErrors, string? warningsNotAsErrors, string? noWarn)
    {
        _treatWarningsAsErrors = treatWarningsAsErrors;
        _warningsAsErrors = Codes(warningsAsErrors);
        _warningsNotAsErrors = Codes(warningsNotAsErrors);
        _noWarn = Codes(noWarn);
    }

    /// <summary>How a finding of <paramref name="severity"/> with <paramref name="code"/> is logged.</summary>
    public LoggedAs Apply(string code, Severity severity) => severity switch
    {
        Severity.Error => LoggedAs.Error,
        Severity.Warning when _noWarn.Contains(code) => LoggedAs.Suppressed,
        Severity.Warning when _warningsAsErrors.Contains(code) => LoggedAs.Error,
        Severity.Warning when _treatWarningsAsErrors && !_warningsNotAsErrors.Contains(code) => LoggedAs.Error,
        Severity.Warning => LoggedAs.Warning,
        _ => LoggedAs.Message,
    };

    private static HashSet<string> Codes(string? list) =>
        new((list ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}
