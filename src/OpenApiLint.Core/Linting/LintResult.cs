using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Linting;

/// <summary>The outcome of linting one file: its diagnostics (sorted), or the errors that kept it from being linted.</summary>
/// <param name="File">The file as the caller named it.</param>
/// <param name="Document">The loaded document; <c>null</c> when it could not be loaded.</param>
/// <param name="Ruleset">The ruleset it was checked against; <c>null</c> when the ruleset could not be loaded.</param>
/// <param name="Diagnostics">The findings that are reported (not suppressed), sorted by file, line, column and rule id.</param>
/// <param name="Errors">Load errors of the document or its ruleset (exit code 2 territory).</param>
public sealed record LintResult(
    string File,
    OpenApiLintDocument? Document,
    Ruleset? Ruleset,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<LoadError> Errors)
{
    /// <summary>
    /// The findings the engine kept but does not report: suppressed in the document (<c>x-openapi-lint-ignore</c>) or by
    /// the baseline, each marked with its <see cref="Diagnostic.Suppression"/>; sorted like <see cref="Diagnostics"/>.
    /// </summary>
    public IReadOnlyList<Diagnostic> Suppressed { get; init; } = [];

    /// <summary>Every finding, reported and suppressed, sorted: what SARIF, JSON and the report show.</summary>
    public IReadOnlyList<Diagnostic> AllFindings => Suppressed.Count == 0 ? Diagnostics : Sorted(Diagnostics.Concat(Suppressed));

    /// <summary>The result of a linted file from every finding of the engine, split into reported and suppressed.</summary>
    public static LintResult Of(string file, OpenApiLintDocument document, Ruleset ruleset, IEnumerable<Diagnostic> findings)
    {
        var all = findings.ToList();
        return new LintResult(file, document, ruleset, all.Where(d => !d.IsSuppressed).ToList(), [])
        {
            Suppressed = all.Where(d => d.IsSuppressed).ToList(),
        };
    }

    /// <summary>Webhook operations the document declares that were not linted (the ruleset skips them).</summary>
    public int SkippedWebhooks => Document is null || Ruleset?.Webhooks == OperationScope.Lint ? 0 : Document.Webhooks.Count;

    /// <summary>Callback operations the document declares that were not linted (the ruleset skips them).</summary>
    public int SkippedCallbacks => Document is null || Ruleset?.Callbacks == OperationScope.Lint ? 0 : Document.Callbacks.Count;

    /// <summary>Whether the file was linted (loaded, with a loaded ruleset).</summary>
    public bool Linted => Errors.Count == 0;

    /// <summary>How many diagnostics have <paramref name="severity"/>.</summary>
    public int Count(Severity severity) => Diagnostics.Count(diagnostic => diagnostic.Severity == severity);

    /// <summary>How many kept findings were suppressed by <paramref name="kind"/>.</summary>
    public int CountSuppressed(SuppressionKind kind) => Suppressed.Count(diagnostic => diagnostic.Suppression!.Kind == kind);

    private static List<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        list.Sort(Diagnostic.Order);
        return list;
    }
}
