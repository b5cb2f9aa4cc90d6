using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Rules;

/// <summary>
/// What a rule is: its stable id, name, title, default severity, the options it reads and where its help lives. The
/// help's prose (what it checks, why, example, how to fix) is written once, in the help page (<see cref="RuleHelp"/>);
/// the page's header table is checked against this descriptor.
/// </summary>
/// <param name="Id">Stable id (<c>OAL0001</c>); never reused.</param>
/// <param name="Name">Short kebab-case name (<c>status-code-not-allowed</c>).</param>
/// <param name="Title">One line saying what the rule checks (the help page's title).</param>
/// <param name="DefaultSeverity">Severity when the ruleset says nothing.</param>
public sealed record RuleDescriptor(string Id, string Name, string Title, Severity DefaultSeverity)
{
    /// <summary>
    /// The ruleset options the rule reads, as paths into a ruleset (<c>methods.&lt;method&gt;.allowed</c>,
    /// <c>codes.&lt;code&gt;.body</c>, <c>maxDistinctCodes</c>); empty when only its severity (<c>rules.OAL0010</c>) configures
    /// it. The catalog test holds each against the ruleset schema, <c>docs/ruleset-format.md</c> and the help page.
    /// </summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>
    /// Every message the rule reports, declared once (ESLint's <c>meta.messages</c>); the check formats its findings'
    /// messages from these, and the catalog test holds every message the fixtures produce to them.
    /// </summary>
    public IReadOnlyList<RuleMessage> Messages { get; init; } = [];

    /// <summary>The rule's help page, relative to the repository root (<c>docs/rules/OAL0001.md</c>); a rule shipped elsewhere names its own.</summary>
    public string HelpPath { get; init; } = $"docs/rules/{Id}.md";

    /// <summary>The help link carried by diagnostics (SARIF, MSBuild, report); a rule shipped elsewhere names its own.</summary>
    public string HelpUri { get; init; } = RuleIds.HelpBaseUri + Id + ".md";
}
