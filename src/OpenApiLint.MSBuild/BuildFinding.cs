using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.MSBuild;

/// <summary>
/// One line of build output as the task logs it and caches it for replay: a rule finding or a load error, with the
/// file as a full path (how it is shown is decided when it is logged).
/// </summary>
/// <param name="Code">The rule id (<c>OAL0001</c>) or a <see cref="BuildCodes"/> code.</param>
/// <param name="Severity">The severity the ruleset gave it; build settings such as NoWarn apply when it is logged.</param>
/// <param name="File">Full path of the file at fault; <c>null</c> when no file can be named.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="EndLine">Line just after the node, 0 when unknown.</param>
/// <param name="EndColumn">Column just after the node (exclusive), 0 when unknown.</param>
/// <param name="Message">The message.</param>
/// <param name="HelpLink">The rule's help page.</param>
internal sealed record BuildFinding(
    string Code,
    Severity Severity,
    string? File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Message,
    string? HelpLink);
