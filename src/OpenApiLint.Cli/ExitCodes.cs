namespace OpenApiLint.Cli;

/// <summary>The tool's exit codes, as CI systems and pre-commit hooks read them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above <c>--fail-on</c>.</summary>
    public const int Success = 0;

    /// <summary>Findings at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>A usage error, or input that cannot be linted (missing or malformed document, broken ruleset). Wins over <see cref="Findings"/>.</summary>
    public const int Failure = 2;
}
