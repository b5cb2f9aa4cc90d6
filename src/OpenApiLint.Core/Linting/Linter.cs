using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Linting;

/// <summary>
/// Runs the rules over a document: gives each finding its effective severity (ruleset, then overrides), drops what
/// is off, marks (and keeps) what <c>x-openapi-lint-ignore</c> suppresses, resolves positions in one pass per file,
/// and sorts. Stateless and thread-safe.
/// </summary>
public sealed class Linter(IReadOnlyList<IRule> rules)
{
    /// <summary>A linter with every rule of the catalog.</summary>
    public Linter()
        : this(RuleCatalog.All)
    {
    }

    /// <summary>Lints one loaded document: the findings that are reported (not suppressed), sorted.</summary>
    public IReadOnlyList<Diagnostic> Lint(OpenApiLintDocument document, Ruleset ruleset) =>
        Findings(document, ruleset).Where(diagnostic => !diagnostic.IsSuppressed).ToList();

    /// <summary>
    /// Lints one loaded document: every finding, those suppressed in the document kept and marked with
    /// <see cref="Diagnostic.Suppression"/>, sorted.
    /// </summary>
    public IReadOnlyList<Diagnostic> Findings(OpenApiLintDocument document, Ruleset ruleset)
    {
        var context = new RuleContext(document, ruleset);
        var active = rules.Where(rule => ruleset.Overrides.Count > 0 || ruleset.SeverityOf(rule.Descriptor.Id, rule.Descriptor.DefaultSeverity) != Severity.Off).ToList();

        // The rules are pure checks of an immutable document: on a large one they run on every core (Graph beta: 22,000
        // operations), each rule's findings kept in rule order, so the result is the same as one after the other.
        var perRule = new List<Kept>[active.Count];
        if (document.Operations.Count >= ParallelOperations && active.Count > 1)
        {
            Parallel.For(0, active.Count, index => perRule[index] = Check(active[index], context, ruleset));
        }
        else
        {
            for (var index = 0; index < active.Count; index++)
            {
                perRule[index] = Check(active[index], context, ruleset);
            }
        }

        var kept = perRule.SelectMany(findings => findings).ToList();
        var positions = ResolvePositions(document, kept.Select(entry => entry.Finding));
        var diagnostics = kept.Select(entry =>
        {
            var (rule, finding, severity, rationale, guideline, origin) = entry;
            var (where, related) = Places(document, finding);
            return new Diagnostic(
                rule.Descriptor.Id,
                severity,
                OneLine(finding.Message),
                positions.Locate(where),
                related.Select(positions.Locate).ToArray(),
                finding.Operation?.Path,
                finding.Operation?.Method,
                finding.Response?.StatusKey,
                rationale)
            {
                Subject = finding.Subject,
                Guideline = guideline?.Title,
                GuidelineSource = guideline?.Source,
                SeverityFrom = origin.Setting,
                SeverityRationale = origin.Rationale,
                SeveritySetIn = origin.SetIn,
                SeverityGuideline = origin.RationaleFrom,
                Suppression = SuppressionOf(rule.Descriptor.Id, finding),
            };
        }).ToList();
        diagnostics.Sort(Diagnostic.Order);
        return diagnostics;
    }

    /// <summary>Documents with this many operations have their rules run in parallel.</summary>
    private const int ParallelOperations = 2000;

    /// <summary>One rule's findings that are not off, with their effective severity, rationale and origin, in the order found.</summary>
    private static List<Kept> Check(IRule rule, RuleContext context, Ruleset ruleset)
    {
        var id = rule.Descriptor.Id;
        var kept = new List<Kept>();
        foreach (var finding in rule.Check(context))
        {
            var effective = finding.Operation is { } operation ? context.RulesetFor(operation) : ruleset;
            var severity = effective.SeverityOf(id, rule.Descriptor.DefaultSeverity);

            // The requirement's own severity (per code, header, body or property) wins over the rule's, but a rule
            // turned off stays off.
            if (severity != Severity.Off && finding.Severity is { } own)
            {
                severity = own;
            }

            if (severity != Severity.Off)
            {
                var setting = effective.Rules.GetValueOrDefault(id);
                var origin = OriginOf(id, finding, setting, effective);
                // A severity set without a sentence does not borrow the inherited sentence of the rule's setting: that
                // one explains another file's severity.
                var rationale = origin.SetIn is not null ? finding.Rationale : finding.Rationale ?? setting?.Rationale;
                if (origin.Setting is null && CodeSetWithoutSentence(finding, effective) is { } code)
                {
                    // Likewise a code's severity set without a sentence: the code's inherited sentence explains the
                    // severity it replaced; a requirement's own sentence is still quoted.
                    origin = code;
                    rationale = null;
                }

                var guideline = rationale is null ? null : effective.CitationOf(rationale);
                kept.Add(new Kept(rule, finding, severity, rationale, guideline, origin));
            }
        }

        return kept;
    }

    /// <summary>A finding kept, with what the diagnostic is made of.</summary>
    /// <remarks>
    /// A class, allocated beside the diagnostic made of it: the runtime's generic code (lists, <c>SelectMany</c>,
    /// <c>Select</c>) over a value type of this assembly is never precompiled, and was JIT-compiled in every fresh
    /// MSBuild node.
    /// </remarks>
    private sealed record Kept(IRule Rule, Finding Finding, Severity Severity, string? Rationale, GuidelineOrigin? Guideline, SeverityOrigin Origin);

    /// <summary>
    /// Where the severity was set when the requirement gives none of its own (or a later file replaced it): the
    /// ruleset's setting for the rule (<c>rules.OAL0004</c>), with that setting's sentence when it has one the finding
    /// does not already quote.
    /// </summary>
    /// <remarks>
    /// When the file that set the severity gave no sentence for it (<c>rules.OAL0001: "info"</c> in a team file), the
    /// setting is named with its file (<c>rules.OAL0001 in “Team rules”</c>) unless that file also wrote the sentence
    /// quoted, and the rule setting's inherited sentence is not quoted: it may state the severity the team replaced.
    /// </remarks>
    private static SeverityOrigin OriginOf(string id, Finding finding, RuleSetting? setting, Ruleset ruleset)
    {
        if (finding.Severity is not null || setting?.Severity is null)
        {
            return new SeverityOrigin(null, null, null, null);
        }

        if (setting is { SetWithoutSentence: true, SetBy: { } by }
            && ((finding.Rationale is not null && ruleset.OriginOf(finding.Rationale) != by) || (setting.Rationale is { } inherited && ruleset.OriginOf(inherited) != by)))
        {
            return new SeverityOrigin($"rules.{id} in “{by.Title}”", null, by.Title, null);
        }

        // The setting's sentence is cited by the file that wrote it, like the requirement's.
        var sentence = finding.Rationale is not null && setting.Rationale is { } why && why != finding.Rationale ? why : null;
        var writer = sentence is null ? null : ruleset.CitationOf(sentence).Title;
        return new SeverityOrigin($"rules.{id}", sentence, null, writer);
    }

    /// <summary>
    /// Where a code policy's severity was set without a sentence (<c>codes.201 in “Team rules”</c>), when the finding's
    /// severity is that one and the sentence it would quote is the code's, written by another file; <c>null</c> otherwise.
    /// </summary>
    /// <remarks>
    /// A severity set on one requirement without a sentence (<c>responseHeaders: [{ name, severity }]</c>) is named
    /// the same way (<c>codes.201.responseHeaders.Location in “Team rules”</c>) unless its file also wrote the sentence.
    /// </remarks>
    private static SeverityOrigin? CodeSetWithoutSentence(Finding finding, Ruleset ruleset)
    {
        if (finding.Severity is null || finding.Response is not { } response)
        {
            return null;
        }

        var key = StatusCodes.Normalize(response.StatusKey);
        var code = ruleset.Codes.ContainsKey(key) ? key : StatusCodes.RangeOf(key);
        if (code is not null && finding.SeveritySetWithoutSentence is { } entry
            && (finding.Rationale is null || ruleset.OriginOf(finding.Rationale) != entry.By))
        {
            return new SeverityOrigin($"codes.{code}.{entry.Setting} in “{entry.By.Title}”", null, entry.By.Title, null);
        }

        if (finding.Rationale is not { } sentence)
        {
            return null;
        }

        return code is not null
            && ruleset.Codes.GetValueOrDefault(code) is { SeveritySetWithoutSentenceBy: { } by } policy
            && policy.Rationale == sentence
            && ruleset.OriginOf(sentence) != by
            ? new SeverityOrigin($"codes.{code} in “{by.Title}”", null, by.Title, null)
            : null;
    }

    private readonly record struct SeverityOrigin(string? Setting, string? Rationale, string? SetIn, string? RationaleFrom);

    /// <summary>
    /// Messages quote the document (paths, status keys, $ref targets), which may hold line breaks or other control
    /// characters; a diagnostic is printed as one line (MSBuild's <c>file(line,col): error CODE: message</c>), so they
    /// are shown escaped. Found by the robustness tests: a YAML <c>$ref: "a\nb"</c> split an error in two.
    /// </summary>
    private static string OneLine(string message)
    {
        if (!message.Any(char.IsControl))
        {
            return message;
        }

        var builder = new System.Text.StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The response's own <c>x-openapi-lint-ignore</c> first (it is the narrower), then the operation's.</summary>
    private static Suppression? SuppressionOf(string id, Finding finding)
    {
        if (finding.Response is { } response && response.IgnoredRules.Contains(id))
        {
            return new Suppression(SuppressionKind.InSource, response.IgnoreJustifications.GetValueOrDefault(id));
        }

        return finding.Operation is { } operation && operation.IgnoredRules.Contains(id)
            ? new Suppression(SuppressionKind.InSource, operation.IgnoreJustifications.GetValueOrDefault(id))
            : null;
    }

    /// <summary>
    /// Where a finding is reported, and its related places. Under a path item given by <c>$ref</c>, a finding is
    /// reported where the node is written (in <c>components.pathItems</c> or the file), and the reference site is
    /// related, as the definition behind a <c>$ref</c>'d response is.
    /// </summary>
    private static (SourcePointer Where, IReadOnlyList<SourcePointer> Related) Places(OpenApiLintDocument document, Finding finding)
    {
        var written = finding.Location is null ? finding.Operation?.DefinitionOf(finding.Pointer) : null;
        var where = finding.Location ?? written ?? new SourcePointer(document.FilePath, finding.Pointer);
        var related = new List<SourcePointer>(2);
        if (finding.Related is { } r)
        {
            related.Add(r);
        }

        if (written is not null)
        {
            related.Add(finding.Operation!.PathItemReference ?? new SourcePointer(document.FilePath, finding.Operation.PathItemPointer));
        }

        return (where, related);
    }


    private static PositionTable ResolvePositions(OpenApiLintDocument document, IEnumerable<Finding> findings)
    {
        var wanted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Want(SourcePointer place)
        {
            if (!wanted.TryGetValue(place.File, out var pointers))
            {
                wanted[place.File] = pointers = new HashSet<string>(StringComparer.Ordinal);
            }

            pointers.Add(place.Pointer);
        }

        foreach (var finding in findings)
        {
            var (where, related) = Places(document, finding);
            Want(where);
            foreach (var place in related)
            {
                Want(place);
            }
        }

        var table = new PositionTable();
        foreach (var (file, pointers) in wanted)
        {
            table.Add(file, document.ResolvePositions(file, pointers));
        }

        return table;
    }

    private sealed class PositionTable
    {
        private readonly Dictionary<string, IReadOnlyDictionary<string, SourceSpan>> _byFile = new(StringComparer.Ordinal);

        public void Add(string file, IReadOnlyDictionary<string, SourceSpan> spans) => _byFile[file] = spans;

        public SourceLocation Locate(SourcePointer place) =>
            _byFile.TryGetValue(place.File, out var spans) && spans.TryGetValue(place.Pointer, out var span)
                ? new SourceLocation(place.File, place.Pointer, span.Line, span.Column, span.EndLine, span.EndColumn)
                : SourceLocation.Unpositioned(place.File, place.Pointer);
    }
}
