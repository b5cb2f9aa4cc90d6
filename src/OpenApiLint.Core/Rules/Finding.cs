using OpenApiLint.Core.Documents;

namespace OpenApiLint.Core.Rules;

/// <summary>
/// What a rule reports, before the engine gives it a severity and a position.
/// </summary>
/// <param name="Message">What is wrong and what the ruleset wants.</param>
/// <param name="Pointer">The node the finding is about, in the linted document.</param>
/// <param name="Operation">The operation it concerns, if any (its ruleset, overrides and suppressions then apply).</param>
/// <param name="Response">The response it concerns, if any (its suppressions then apply).</param>
/// <param name="Related">A related place, such as the definition behind a <c>$ref</c>.</param>
/// <param name="Rationale">The guideline's words behind the requirement.</param>
/// <param name="Location">Where to report instead of <paramref name="Pointer"/>, when the node lives in another file.</param>
/// <param name="Subject">
/// What the finding is about beyond its operation and status code (the missing headers, properties or codes, the
/// <c>$ref</c> target), comma-separated in the rule's order; part of the finding's fingerprint, so never a position or
/// anything else that moves when the document is reformatted.
/// </param>
/// <param name="Severity">
/// The severity the ruleset gives this requirement (a header, the body, a property), when it gives one; <c>null</c>:
/// the rule's. A rule turned off stays off.
/// </param>
/// <param name="SeveritySetWithoutSentence">
/// Where that severity was set without a sentence (from the <c>Of…</c> methods of <see cref="Rulesets.CodePolicy"/>):
/// the note then names the entry and file instead of quoting an inherited sentence.
/// </param>
public sealed record Finding(
    string Message,
    string Pointer,
    ApiOperation? Operation = null,
    ApiResponse? Response = null,
    SourcePointer? Related = null,
    string? Rationale = null,
    SourcePointer? Location = null,
    string? Subject = null,
    Diagnostics.Severity? Severity = null,
    Rulesets.RequirementOrigin? SeveritySetWithoutSentence = null);
