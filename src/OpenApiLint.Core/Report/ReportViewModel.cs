namespace OpenApiLint.Core.Report;

/// <summary>
/// Everything the HTML report shows, shaped for templates rather than for the rules: plain strings, numbers,
/// booleans and lists, already sorted, counted and labelled, so a template needs no logic beyond <c>for</c> and
/// <c>if</c>. Templates name its members in camelCase, as <see cref="ReportViewModelJson.Serialize"/> writes them
/// (templates read these records in place, under those names; see <see cref="ReportScriptModel"/>); docs/report.md
/// documents every field. Strings that
/// come from a document are raw here: the template context escapes them when it writes them.
/// </summary>
/// <param name="Tool">The tool that produced the report.</param>
/// <param name="GeneratedAt">When the run happened, ISO 8601 in UTC (<c>2026-01-02T03:04:05Z</c>).</param>
/// <param name="GeneratedAtDisplay">The same instant for people (<c>2026-01-02 03:04 UTC</c>).</param>
/// <param name="Summary">Counts over the whole run.</param>
/// <param name="Severities">One entry per severity (error, warning, info), with its count, for headers and filters.</param>
/// <param name="Rulesets">The rulesets the documents were checked against, each once.</param>
/// <param name="Rules">The rules that reported something, by id.</param>
/// <param name="Legend">What each status-code matrix verdict means.</param>
/// <param name="Documents">One section per linted document, in input order.</param>
/// <param name="LoadErrors">Files that could not be linted (document or ruleset errors).</param>
/// <param name="Page">What the template set adds for the page itself; <c>null</c> until <see cref="ReportTemplate"/> renders the model.</param>
public sealed record ReportViewModel(
    ToolView Tool,
    string GeneratedAt,
    string GeneratedAtDisplay,
    SummaryView Summary,
    IReadOnlyList<SeverityCountView> Severities,
    IReadOnlyList<RulesetView> Rulesets,
    IReadOnlyList<RuleView> Rules,
    IReadOnlyList<LegendEntryView> Legend,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<LoadErrorView> LoadErrors,
    PageView? Page = null);

/// <summary>What the template set adds for the page itself.</summary>
/// <param name="ContentSecurityPolicy">
/// The value for a <c>Content-Security-Policy</c> meta tag: nothing may be fetched, and only the template set's
/// <c>style</c> and <c>script</c> partials may apply (by hash), when placed as <c>&lt;style&gt;{{ include 'style' }}&lt;/style&gt;</c>
/// and <c>&lt;script&gt;{{ include 'script' }}&lt;/script&gt;</c>.
/// </param>
public sealed record PageView(string ContentSecurityPolicy);

/// <summary>The tool's name and version.</summary>
public sealed record ToolView(string Name, string Version);

/// <summary>Counts over the whole run.</summary>
/// <param name="Documents">Files given, linted or not.</param>
/// <param name="LintedDocuments">Files that were loaded and linted.</param>
/// <param name="Operations">Operations over all linted documents.</param>
/// <param name="Findings">Diagnostics of every severity.</param>
/// <param name="Errors">Diagnostics of severity error.</param>
/// <param name="Warnings">Diagnostics of severity warning.</param>
/// <param name="Infos">Diagnostics of severity info.</param>
/// <param name="LoadErrors">Files that could not be linted.</param>
/// <param name="Outcome"><c>failed</c> (errors or load errors), <c>warnings</c>, or <c>passed</c>.</param>
/// <param name="OutcomeText">The outcome for people: <c>3 errors, 1 warning</c>, <c>No findings</c>.</param>
public sealed record SummaryView(
    int Documents,
    int LintedDocuments,
    int Operations,
    int Findings,
    int Errors,
    int Warnings,
    int Infos,
    int LoadErrors,
    string Outcome,
    string OutcomeText)
{
    /// <summary>Findings suppressed in the documents (<c>x-openapi-lint-ignore</c>): kept, not counted above.</summary>
    public int Suppressed { get; init; }

    /// <summary>Findings the baseline knows: kept, not counted above.</summary>
    public int Baselined { get; init; }
}

/// <summary>One severity and how many findings have it.</summary>
/// <param name="Id"><c>error</c>, <c>warning</c> or <c>info</c>: also the CSS class and filter value.</param>
/// <param name="Label"><c>Errors</c>, <c>Warnings</c>, <c>Info</c>.</param>
/// <param name="Count">How many findings have this severity.</param>
public sealed record SeverityCountView(string Id, string Label, int Count);

/// <summary>A ruleset documents were checked against.</summary>
/// <param name="Name">Its name (<c>minimal-codes</c>).</param>
/// <param name="Title">Its title, when it has one.</param>
/// <param name="Description">What it is for, when it says.</param>
/// <param name="Source">The guideline it encodes, when it names one.</param>
/// <param name="File">The file it was loaded from, relative to the working folder; <c>null</c> for a built-in.</param>
/// <param name="IsBuiltIn">Whether it ships with the tool.</param>
/// <param name="Extends">What it extends, outermost first (built-in names and relative file paths).</param>
/// <param name="Documents">The documents checked against it.</param>
public sealed record RulesetView(
    string Name,
    string? Title,
    string? Description,
    string? Source,
    string? File,
    bool IsBuiltIn,
    IReadOnlyList<string> Extends,
    IReadOnlyList<string> Documents);

/// <summary>A rule that reported something.</summary>
/// <param name="Id">Its stable id (<c>OAL0001</c>).</param>
/// <param name="Name">Its kebab-case name.</param>
/// <param name="Title">What it checks, in one line.</param>
/// <param name="Description">What it checks and why.</param>
/// <param name="Fix">How to fix a finding.</param>
/// <param name="HelpUri">Its help page.</param>
/// <param name="DefaultSeverity">Its severity when the ruleset says nothing.</param>
/// <param name="Count">How many findings it reported: over the run in <see cref="ReportViewModel.Rules"/>, in the document in a <see cref="RuleGroupView"/>.</param>
public sealed record RuleView(
    string Id,
    string Name,
    string Title,
    string Description,
    string Fix,
    string HelpUri,
    string DefaultSeverity,
    int Count);

/// <summary>One kind of status-code matrix cell.</summary>
/// <param name="Verdict">The verdict id, also the cell's CSS class suffix.</param>
/// <param name="Symbol">What the cell shows.</param>
/// <param name="Label">The verdict in a few words.</param>
/// <param name="Description">What it means, in a sentence.</param>
public sealed record LegendEntryView(string Verdict, string Symbol, string Label, string Description);

/// <summary>One linted document: its matrix and its findings, in two groupings.</summary>
/// <param name="Id">Anchor of its section (<c>doc-1</c>); other ids in it start with this.</param>
/// <param name="Index">1-based position in the report.</param>
/// <param name="File">Its path, relative to the working folder, with forward slashes.</param>
/// <param name="Title"><c>info.title</c>, when present.</param>
/// <param name="SpecVersion"><c>2.0</c>, <c>3.0.3</c>, <c>3.1.0</c>.</param>
/// <param name="Format"><c>json</c> or <c>yaml</c>.</param>
/// <param name="Ruleset">The name of the ruleset it was checked against.</param>
/// <param name="Operations">How many operations it has.</param>
/// <param name="Findings">How many findings it has.</param>
/// <param name="Errors">Findings of severity error.</param>
/// <param name="Warnings">Findings of severity warning.</param>
/// <param name="Infos">Findings of severity info.</param>
/// <param name="Matrix">Its status-code matrix.</param>
/// <param name="FindingsByRule">Its findings grouped by rule, by rule id.</param>
/// <param name="FindingsByOperation">Its findings grouped by operation, in document order; document-level findings first.</param>
public sealed record DocumentView(
    string Id,
    int Index,
    string File,
    string? Title,
    string SpecVersion,
    string Format,
    string Ruleset,
    int Operations,
    int Findings,
    int Errors,
    int Warnings,
    int Infos,
    MatrixView Matrix,
    IReadOnlyList<RuleGroupView> FindingsByRule,
    IReadOnlyList<OperationGroupView> FindingsByOperation)
{
    /// <summary>How many of the document's findings are suppressed (in the document or by the baseline): kept, not reported.</summary>
    public int Suppressed { get; init; }

    /// <summary>The document's suppressed findings, each with how it was suppressed and the justification given.</summary>
    public IReadOnlyList<FindingView> SuppressedFindings { get; init; } = [];
}

/// <summary>The status-code matrix of one document: one row per operation, one column per status code.</summary>
/// <param name="Codes">The columns: every status key the document declares, plus codes required somewhere but declared nowhere.</param>
/// <param name="Rows">One row per operation, in document order.</param>
public sealed record MatrixView(IReadOnlyList<MatrixColumnView> Codes, IReadOnlyList<MatrixRowView> Rows);

/// <summary>One column of the matrix.</summary>
/// <param name="Key">The status key (<c>201</c>, <c>4XX</c>, <c>default</c>, or an invalid key as written).</param>
/// <param name="Family"><c>1xx</c> to <c>5xx</c>, <c>default</c> or <c>invalid</c>: the header's CSS class.</param>
/// <param name="Declared">How many operations declare it.</param>
public sealed record MatrixColumnView(string Key, string Family, int Declared);

/// <summary>One operation's row.</summary>
/// <param name="Id">Anchor of the row.</param>
/// <param name="Method">Upper-case method (<c>POST</c>).</param>
/// <param name="MethodClass">Lower-case method, for CSS (<c>post</c>).</param>
/// <param name="Path">The path template.</param>
/// <param name="OperationId">The operationId, when present.</param>
/// <param name="Summary">The summary, when present.</param>
/// <param name="Ruleset">The name of the ruleset in force for the operation (differs from the document's when an override renames it).</param>
/// <param name="Overridden">Whether an override of the ruleset applies to this operation.</param>
/// <param name="Findings">How many findings concern the operation.</param>
/// <param name="FindingsAnchor">Anchor of the operation's findings group; <c>null</c> when it has none.</param>
/// <param name="Cells">One cell per column, in column order.</param>
public sealed record MatrixRowView(
    string Id,
    string Method,
    string MethodClass,
    string Path,
    string? OperationId,
    string? Summary,
    string Ruleset,
    bool Overridden,
    int Findings,
    string? FindingsAnchor,
    IReadOnlyList<MatrixCellView> Cells);

/// <summary>One operation × status code.</summary>
/// <param name="Code">The column's status key.</param>
/// <param name="Declared">Whether the operation declares it.</param>
/// <param name="Verdict"><c>allowed</c>, <c>violation</c>, <c>missing</c>, <c>suppressed</c> or <c>absent</c> (see the legend).</param>
/// <param name="Severity">For a violation or a missing code: the highest severity of its findings (<c>error</c>, <c>warning</c>, <c>info</c>); else empty.</param>
/// <param name="Symbol">What the cell shows.</param>
/// <param name="Label">The verdict in a few words.</param>
public sealed record MatrixCellView(string Code, bool Declared, string Verdict, string Severity, string Symbol, string Label)
{
    private readonly string? _operation;
    private readonly string? _reason;
    private string? _detail;

    /// <summary>A cell with its detail.</summary>
    public MatrixCellView(string code, bool declared, string verdict, string severity, string symbol, string label, string detail)
        : this(code, declared, verdict, severity, symbol, label) => _detail = detail;

    /// <summary>
    /// A cell whose detail is <c>{operation} · {code}: {reason}</c>, made when first read: a cell of
    /// <see cref="MatrixCells"/> is made whenever a template reads it, and most are never asked for their detail.
    /// </summary>
    internal MatrixCellView(string code, bool declared, string verdict, string severity, string symbol, string label, string operation, string reason)
        : this(code, declared, verdict, severity, symbol, label)
    {
        _operation = operation;
        _reason = reason;
    }

    /// <summary>Why: the findings' rule ids and messages, or what the ruleset says; the cell's tooltip.</summary>
    public string Detail
    {
        get => _detail ??= string.Concat(_operation, " · ", Code, ": ", _reason);
        init
        {
            _detail = value;
            _operation = null;
            _reason = null;
        }
    }

    /// <inheritdoc/>
    public bool Equals(MatrixCellView? other) =>
        other is not null && Code == other.Code && Declared == other.Declared && Verdict == other.Verdict && Severity == other.Severity
        && Symbol == other.Symbol && Label == other.Label && Detail == other.Detail;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Declared, Verdict, Severity, Symbol, Label, Detail);
}

/// <summary>The findings of one rule in one document.</summary>
/// <param name="Id">Anchor of the group.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Severity">The highest severity among the findings.</param>
/// <param name="Count">How many findings.</param>
/// <param name="Findings">The findings, sorted by line.</param>
public sealed record RuleGroupView(string Id, RuleView Rule, string Severity, int Count, IReadOnlyList<FindingView> Findings);

/// <summary>The findings of one operation (or of the document as a whole) in one document.</summary>
/// <param name="Id">Anchor of the group.</param>
/// <param name="Operation"><c>POST /orders</c>, or <c>Document</c> for findings that concern no operation.</param>
/// <param name="Method">Upper-case method; <c>null</c> for the document group.</param>
/// <param name="MethodClass">Lower-case method, for CSS; <c>null</c> for the document group.</param>
/// <param name="Path">The path template; <c>null</c> for the document group.</param>
/// <param name="IsDocument">Whether this is the group of document-level findings.</param>
/// <param name="Count">How many findings.</param>
/// <param name="Findings">The findings, sorted by line.</param>
public sealed record OperationGroupView(
    string Id,
    string Operation,
    string? Method,
    string? MethodClass,
    string? Path,
    bool IsDocument,
    int Count,
    IReadOnlyList<FindingView> Findings);

/// <summary>One finding, with what a reader needs to act on it.</summary>
/// <param name="Id">Unique id in the report (<c>doc-1-f-3</c>).</param>
/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleTitle">The rule's title.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="SeverityLabel"><c>Error</c>, <c>Warning</c> or <c>Info</c>.</param>
/// <param name="Message">What is wrong and what the ruleset wants.</param>
/// <param name="Operation"><c>POST /orders</c>, when the finding concerns an operation.</param>
/// <param name="StatusCode">The response key it concerns, when it concerns one.</param>
/// <param name="File">The file it is in, relative to the working folder.</param>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="Location"><c>file:line:column</c>, or the file alone when the position is unknown.</param>
/// <param name="Pointer">The JSON pointer of the node it is about.</param>
/// <param name="Rationale">The guideline's words behind the requirement, from the ruleset; <c>null</c> when it gives none.</param>
/// <param name="Guideline">The guideline the ruleset encodes (its <c>source</c>), to attribute the rationale.</param>
/// <param name="HelpUri">The rule's help page.</param>
/// <param name="Related">Further places, such as the definition behind a <c>$ref</c>: <c>file:line:column</c> each.</param>
/// <param name="Excerpt">A few source lines around the finding; empty when the position is unknown.</param>
public sealed record FindingView(
    string Id,
    string RuleId,
    string RuleTitle,
    string Severity,
    string SeverityLabel,
    string Message,
    string? Operation,
    string? StatusCode,
    string File,
    int Line,
    int Column,
    string Location,
    string Pointer,
    string? Rationale,
    string? Guideline,
    string HelpUri,
    IReadOnlyList<string> Related,
    IReadOnlyList<ExcerptLineView> Excerpt)
{
    /// <summary>For a suppressed finding: <c>ignored in the document</c> or <c>known to the baseline</c>; <c>null</c> when reported.</summary>
    public string? Suppression { get; init; }

    /// <summary>
    /// Where the project's C# declares the operation or response (<c>Program.cs:14:47</c>), when the lint was given
    /// the project (a build that generates its document, or <c>lint --project</c>); <c>null</c> otherwise.
    /// </summary>
    public string? Declaration { get; init; }

    /// <summary>For a finding suppressed with a reason (<c>x-openapi-lint-ignore: { OAL0001: "…" }</c>): the reason.</summary>
    public string? Justification { get; init; }

    /// <summary>
    /// Where the severity was set when not by the requirement itself (<c>rules.OAL0004</c>: the ruleset's setting for
    /// the rule); <c>null</c> when the requirement's own severity (or the rule's default) applied.
    /// </summary>
    public string? SeverityFrom { get; init; }

    /// <summary>The sentence behind <see cref="SeverityFrom"/>, when it has one other than <see cref="FindingView.Rationale"/>.</summary>
    public string? SeverityRationale { get; init; }
}

/// <summary>One line of a source excerpt.</summary>
/// <param name="Number">Its 1-based line number.</param>
/// <param name="Text">The line as written in the file, cut to <see cref="ReportViewModelBuilder.ExcerptWidth"/> characters around the finding's column (with <see cref="ReportViewModelBuilder.ExcerptCut"/> where it was cut).</param>
/// <param name="Marked">Whether it is the finding's line.</param>
public sealed record ExcerptLineView(int Number, string Text, bool Marked);

/// <summary>A file that could not be linted.</summary>
/// <param name="File">The file at fault, relative to the working folder.</param>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="Location"><c>file:line:column</c>, or the file alone when the position is unknown.</param>
/// <param name="Message">What is wrong.</param>
public sealed record LoadErrorView(string File, int Line, int Column, string Location, string Message)
{
    /// <summary>The load error's code (<c>OAL9001</c> document, <c>OAL9002</c> ruleset…), as every other output shows it.</summary>
    public string Code { get; init; } = Diagnostics.LoadErrorCodes.DocumentNotLoaded;
}
