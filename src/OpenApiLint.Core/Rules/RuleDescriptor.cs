using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Rules;

/// <summary>What a rule is: its stable id, name, title, default severity and the help the tool and report show.</summary>
/// <param name="Id">Stable id (<c>OAL0001</c>); never reused.</param>
/// <param name="Name">Short kebab-case name (<c>status-code-not-allowed</c>).</param>
/// <param name="Title">One line saying what the rule checks.</param>
/// <param name="DefaultSeverity">Severity when the ruleset says nothing.</param>
/// <param name="Description">What it checks and why, in a few sentences.</param>
/// <param name="Fix">How to fix a finding.</param>
/// <param name="Example">A minimal snippet that the rule flags.</param>
public sealed record RuleDescriptor(string Id, string Name, string Title, Severity DefaultSeverity, string Description, string Fix, string Example)
{
    /// <summary>
    /// The ruleset options the rule reads, as paths into a ruleset (<c>methods.&lt;method&gt;.allowed</c>,
    /// <c>codes.&lt;code&gt;.body</c>, <c>maxDistinctCodes</c>); empty when only its severity (<c>rules.OAL0010</c>) configures
    /// it. The catalog test holds each against the ruleset schema, <c>docs/ruleset-format.md</c> and the help page.
    /// </summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The rule's help page, relative to the repository root (<c>docs/rules/OAL0001.md</c>); a rule shipped elsewhere names its own.</summary>
    public string HelpPath { get; init; } = $"docs/rules/{Id}.md";

    /// <summary>The help link carried by diagnostics (SARIF, MSBuild, report); a rule shipped elsewhere names its own.</summary>
    public string HelpUri { get; init; } = RuleIds.HelpBaseUri + Id + ".md";
}
