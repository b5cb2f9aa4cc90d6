using System.CommandLine;
using OpenApiLint.Cli.Input;
using OpenApiLint.Cli.Output;
using OpenApiLint.Core.Baselines;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;

namespace OpenApiLint.Cli.Commands;

/// <summary>What <c>lint</c> was asked to do, once parsed.</summary>
internal sealed record LintRequest(
    IReadOnlyList<string> Paths,
    string? Ruleset,
    string Format,
    string? Output,
    string FailOn,
    bool Quiet,
    bool NoColor,
    string? Template,
    string? Project = null,
    string? Baseline = null,
    string? WriteBaseline = null,
    bool Why = true);

/// <summary>
/// <c>lint &lt;paths…&gt;</c>: expands files, folders and globs, lints them in parallel through Core's
/// <see cref="LintRunner"/>, and writes the report in the chosen format to stdout or, whole and atomically, to a file.
/// </summary>
internal static class LintCommand
{
    /// <summary>Below this many files a progress line would only flicker.</summary>
    public const int ProgressThreshold = 20;

    public static readonly IReadOnlyList<string> FailOnValues = ["error", "warning", "info", "never"];

    public static (Command Command, string[] Examples) Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "OpenAPI documents (JSON or YAML) (none with --project: the project's own), folders (every OpenAPI document below them; bin/, obj/ and node_modules/ skipped) and globs (specs/**/*.yaml).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var ruleset = new Option<string>("--ruleset", "-r")
        {
            Description = "A built-in ruleset name or a ruleset file. Default: the nearest .openapi-lint.json above each document, else 'recommended'.",
            HelpName = "NAME|FILE",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format: text, json, sarif, junit, github or html.",
            DefaultValueFactory = _ => "text",
            HelpName = "FORMAT",
        }.OneOf("format", ReportFormatters.Names);
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the report to FILE (parent folders are created; the file is replaced only once the report is complete).",
            HelpName = "FILE",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding has this severity or a higher one: error, warning, info or never.",
            DefaultValueFactory = _ => "error",
            HelpName = "SEVERITY",
        }.OneOf("severity", FailOnValues);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the findings: no summary line, no progress." };
        var noColor = new Option<bool>("--no-color") { Description = "Never color the text report (NO_COLOR=1 does the same)." };
        var noWhy = new Option<bool>("--no-why") { Description = "Text report: one line per finding, without the note under it that names the severity's guideline sentence." };
        // The note is shown by default now; --why, which asked for it before, is still accepted.
        var why = new Option<bool>("--why") { Description = "Text report: the note under each finding (the default).", Hidden = true };
        var template = new Option<string>("--template")
        {
            Description = "A team's own HTML report template, a file or a folder (html format).",
            HelpName = "FILE|DIR",
        };

        var project = new Option<string>("--project", "-p")
        {
            Description = "The ASP.NET Core project (.csproj) the documents describe: findings are reported at the C# that declares each operation or response.",
            HelpName = "CSPROJ",
        };
        var baseline = new Option<string>("--baseline")
        {
            Description = "Report only findings the baseline FILE does not know; say how many known ones matched and which entries no longer occur.",
            HelpName = "FILE",
        };
        var writeBaseline = new Option<string>("--write-baseline")
        {
            Description = "Record today's findings in the baseline FILE (written whole and atomically; entries that no longer occur are dropped), then report against it.",
            HelpName = "FILE",
        };

        var command = new Command("lint", "Lint OpenAPI documents against a ruleset.");
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { ruleset, format, output, failOn, quiet, noColor, noWhy, why, template, project, baseline, writeBaseline })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Execute(
            new LintRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(ruleset),
                parse.GetValue(format)!.ToLowerInvariant(),
                parse.GetValue(output),
                parse.GetValue(failOn)!.ToLowerInvariant(),
                parse.GetValue(quiet),
                parse.GetValue(noColor),
                parse.GetValue(template),
                parse.GetValue(project),
                parse.GetValue(baseline),
                parse.GetValue(writeBaseline),
                !parse.GetValue(noWhy)),
            console));

        return (command,
        [
            "dotnet openapi-lint lint openapi.yaml",
            "dotnet openapi-lint lint specs/ 'contracts/**/*.json'",
            "dotnet openapi-lint lint openapi.yaml --ruleset minimal-codes --fail-on warning",
            "dotnet openapi-lint lint openapi.yaml --ruleset http-semantics --no-why   # one line per finding, no notes",
            "dotnet openapi-lint lint specs/ --format sarif --output artifacts/openapi-lint.sarif",
            "dotnet openapi-lint lint openapi.json --format github     # annotations in a GitHub Actions job",
            "dotnet openapi-lint lint --project src/OrdersApi/OrdersApi.csproj --format sarif -o orders.sarif",
            "dotnet openapi-lint lint specs/ --write-baseline openapi-lint.baseline.json   # adopt on a legacy API",
            "dotnet openapi-lint lint specs/ --baseline openapi-lint.baseline.json         # then fail only on new findings",
        ]);
    }

    /// <summary>Runs a parsed <c>lint</c> and returns the exit code.</summary>
    public static int Execute(LintRequest request, CliConsole console)
    {
        // An unknown option lands among the paths when it follows them; say so rather than report a missing file.
        var unknownOption = request.Paths.FirstOrDefault(path => path.StartsWith('-') && !File.Exists(console.FullPath(path)));
        if (unknownOption is not null)
        {
            throw new UsageException($"unknown option '{unknownOption}' (see 'dotnet openapi-lint lint --help')");
        }

        // An empty argument (an unset shell variable, say) would otherwise mean "the current folder".
        if (request.Paths.Any(string.IsNullOrWhiteSpace))
        {
            throw new UsageException("an empty path was given; name a file, a folder or a glob");
        }

        var project = request.Project is null ? null : ProjectInput.Open(request.Project, console.WorkingDirectory);
        if (request.Paths.Count == 0 && project is null)
        {
            throw new UsageException("name at least one document, folder or glob, or a project with --project");
        }

        var failOn = request.FailOn == "never" ? (Severity?)null : ParseSeverity(request.FailOn);
        var toFile = request.Output is not null;
        var formatter = ReportFormatters.Create(request.Format, ReportOptionsFor(request, console))
            ?? throw new UsageException($"unknown format '{request.Format}': use {string.Join(", ", ReportFormatters.Names)}");
        if (formatter is HtmlFormatter html)
        {
            // A broken team template is reported before any document is linted, and nothing is written.
            WithTemplateErrorsAsInput(() => html.Template);
        }

        // A broken baseline is bad input: reported before any document is linted, and nothing is written.
        var known = request.Baseline is { } baselinePath ? LoadBaseline(console.FullPath(baselinePath)) : null;
        var previous = request.WriteBaseline is { } target && File.Exists(console.FullPath(target)) && !SameFile(target, request.Baseline, console)
            ? LoadBaseline(console.FullPath(target))
            : known;

        // A project that cannot be evaluated is bad input, reported before any document is linted.
        var locator = project?.Locator();
        var inputs = request.Paths.Count == 0
            ? new InputSet(project!.Documents().ToArray(), [])
            : InputExpander.Expand(request.Paths, console.WorkingDirectory);
        var resolver = new RulesetResolver(request.Ruleset, console.WorkingDirectory);
        // Only the HTML report quotes the documents, and only around its findings; every other format needs the findings
        // alone, so a run over a whole folder of documents does not hold all their text until it prints.
        var runner = new LintRunner(resolver) { KeepSourceText = false, KeepExcerpts = formatter is HtmlFormatter };
        var showProgress = !request.Quiet && !console.IsErrorRedirected && inputs.Files.Count >= ProgressThreshold;
        var linted = showProgress
            ? LintWithProgress(runner, inputs.Files, console)
            : runner.LintFiles(inputs.Files);

        if (locator is not null)
        {
            linted = Declarations.Attach(linted, locator);
        }

        IReadOnlyList<LintResult> results = inputs.Problems.Concat(linted)
            .OrderBy(result => FilePaths.Relative(result.File, console.WorkingDirectory), StringComparer.Ordinal)
            .ToArray();
        var comparison = known?.Apply(results);
        var baselineNotes = new List<string>();
        if (request.WriteBaseline is { } writeTo)
        {
            // Recorded from this run's findings (those the old baseline knew included), keeping the entries of documents
            // not linted now; entries that no longer occur are left out. The run is then reported against it.
            var recorded = Baseline.Record(console.FullPath(writeTo), comparison?.Results ?? results, previous);
            var written = ReportFile.Write(recorded.FilePath, recorded.ToJson(), writeTo, "the baseline");
            var dropped = comparison?.AbsentCount ?? 0;
            baselineNotes.Add($"baseline written to {FilePaths.Relative(written, console.WorkingDirectory)}: {Count(recorded.FindingCount, "finding")}"
                + (dropped > 0 ? $"; {Count(dropped, "entry", "entries")} that no longer occur dropped" : ""));
            comparison = recorded.Apply(results);
        }
        else if (comparison is not null)
        {
            baselineNotes.Add($"baseline {FilePaths.Relative(comparison.Baseline.FilePath, console.WorkingDirectory)}: {Count(comparison.Matched, "known finding")} matched, "
                + $"{Count(comparison.Results.Sum(result => result.Diagnostics.Count), "new finding")}, {Count(comparison.AbsentCount, "entry", "entries")} no longer found"
                + (comparison.AbsentCount > 0 ? " (--write-baseline drops them)" : ""));
        }

        var report = new LintReport(comparison?.Results ?? results, CliApplication.ToolName, CliApplication.Version, console.WorkingDirectory, DateTimeOffset.UtcNow)
        {
            Baseline = comparison,
        };

        // Every input that could not be linted gets its one line on stderr, whatever happens to the report.
        foreach (var error in report.Errors)
        {
            console.Error.WriteLine(InputException.Line(error, console.WorkingDirectory));
        }

        // An override that matches nothing changes nothing, so a typo in its paths would otherwise go unseen.
        foreach (var unmatched in UnmatchedOverride.Find(results))
        {
            var where = unmatched.Location;
            var position = where.HasPosition ? $"({where.Line},{where.Column})" : "";
            console.Error.WriteLine($"{FilePaths.Relative(where.File, console.WorkingDirectory)}{position}: warning: {unmatched.Message}");
        }

        // A report for a file is written into it as it renders (the HTML of a large API is megabytes): the file is
        // replaced only once the whole report is written, so a failing template leaves the last good report as it was.
        string? reportFile = null;
        string? rendered = null;
        if (toFile)
        {
            reportFile = ReportFile.Write(console.FullPath(request.Output!), writer => WriteReport(formatter, report, writer), request.Output!);
        }
        else
        {
            using var text = new StringWriter();
            WriteReport(formatter, report, text);
            rendered = text.ToString();
        }

        if (!request.Quiet)
        {
            // On stdout only when stdout is the text report or a file took the report; else stderr, so a JSON or SARIF
            // report piped from stdout stays parseable.
            var notes = request.Format == "text" || toFile ? console.Out : console.Error;
            foreach (var note in baselineNotes)
            {
                notes.WriteLine(note);
            }
        }

        if (reportFile is not null)
        {
            if (!request.Quiet)
            {
                var summary = new TextFormatter(new ReportOptions()).Summary(report);
                console.Out.WriteLine($"{summary}; {request.Format} report written to {FilePaths.Relative(reportFile, console.WorkingDirectory)}");
            }
        }
        else
        {
            console.Out.Write(rendered);
        }

        if (report.Errors.Count > 0)
        {
            return ExitCodes.Failure;
        }

        return failOn is { } threshold && report.Diagnostics.Any(diagnostic => diagnostic.Severity >= threshold)
            ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    /// <summary>A baseline file that cannot be read (missing, malformed, truncated, foreign) is bad input: one line, exit code 2.</summary>
    private static Baseline LoadBaseline(string path)
    {
        var load = Baseline.Load(path);
        return load.Baseline ?? throw new InputException([load.Error!]);
    }

    private static bool SameFile(string path, string? other, CliConsole console) =>
        other is not null && string.Equals(console.FullPath(path), console.FullPath(other), StringComparison.Ordinal);

    private static string Count(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";

    /// <summary>Formats the report with "\n" line ends; a template error is bad input (<see cref="WithTemplateErrorsAsInput{T}"/>).</summary>
    private static void WriteReport(IReportFormatter formatter, LintReport report, TextWriter writer)
    {
        writer.NewLine = "\n";
        WithTemplateErrorsAsInput(() =>
        {
            formatter.Write(report, writer);
            return 0;
        });
    }

    /// <summary>A template error (with its file, line and column) is bad input: one line and exit code 2.</summary>
    private static T WithTemplateErrorsAsInput<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ReportTemplateException error)
        {
            throw new InputException([error.ToLoadError()]);
        }
    }

    /// <summary>What the formatter is told: colors only for text on a terminal that welcomes them, the template as a full path.</summary>
    internal static ReportOptions ReportOptionsFor(LintRequest request, CliConsole console)
    {
        var toFile = request.Output is not null;
        return new ReportOptions(
            Color: request.Format == "text" && !toFile && !request.NoColor && console.ColorsWelcome,
            TemplatePath: request.Template is null ? null : console.FullPath(request.Template),
            // On the terminal, load errors already went to stderr; a file gets the whole story.
            IncludeLoadErrors: toFile,
            IncludeSummary: !request.Quiet,
            IncludeRationale: request.Why);
    }

    private static Severity ParseSeverity(string name) =>
        SeverityNames.TryParse(name, out var severity) ? severity : throw new UsageException($"unknown severity '{name}'");

    private static IReadOnlyList<LintResult> LintWithProgress(LintRunner runner, IReadOnlyList<string> files, CliConsole console)
    {
        // The runner lints a batch in parallel; batches are small enough for the counter to move, large enough to keep every core busy.
        var batchSize = Math.Max(Environment.ProcessorCount * 4, files.Count / 50);
        var results = new List<LintResult>(files.Count);
        using var progress = new ProgressLine(console.Error, files.Count);
        for (var start = 0; start < files.Count; start += batchSize)
        {
            var batch = files.Skip(start).Take(batchSize).ToArray();
            results.AddRange(runner.LintFiles(batch));
            progress.Report(results.Count);
        }

        return results;
    }
}
