using OpenApiLint.Core.Baselines;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rules;

namespace OpenApiLint.Core.Report;

/// <summary>Everything an output format needs about one run: the results per file and the run's context.</summary>
/// <param name="Results">One result per linted file, in input order.</param>
/// <param name="ToolName">The tool's name (<c>openapi-lint</c>).</param>
/// <param name="ToolVersion">The tool's version.</param>
/// <param name="WorkingDirectory">The folder relative paths and URIs are made against.</param>
/// <param name="Timestamp">When the run happened (reports show it; golden tests fix it).</param>
public sealed record LintReport(
    IReadOnlyList<LintResult> Results,
    string ToolName,
    string ToolVersion,
    string WorkingDirectory,
    DateTimeOffset Timestamp)
{
    /// <summary>Every reported (unsuppressed) diagnostic of every file, sorted by file, line, column and rule id.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = LintRunner.AllDiagnostics(Results);

    /// <summary>
    /// What the baseline made of the run, when one was applied (its <see cref="BaselineComparison.Results"/> are then
    /// this report's <see cref="Results"/>); <c>null</c> without a baseline.
    /// </summary>
    public BaselineComparison? Baseline { get; init; }

    /// <summary>Every reported and suppressed diagnostic, sorted: what SARIF, JSON and the HTML report show.</summary>
    public IReadOnlyList<Diagnostic> AllFindings => Suppressed.Count == 0 ? Diagnostics : [.. Diagnostics.Concat(Suppressed).Order(Diagnostic.Order)];

    /// <summary>Every suppressed diagnostic (in the document or by the baseline), kept and marked, sorted.</summary>
    public IReadOnlyList<Diagnostic> Suppressed { get; } = LintRunner.AllSuppressed(Results);

    /// <summary>
    /// Every load error (document or ruleset) of the run, each once: a broken ruleset shared by many documents is
    /// reported once, not once per document.
    /// </summary>
    public IReadOnlyList<LoadError> Errors { get; } = Results.SelectMany(result => result.Errors).Distinct().ToArray();

    /// <summary>
    /// The rules the run used, for their descriptors and help (SARIF's rule metadata): the catalog's, and any rule
    /// shipped outside Core that the edge handed to the linter.
    /// </summary>
    public IReadOnlyList<IRule> Rules { get; init; } = RuleCatalog.All;

    /// <summary>The rule with id <paramref name="id"/> among <see cref="Rules"/> (case-insensitive), or <c>null</c>.</summary>
    public IRule? RuleOf(string id) => Rules.FirstOrDefault(rule => rule.Descriptor.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>How many diagnostics have <paramref name="severity"/>.</summary>
    public int Count(Severity severity) => Diagnostics.Count(diagnostic => diagnostic.Severity == severity);

    /// <summary>How many kept findings were suppressed by <paramref name="kind"/>.</summary>
    public int CountSuppressed(SuppressionKind kind) => Suppressed.Count(diagnostic => diagnostic.Suppression!.Kind == kind);

    /// <summary>
    /// "2 webhook operations and 1 callback operation not linted (…)" when the rulesets skipped any (their responses
    /// are the subscriber's); <c>null</c> otherwise. Every summary says it: nothing is skipped silently.
    /// </summary>
    public string? SkippedOperations
    {
        get
        {
            var webhooks = Results.Sum(result => result.SkippedWebhooks);
            var callbacks = Results.Sum(result => result.SkippedCallbacks);
            if (webhooks == 0 && callbacks == 0)
            {
                return null;
            }

            var parts = new List<string>();
            if (webhooks > 0) parts.Add(Plural(webhooks, "webhook operation"));
            if (callbacks > 0) parts.Add(Plural(callbacks, "callback operation"));
            var options = string.Join(" or ", new[] { webhooks > 0 ? "\"webhooks\"" : null, callbacks > 0 ? "\"callbacks\"" : null }.OfType<string>());
            return $"{string.Join(" and ", parts)} not linted (their responses are the subscriber's; set {options}: \"lint\" in the ruleset to lint them)";
        }
    }

    private static string Plural(int count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
