using System.Globalization;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Rulesets;

namespace OpenApiLint.Core.Report;

/// <summary>
/// Turns a <see cref="LintReport"/> into the <see cref="ReportViewModel"/> templates render: relative paths, counts,
/// groupings, source excerpts and the status-code matrix. Pure: the same report always gives the same model.
/// </summary>
public static class ReportViewModelBuilder
{
    /// <summary>Lines shown above and below a finding's line in its excerpt.</summary>
    public const int ExcerptContext = SourceExcerpts.Context;

    /// <summary>
    /// Characters of a source line shown in an excerpt, around the finding's column: a minified document is one
    /// line of megabytes, and the report must grow with its findings, not with its bytes.
    /// </summary>
    public const int ExcerptWidth = SourceExcerpts.Width;

    /// <summary>Marks where an excerpt line was cut.</summary>
    public const string ExcerptCut = SourceExcerpts.Cut;

    private static readonly Severity[] ShownSeverities = [Severity.Error, Severity.Warning, Severity.Info];

    /// <summary>Builds the view model of <paramref name="report"/>.</summary>
    public static ReportViewModel Build(LintReport report)
    {
        var paths = new DisplayPaths(report.WorkingDirectory, report.Rules);
        var diagnostics = report.Diagnostics;
        var documents = new List<DocumentView>();
        foreach (var result in report.Results.Where(result => result.Linted && result.Document is not null && result.Ruleset is not null))
        {
            documents.Add(DocumentBuilder.Build(documents.Count + 1, result, paths));
        }

        // A broken ruleset is reported once per document it was meant for; the report lists each error once.
        var loadErrors = report.Errors
            .Distinct()
            .Select(error => new LoadErrorView(paths.Show(error.File), error.Line, error.Column, Location(paths.Show(error.File), error.Line, error.Column), error.Message) { Code = error.Code })
            .ToArray();
        var utc = report.Timestamp.ToUniversalTime();
        return new ReportViewModel(
            new ToolView(report.ToolName, report.ToolVersion),
            utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            Summarize(report, documents, loadErrors.Length),
            ShownSeverities.Select(severity => new SeverityCountView(severity.ToName(), PluralLabel(severity), report.Count(severity))).ToArray(),
            Rulesets(report, paths),
            Rules(diagnostics, paths),
            Legend,
            documents,
            loadErrors);
    }

    /// <summary>The legend of the status-code matrix, one entry per verdict.</summary>
    public static IReadOnlyList<LegendEntryView> Legend { get; } =
    [
        new(Verdicts.Allowed, "✓", "allowed", "Declared, and the ruleset in force for the operation allows it."),
        new(Verdicts.Violation, "✕", "violation", "Declared, and the ruleset reports it: a code the method may not use, or a response that lacks what the ruleset wants. The colour is the finding's severity."),
        new(Verdicts.Missing, "!", "required but missing", "Not declared, though the ruleset requires it for the method."),
        new(Verdicts.Suppressed, "~", "against the ruleset, not reported", $"The ruleset disagrees, but the finding is suppressed: ignored with {LintExtensions.Ignore}, or known to the baseline."),
        new(Verdicts.Absent, "", "not declared", "The operation does not declare this code, and nothing requires it."),
    ];

    internal static string Location(string file, int line, int column) =>
        line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{Math.Max(column, 1)}") : file;

    internal static string Label(Severity severity) => severity switch
    {
        Severity.Error => "Error",
        Severity.Warning => "Warning",
        _ => "Info",
    };

    private static string PluralLabel(Severity severity) => severity switch
    {
        Severity.Error => "Errors",
        Severity.Warning => "Warnings",
        _ => "Info",
    };

    private static SummaryView Summarize(LintReport report, IReadOnlyList<DocumentView> documents, int loadErrors)
    {
        var errors = report.Count(Severity.Error);
        var warnings = report.Count(Severity.Warning);
        var infos = report.Count(Severity.Info);
        var outcome = errors > 0 || loadErrors > 0 ? "failed" : warnings > 0 ? "warnings" : "passed";
        var parts = new List<string>();
        if (errors > 0) parts.Add(Count(errors, "error"));
        if (warnings > 0) parts.Add(Count(warnings, "warning"));
        if (infos > 0) parts.Add(Count(infos, "info", "info"));
        var unlinted = report.Results.Count(result => !result.Linted);
        if (unlinted > 0) parts.Add(unlinted == 1 ? "1 file could not be linted" : $"{unlinted} files could not be linted");
        if (report.SkippedOperations is { } skipped) parts.Add(skipped);

        return new SummaryView(
            report.Results.Count,
            documents.Count,
            documents.Sum(document => document.Operations),
            report.Diagnostics.Count,
            errors,
            warnings,
            infos,
            loadErrors,
            outcome,
            parts.Count == 0 ? "No findings" : string.Join(", ", parts))
        {
            Suppressed = report.CountSuppressed(SuppressionKind.InSource),
            Baselined = report.CountSuppressed(SuppressionKind.Baseline),
        };
    }

    internal static string Count(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";

    private static RulesetView[] Rulesets(LintReport report, DisplayPaths paths)
    {
        // The resolver loads each ruleset once, so documents checked against the same ruleset share the instance.
        var groups = new List<(Ruleset Ruleset, List<LintResult> Results)>();
        foreach (var result in report.Results.Where(result => result.Ruleset is not null))
        {
            var index = groups.FindIndex(group => ReferenceEquals(group.Ruleset, result.Ruleset));
            if (index < 0)
            {
                groups.Add((result.Ruleset!, [result]));
            }
            else
            {
                groups[index].Results.Add(result);
            }
        }

        var views = new List<RulesetView>();
        foreach (var (ruleset, group) in groups)
        {
            views.Add(new RulesetView(
                ruleset.Name,
                ruleset.Title,
                ruleset.Description,
                ruleset.Source,
                ruleset.FilePath is null ? null : paths.Show(ruleset.FilePath),
                ruleset.FilePath is null,
                ruleset.Extends.Select(parent => BuiltInRulesets.Exists(parent) ? parent : paths.Show(parent)).ToArray(),
                group.Select(result => paths.Show(result.File)).ToArray()));
        }

        return [.. views];
    }

    private static RuleView[] Rules(IReadOnlyList<Diagnostic> diagnostics, DisplayPaths paths) =>
        diagnostics
            .GroupBy(diagnostic => diagnostic.RuleId, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => RuleOf(group.Key, group.Count(), paths.Rule(group.Key)))
            .ToArray();

    internal static RuleView RuleOf(string id, int count, IRule? rule)
    {
        if (rule is null)
        {
            return new RuleView(id, id, id, "", "", RuleIds.HelpBaseUri + id + ".md", Severity.Warning.ToName(), count);
        }

        // What it checks and how to fix it, in a sentence or two each: the first paragraphs of the rule's help page.
        var descriptor = rule.Descriptor;
        var help = RuleHelp.For(rule);
        return new RuleView(descriptor.Id, descriptor.Name, descriptor.Title, help.Summary, help.FixSummary, descriptor.HelpUri, descriptor.DefaultSeverity.ToName(), count);
    }

    /// <summary>The verdict ids of matrix cells.</summary>
    internal static class Verdicts
    {
        public const string Allowed = "allowed";
        public const string Violation = "violation";
        public const string Missing = "missing";
        public const string Suppressed = "suppressed";
        public const string Absent = "absent";
    }

    /// <summary>Builds one document's section.</summary>
    private sealed class DocumentBuilder
    {
        private readonly string _id;
        private readonly LintResult _result;
        private readonly OpenApiLintDocument _document;
        private readonly Ruleset _ruleset;
        private readonly DisplayPaths _paths;

        private DocumentBuilder(int index, LintResult result, DisplayPaths paths)
        {
            _id = string.Create(CultureInfo.InvariantCulture, $"doc-{index}");
            _result = result;
            _document = result.Document!;
            _ruleset = result.Ruleset!;
            _paths = paths;
        }

        public static DocumentView Build(int index, LintResult result, DisplayPaths paths) => new DocumentBuilder(index, result, paths).Build(index);

        private DocumentView Build(int index)
        {
            var operations = _document.Operations;
            // Made for the first finding that names an operation: a clean document of 22,000 operations hashes no path.
            Dictionary<(string Path, string Method), int>? operationIndex = null;
            int? OperationOf(Diagnostic diagnostic)
            {
                if (diagnostic.Path is not { } path || diagnostic.Method is not { } method)
                {
                    return null;
                }

                if (operationIndex is null)
                {
                    operationIndex = new Dictionary<(string Path, string Method), int>(operations.Count);
                    for (var i = 0; i < operations.Count; i++)
                    {
                        operationIndex.TryAdd((operations[i].Path, operations[i].Method), i);
                    }
                }

                return operationIndex.TryGetValue((path, method), out var at) ? at : null;
            }

            var findings = new List<(Diagnostic Diagnostic, FindingView View, int? Operation)>();
            foreach (var diagnostic in _result.Diagnostics)
            {
                var operation = OperationOf(diagnostic);
                findings.Add((diagnostic, Finding(findings.Count + 1, diagnostic, operation is { } i ? operations[i] : null), operation));
            }

            var byRule = findings
                .GroupBy(finding => finding.Diagnostic.RuleId, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new RuleGroupView(
                    $"{_id}-rule-{group.Key}",
                    RuleOf(group.Key, group.Count(), _paths.Rule(group.Key)),
                    group.Max(finding => finding.Diagnostic.Severity).ToName(),
                    group.Count(),
                    group.Select(finding => finding.View).ToArray()))
                .ToArray();

            var byOperation = new List<OperationGroupView>();
            var documentLevel = findings.Where(finding => finding.Operation is null).Select(finding => finding.View).ToArray();
            if (documentLevel.Length > 0)
            {
                byOperation.Add(new OperationGroupView($"{_id}-document-findings", "Document", null, null, null, true, documentLevel.Length, documentLevel));
            }

            var rowsWithFindings = new HashSet<int>();
            foreach (var group in findings.Where(finding => finding.Operation is not null).GroupBy(finding => finding.Operation!.Value).OrderBy(group => group.Key))
            {
                var operation = operations[group.Key];
                var anchor = $"{MatrixRows.RowId(_id, group.Key)}-findings";
                rowsWithFindings.Add(group.Key);
                var views = group.Select(finding => finding.View).ToArray();
                byOperation.Add(new OperationGroupView(anchor, operation.DisplayName, operation.Method.ToUpperInvariant(), operation.Method.ToLowerInvariant(), operation.Path, false, views.Length, views));
            }

            var matrix = new MatrixBuilder(_ruleset, operations, _result.AllFindings).Build(_id, rowsWithFindings);

            return new DocumentView(
                _id,
                index,
                _paths.Show(_document.FilePath),
                _document.Title,
                _document.SpecVersion,
                _document.Format.ToString().ToLowerInvariant(),
                _ruleset.Name,
                operations.Count,
                _result.Diagnostics.Count,
                _result.Count(Severity.Error),
                _result.Count(Severity.Warning),
                _result.Count(Severity.Info),
                matrix,
                byRule,
                byOperation)
            {
                Suppressed = _result.Suppressed.Count,
                SuppressedFindings = _result.Suppressed
                    .Select((diagnostic, i) => Finding(findings.Count + i + 1, diagnostic, OperationOf(diagnostic) is { } at ? operations[at] : null))
                    .ToArray(),
            };
        }

        private FindingView Finding(int number, Diagnostic diagnostic, ApiOperation? operation)
        {
            var location = diagnostic.Location;
            var file = _paths.Show(location.File);
            // The guideline the quoted sentence was written in (a team file's own, or the built-in it extends).
            var guideline = diagnostic.GuidelineSource ?? diagnostic.Guideline;
            return new FindingView(
                string.Create(CultureInfo.InvariantCulture, $"{_id}-f-{number}"),
                diagnostic.RuleId,
                _paths.Rule(diagnostic.RuleId)?.Descriptor.Title ?? diagnostic.RuleId,
                diagnostic.Severity.ToName(),
                Label(diagnostic.Severity),
                diagnostic.Message,
                operation?.DisplayName,
                diagnostic.StatusCode,
                file,
                location.Line,
                location.Column,
                Location(file, location.Line, location.Column),
                location.Pointer,
                diagnostic.Rationale,
                diagnostic.Rationale is null ? null : guideline,
                _paths.Rule(diagnostic.RuleId)?.Descriptor.HelpUri ?? RuleIds.HelpBaseUri + diagnostic.RuleId + ".md",
                diagnostic.RelatedLocations.Select(related => Location(_paths.Show(related.File), related.Line, related.Column)).ToArray(),
                Excerpt(location))
            {
                Suppression = diagnostic.Suppression is { } suppression ? SuppressionLabel(suppression) : null,
                Justification = diagnostic.Suppression?.Justification,
                SeverityFrom = diagnostic.SeverityFrom,
                SeverityRationale = diagnostic.SeverityRationale,
                Declaration = diagnostic.Declaration is { } declaration ? Location(_paths.Show(declaration.File), declaration.Line, declaration.Column) : null,
            };
        }

        private ExcerptLineView[] Excerpt(SourceLocation location) =>
            [.. _document.ExcerptAt(location).Select(line => new ExcerptLineView(line.Number, line.Text, line.Marked))];
    }

    /// <summary>
    /// At most <see cref="ExcerptWidth"/> characters of <paramref name="line"/> around <paramref name="column"/>
    /// (a third before it, the rest after), with <see cref="ExcerptCut"/> where the line goes on.
    /// </summary>
    internal static string Window(string line, int column) => SourceExcerpts.Window(line, column);

    /// <summary>Computes the status-code matrix of one document from the rulesets in force and the diagnostics.</summary>
    private sealed class MatrixBuilder(Ruleset ruleset, IReadOnlyList<ApiOperation> operations, IReadOnlyList<Diagnostic> diagnostics)
    {
        /// <summary>The matrix of document <paramref name="documentId"/>; <paramref name="rowsWithFindings"/> are the operations with a findings group.</summary>
        public MatrixView Build(string documentId, IReadOnlySet<int> rowsWithFindings)
        {
            var methods = new MethodNames();
            // Findings by operation, once: a large document has tens of thousands of operations and as many findings.
            // Most operations of a large document have none; their facts are made for their row alone and not kept.
            var byOperation = diagnostics.Where(d => d.Path is not null && d.Method is not null).ToLookup(d => (d.Path!, d.Method!));
            var withFindings = new Dictionary<int, OperationFacts>();

            // The columns first: every code an operation declares, or is required to and does not.
            var declaredBy = new Dictionary<string, int>(StringComparer.Ordinal);
            var codes = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < operations.Count; i++)
            {
                var operation = operations[i];
                for (var r = 0; r < operation.Responses.Count; r++)
                {
                    var code = StatusCodes.Normalize(operation.Responses[r].StatusKey);
                    if (!OperationFacts.Declares(operation, code, before: r))
                    {
                        declaredBy[code] = declaredBy.GetValueOrDefault(code) + 1;
                        codes.Add(code);
                    }
                }

                if (byOperation.Count > 0 && byOperation.Contains((operation.Path, operation.Method)))
                {
                    var facts = withFindings[i] = new OperationFacts(operation, byOperation[(operation.Path, operation.Method)]);
                    codes.UnionWith(facts.MissingRequired);
                }
            }

            var ordered = codes.Order(StatusCodes.Order).ToArray();
            var columns = ordered.Select(code => new MatrixColumnView(code, Family(code), declaredBy.GetValueOrDefault(code))).ToArray();
            var cells = new CellCatalog(new MatrixCellTable(ordered, operations.Count), methods);
            var rows = new MatrixRowFacts[operations.Count];
            for (var i = 0; i < operations.Count; i++)
            {
                var operation = operations[i];
                var facts = withFindings.GetValueOrDefault(i) ?? new OperationFacts(operation, []);
                var effective = ruleset.ForOperation(operation.Path, operation.Method);
                facts.WriteCells(cells, i, effective);
                rows[i] = new MatrixRowFacts(operation, methods.Upper(operation.Method), methods.Lower(operation.Method), effective.Name,
                    !ReferenceEquals(effective, ruleset), facts.Findings.Count, rowsWithFindings.Contains(i));
            }

            return new MatrixView(columns, new MatrixRows(documentId, cells.Table, rows));
        }

        private static string Family(string key) =>
            StatusCodes.IsCode(key) || StatusCodes.IsRange(key) ? $"{key[0]}xx" : key == StatusCodes.Default ? "default" : "invalid";
    }

    /// <summary>
    /// The cell table being filled, with the kinds and reasons most cells share found once: in a large document nearly
    /// every cell is allowed or absent, with the same reason as the other cells of its method under its ruleset.
    /// </summary>
    private sealed class CellCatalog(MatrixCellTable table, MethodNames methods)
    {
        private static readonly Dictionary<string, string> Symbols = Legend.ToDictionary(entry => entry.Verdict, entry => entry.Symbol, StringComparer.Ordinal);

        private readonly Dictionary<Ruleset, Dictionary<string, int>> _allowedReasons = new(ReferenceEqualityComparer.Instance);

        public MatrixCellTable Table => table;

        public int Allowed { get; } = table.Kind(new CellKind(Verdicts.Allowed, "", Symbols[Verdicts.Allowed], "allowed", Declared: true));

        public int Absent { get; } = table.Kind(new CellKind(Verdicts.Absent, "", Symbols[Verdicts.Absent], "not declared", Declared: false));

        public int NotDeclared { get; } = table.Reason("not declared");

        private readonly Dictionary<string, int> _columns = table.Codes.Select((code, column) => (code, column)).ToDictionary(entry => entry.code, entry => entry.column, StringComparer.Ordinal);

        public string UpperCase(string method) => methods.Upper(method);

        /// <summary>The column of <paramref name="code"/>: every code an operation declares has one.</summary>
        public int ColumnOf(string code) => _columns[code];

        public int Kind(bool declared, string verdict, string severity, string label) => table.Kind(new CellKind(verdict, severity, Symbols[verdict], label, declared));

        /// <summary>Why a declared code is allowed for <paramref name="method"/> (as the operation writes it) under <paramref name="effective"/>.</summary>
        public int AllowedReason(Ruleset effective, string method)
        {
            var byMethod = _allowedReasons.TryGetValue(effective, out var found) ? found : _allowedReasons[effective] = new(StringComparer.Ordinal);
            if (!byMethod.TryGetValue(method, out var reason))
            {
                var shown = methods.Upper(method);
                byMethod[method] = reason = table.Reason(effective.ForMethod(method)?.Allowed is { } allowed
                    ? $"declared; {effective.Name} allows {shown}: {StatusCodes.Join(allowed)}"
                    : $"declared; {effective.Name} sets no code list for {shown}");
            }

            return reason;
        }
    }

    /// <summary>How a suppressed finding is described: <c>ignored in the document</c>, <c>known to the baseline</c>.</summary>
    internal static string SuppressionLabel(Suppression suppression) => suppression.Kind switch
    {
        SuppressionKind.InSource => "ignored in the document",
        _ => "known to the baseline",
    };

    /// <summary>
    /// One operation's row: the codes it declares, and what the engine found about each, reported or suppressed.
    /// Verdicts come from the findings alone (the report runs no rule logic of its own): a code with a reported finding
    /// is a violation, one with only suppressed findings is "against the ruleset, not reported", a code a reported
    /// (or suppressed) required-code finding names is missing (or suppressed).
    /// </summary>
    private sealed class OperationFacts
    {
        private static readonly HashSet<string> CodeRules = new(StringComparer.Ordinal)
        {
            RuleIds.StatusCodeNotAllowed,
            RuleIds.DefaultResponseNotAllowed,
            RuleIds.InvalidStatusCodeKey,
        };

        private readonly Diagnostic[] _requiredMissing;

        public OperationFacts(ApiOperation operation, IEnumerable<Diagnostic> findings)
        {
            Operation = operation;
            var all = findings.ToArray();
            Findings = all.Length == 0 ? [] : all.Where(d => !d.IsSuppressed).ToArray();
            Suppressed = all.Length == 0 ? [] : all.Where(d => d.IsSuppressed).ToArray();
            _requiredMissing = all.Length == 0 ? [] : all.Where(d => d.RuleId == RuleIds.RequiredStatusCodeMissing).ToArray();
            MissingRequired = _requiredMissing.Length == 0 ? [] : _requiredMissing
                .SelectMany(d => d.Fingerprint.SubjectParts)
                .Where(code => !Declares(operation, code))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
        }

        public ApiOperation Operation { get; }

        /// <summary>Codes a reported or suppressed required-code finding names and the operation does not declare.</summary>
        public string[] MissingRequired { get; }

        /// <summary>The operation's reported findings.</summary>
        public IReadOnlyList<Diagnostic> Findings { get; }

        /// <summary>The operation's suppressed findings.</summary>
        public IReadOnlyList<Diagnostic> Suppressed { get; }

        /// <summary>
        /// Whether one of the first <paramref name="before"/> responses of <paramref name="operation"/> (all of them by
        /// default) has the status key <paramref name="code"/>, normalized. An operation declares a handful of codes:
        /// searched in place, they need no set per operation, and Microsoft Graph has 22,000 operations.
        /// </summary>
        public static bool Declares(ApiOperation operation, string code, int before = int.MaxValue)
        {
            var responses = operation.Responses;
            for (var r = 0; r < responses.Count && r < before; r++)
            {
                if (StatusCodes.Normalize(responses[r].StatusKey) == code)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Writes the operation's cells into row <paramref name="row"/> of the catalog's table; <paramref name="effective"/> is the ruleset in force for it.</summary>
        public void WriteCells(CellCatalog cells, int row, Ruleset effective)
        {
            var table = cells.Table;
            table.SetOperation(row, cells.UpperCase(Operation.Method), Operation.Path);
            // The declared columns from the responses once, not each response for each column.
            var columns = table.Codes.Count;
            Span<bool> declared = columns <= 256 ? stackalloc bool[columns] : new bool[columns];
            declared.Clear();
            foreach (var response in Operation.Responses)
            {
                declared[cells.ColumnOf(StatusCodes.Normalize(response.StatusKey))] = true;
            }

            for (var column = 0; column < columns; column++)
            {
                var (kind, reason) = Cell(cells, table.Codes[column], declared[column], effective);
                table.Set(row, column, kind, reason);
            }
        }

        /// <summary>The cell's kind and reason: its detail is <c>{METHOD} {path} · {code}: {reason}</c>.</summary>
        private (int Kind, int Reason) Cell(CellCatalog cells, string code, bool declared, Ruleset effective)
        {
            var table = cells.Table;
            if (declared)
            {
                var reported = Findings.Count == 0 ? [] : Findings.Where(d => IsAbout(d, code)).ToArray();
                if (reported.Length > 0)
                {
                    var notAllowed = reported.Any(d => CodeRules.Contains(d.RuleId));
                    return (cells.Kind(true, Verdicts.Violation, reported.Max(d => d.Severity).ToName(), notAllowed ? "not allowed" : "response breaks the ruleset"),
                        table.Reason("declared; " + string.Join("; ", reported.Select(d => $"{d.RuleId} {d.Severity.ToName()}: {d.Message}"))));
                }

                var suppressed = Suppressed.Count == 0 ? [] : Suppressed.Where(d => IsAbout(d, code)).ToArray();
                return suppressed.Length > 0
                    ? (cells.Kind(true, Verdicts.Suppressed, "", "against the ruleset, not reported"), table.Reason("declared; " + Describe(suppressed)))
                    : (cells.Allowed, cells.AllowedReason(effective, Operation.Method));
            }

            if (Array.IndexOf(MissingRequired, code) >= 0)
            {
                var missing = _requiredMissing.Where(d => !d.IsSuppressed && d.Fingerprint.SubjectParts.Contains(code)).ToArray();
                return missing.Length > 0
                    ? (cells.Kind(false, Verdicts.Missing, missing.Max(d => d.Severity).ToName(), "required but missing"), table.Reason($"not declared; {missing[0].Message}"))
                    : (cells.Kind(false, Verdicts.Suppressed, "", "against the ruleset, not reported"),
                        table.Reason("not declared; " + Describe(_requiredMissing.Where(d => d.Fingerprint.SubjectParts.Contains(code)).ToArray())));
            }

            return (cells.Absent, cells.NotDeclared);
        }

        private static bool IsAbout(Diagnostic diagnostic, string code) =>
            diagnostic.StatusCode is { } key && StatusCodes.Normalize(key) == code;

        /// <summary><c>OAL0001 error: …, ignored in the document: kept for v1 clients</c>, for each suppressed finding.</summary>
        private static string Describe(IEnumerable<Diagnostic> suppressed) =>
            string.Join("; ", suppressed.Select(d =>
                $"{d.RuleId} {d.Severity.ToName()}: {d.Message}, {SuppressionLabel(d.Suppression!)}{(d.Suppression!.Justification is { } why ? ": " + why : "")}"));
    }

    /// <summary>
    /// A method's upper- and lower-case forms, made once per method: a row per operation would otherwise make both.
    /// </summary>
    private sealed class MethodNames
    {
        private readonly Dictionary<string, (string Upper, string Lower)> _names = new(StringComparer.Ordinal);

        public string Upper(string method) => Of(method).Upper;

        public string Lower(string method) => Of(method).Lower;

        private (string Upper, string Lower) Of(string method)
        {
            if (!_names.TryGetValue(method, out var names))
            {
                _names[method] = names = (method.ToUpperInvariant(), method.ToLowerInvariant());
            }

            return names;
        }
    }

    /// <summary>
    /// Names files as every other output does (<see cref="FilePaths.Relative"/>: relative to the working folder, with
    /// forward slashes, <c>../</c> kept), so a file is named the same in the HTML report and in the text output; and
    /// finds the run's rules (<see cref="LintReport.Rules"/>) for their titles and help.
    /// </summary>
    private sealed class DisplayPaths(string workingDirectory, IReadOnlyList<IRule> rules)
    {
        public string Show(string path) => FilePaths.Relative(path, workingDirectory);

        public IRule? Rule(string id) => rules.FirstOrDefault(rule => rule.Descriptor.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
    }
}
