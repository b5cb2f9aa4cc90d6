using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Build.Framework;
using OpenApiLint.Core.Baselines;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Formatting;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;
using OpenApiLint.Core.Rules;
using OpenApiLint.SourceLocations;

namespace OpenApiLint.MSBuild;

/// <summary>
/// Lints the project's OpenAPI documents with Core and logs every finding as an MSBuild error, warning or message.
/// Leaves in obj/ the cache of what it reported and the list of files it read, and touches the stamp that makes the
/// next build skip it, but only when it reported no error: a document with errors is linted again every build.
/// </summary>
public sealed class LintOpenApiDocuments : OpenApiLintTaskBase
{
    private const string ToolName = "openapi-lint";

    private static readonly StringComparer PathComparer = FilePaths.Comparer;

    private static readonly StringComparison PathComparison = FilePaths.Comparison;

    /// <summary>The documents: @(OpenApiLintDocument) and the documents ASP.NET Core generated.</summary>
    [Required]
    public ITaskItem[] Documents { get; set; } = [];

    /// <summary>$(OpenApiLintRuleset): a built-in name or a file; empty for the nearest .openapi-lint.json, else recommended.</summary>
    public string? Ruleset { get; set; }

    /// <summary>$(OpenApiLintReport): where to write the HTML report.</summary>
    public string? Report { get; set; }

    /// <summary>$(OpenApiLintReportTemplate): the team's own report template (file or folder).</summary>
    public string? ReportTemplate { get; set; }

    /// <summary>$(OpenApiLintSarif): where to write the SARIF log.</summary>
    public string? Sarif { get; set; }

    /// <summary>
    /// The baseline file: $(OpenApiLintBaseline), or openapi-lint.baseline.json beside the project when it exists; empty
    /// for none. The findings it knows are kept but are neither errors nor warnings of the build.
    /// </summary>
    public string? Baseline { get; set; }

    /// <summary>
    /// The documents Microsoft.Extensions.ApiDescription.Server generated from the project (also in <see cref="Documents"/>):
    /// their findings say the C# fix, since the generated file is overwritten by the next build.
    /// </summary>
    public ITaskItem[] GeneratedDocuments { get; set; } = [];

    /// <summary>The package that generates them: <c>Microsoft.AspNetCore.OpenApi</c>, <c>Swashbuckle</c>, <c>NSwag</c> or empty.</summary>
    public string? Generator { get; set; }

    /// <summary>Touched when the lint reported no error; the target's Outputs.</summary>
    [Required]
    public string StampFile { get; set; } = "";

    /// <summary>Receives the files the lint read besides the documents (rulesets, referenced files): next build's Inputs.</summary>
    [Required]
    public string InputsFile { get; set; } = "";

    /// <summary>
    /// $(OpenApiLintSourceLocations): report findings at the C# that declares the operation or response (on by default
    /// for a project that generates its document).
    /// </summary>
    public bool SourceLocations { get; set; }

    /// <summary>@(Compile): the project's C# files, searched for the endpoints the documents describe.</summary>
    public ITaskItem[] SourceFiles { get; set; } = [];

    /// <summary>@(ReferencePath): the assemblies the project compiles against, to resolve constants and types.</summary>
    public ITaskItem[] References { get; set; } = [];

    /// <summary>$(DefineConstants): the preprocessor symbols the project compiles with.</summary>
    public string? DefineConstants { get; set; }

    /// <summary>$(SolutionDir): where SARIF names files from when the project is not in a git repository.</summary>
    public string? SolutionDirectory { get; set; }

    /// <summary>True once the lint ran. A skipped target does not set it, which is how the replay knows to run.</summary>
    [Output]
    public bool Linted { get; set; }

    private protected override void Run()
    {
        LogWhereLoaded();
        var paths = Documents
            .Select(item => Path.GetFullPath(item.ItemSpec, ProjectDirectory))
            .Distinct(PathComparer)
            .ToArray();

        var explicitRuleset = string.IsNullOrWhiteSpace(Ruleset) ? null : Ruleset.Trim();
        // The team file is looked up from the project folder, as the targets do for incremental builds: a document
        // generated into ../openapi belongs to this project and its team all the same.
        // Only the HTML report quotes the documents, and only around its findings: the build keeps those excerpts
        // when it writes one, and no document's text either way.
        var runner = new LintRunner(new RulesetResolver(explicitRuleset, ProjectDirectory, teamFileSearchStart: ProjectDirectory))
        {
            KeepSourceText = false,
            KeepExcerpts = !string.IsNullOrWhiteSpace(Report),
        };
        IReadOnlyList<LintResult> results = runner.LintFiles(paths);
        var (comparison, baselineError) = ApplyBaseline(results);
        results = comparison?.Results ?? results;
        results = Locate(results);

        var findings = Findings(results);
        if (baselineError is not null)
        {
            findings.Insert(0, baselineError);
        }

        var logger = CreateLogger();
        foreach (var finding in findings)
        {
            logger.Log(finding);
        }

        // Entries no linted document produces any more: fixed, and ready to be dropped from the baseline.
        foreach (var entry in comparison?.Absent ?? [])
        {
            Log.LogMessage(MessageImportance.High, "{0}: fixed, no longer found: {1}; write the baseline again to drop it", Subject, entry);
        }

        var kept = Kept(results, comparison);
        WriteReports(results, logger, comparison);
        var rulesets = results.Where(result => result.Ruleset is not null).Select(result => result.Ruleset!.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        WriteIncrementalState(paths, results, rulesets, findings, kept);
        Linted = true;

        // High: shown at dotnet build's default verbosity, so which ruleset applied (a team file found or not) is
        // never a guess.
        Log.LogMessage(
            MessageImportance.High,
            "{0}: linted {1} (ruleset {2}): {3}{4}",
            Subject,
            Tally.Plural(paths.Length, "document"),
            rulesets.Length == 0 ? "not loaded" : string.Join(", ", rulesets),
            logger.Tally,
            kept);

        // Webhooks and callbacks the ruleset skips are said, never skipped silently.
        var webhooks = Total(results, result => result.SkippedWebhooks);
        var callbacks = Total(results, result => result.SkippedCallbacks);
        if (webhooks + callbacks > 0)
        {
            Log.LogMessage(
                MessageImportance.High,
                "{0}: {1} webhook and {2} callback operation(s) not linted (their responses are the subscriber's; set \"webhooks\" or \"callbacks\": \"lint\" in the ruleset to lint them)",
                Subject,
                webhooks,
                callbacks);
        }
    }

    /// <summary>
    /// Reads the baseline and marks the findings it knows. A baseline that cannot be read is error OAL9006 at its
    /// line and column; the findings are then reported as if there were none, so nothing is hidden by a broken file.
    /// </summary>
    private (BaselineComparison? Comparison, BuildFinding? Error) ApplyBaseline(IReadOnlyList<LintResult> results)
    {
        if (string.IsNullOrWhiteSpace(Baseline))
        {
            return (null, null);
        }

        var load = Core.Baselines.Baseline.Load(Path.GetFullPath(Baseline.Trim(), ProjectDirectory));
        return load.Baseline is { } baseline
            ? (baseline.Apply(results), null)
            : (null, AtFileOrProject(load.Error!));
    }

    /// <summary>The summary line's tail for findings kept but not reported: <c>; 2 suppressed in the documents, 61 known to the baseline</c>.</summary>
    private static string Kept(IReadOnlyList<LintResult> results, BaselineComparison? comparison)
    {
        var parts = new List<string>();
        var suppressed = Total(results, result => result.CountSuppressed(SuppressionKind.InSource));
        if (suppressed > 0)
        {
            parts.Add($"{suppressed} suppressed in the documents");
        }

        if (comparison is not null)
        {
            parts.Add($"{comparison.Matched} known to the baseline");
            if (comparison.AbsentCount > 0)
            {
                parts.Add($"{comparison.AbsentCount} no longer found");
            }
        }

        return parts.Count == 0 ? "" : "; " + string.Join(", ", parts);
    }

    /// <summary>
    /// A loop rather than LINQ's <c>Sum</c>, whose generic code over <c>int</c> no precompiled image holds: it was
    /// JIT-compiled in every fresh build node.
    /// </summary>
    private static int Total(IReadOnlyList<LintResult> results, Func<LintResult, int> count)
    {
        var total = 0;
        foreach (var result in results)
        {
            total += count(result);
        }

        return total;
    }

    /// <summary>
    /// For diagnostic builds: the task and its dependencies must live in the load context MSBuild made for this task
    /// from its .deps.json, not in MSBuild's own, or another task's JsonSchema.Net could be the one in use.
    /// </summary>
    /// <remarks>
    /// JsonSchema.Net is named by the assembly the task's load context binds Core's reference to, not through one of
    /// its types: touching a type runs its initialisation (its keyword registry, about 100 JIT-compiled methods in a
    /// fresh build node), which a lint with a built-in ruleset never needs. Nothing is looked up when no logger
    /// records low-importance messages; that alone was not enough: a <c>dotnet build</c> at normal verbosity on this
    /// machine still asked for them.
    /// </remarks>
    private void LogWhereLoaded()
    {
        if (!Log.LogsMessagesOfImportance(MessageImportance.Low))
        {
            return;
        }

        static string Describe(Assembly assembly) =>
            $"{assembly.GetName().Name} {assembly.GetName().Version} from {assembly.Location} in load context '{AssemblyLoadContext.GetLoadContext(assembly)?.Name}'";

        var core = typeof(Linter).Assembly;
        var jsonSchema = (AssemblyLoadContext.GetLoadContext(core) ?? AssemblyLoadContext.Default).LoadFromAssemblyName(new AssemblyName("JsonSchema.Net"));
        Log.LogMessage(MessageImportance.Low, "OpenApiLint {0}: {1}", ToolVersion, Describe(typeof(LintOpenApiDocuments).Assembly));
        Log.LogMessage(MessageImportance.Low, "OpenApiLint {0}: {1}", ToolVersion, Describe(core));
        Log.LogMessage(MessageImportance.Low, "OpenApiLint {0}: {1}", ToolVersion, Describe(jsonSchema));
    }

    /// <summary>Load errors first (each once, though a broken ruleset fails every document), then findings in Core's order.</summary>
    private List<BuildFinding> Findings(IReadOnlyList<LintResult> results)
    {
        var findings = new List<BuildFinding>();
        var seen = new HashSet<BuildFinding>();
        foreach (var result in results)
        {
            foreach (var error in result.Errors)
            {
                // LintRunner leaves Ruleset null exactly when the ruleset is what failed.
                // The load error says what failed (document, ruleset): its code is the build error's.
                var finding = AtFileOrProject(error);
                if (seen.Add(finding))
                {
                    findings.Add(finding);
                }
            }
        }

        var generated = new HashSet<string>(GeneratedDocuments.Select(item => Path.GetFullPath(item.ItemSpec, ProjectDirectory)), PathComparer);
        var generator = GeneratorOf(Generator);
        foreach (var diagnostic in LintRunner.AllDiagnostics(results))
        {
            var explained = generated.Contains(Path.GetFullPath(diagnostic.Location.File, ProjectDirectory))
                ? $"{diagnostic.Message} (generated from this project; in C#: {GeneratedDocumentFixes.For(diagnostic, generator)})"
                : diagnostic.Message;

            // Located in the C#: reported there, with the document position kept in the message.
            var (location, message) = Declarations.Reported(diagnostic with { Message = explained }, ShowDocument);
            findings.Add(new BuildFinding(
                diagnostic.RuleId,
                diagnostic.Severity,
                location.File,
                location.Line,
                location.Column,
                location.EndLine,
                location.EndColumn,
                message,
                RuleCatalog.Find(diagnostic.RuleId)?.Descriptor.HelpUri));
        }

        // A team file above the project is usually shared by the solution's projects, each of which lints only its
        // own documents: an override for another project's routes would warn here for nothing. Judged are the
        // project's own ruleset files (in its folder, or named by $(OpenApiLintRuleset)); the tool, run over the
        // repository, judges a shared one against every document.
        var ownFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(ProjectDirectory)) + Path.DirectorySeparatorChar;
        var named = !string.IsNullOrWhiteSpace(Ruleset);
        foreach (var unmatched in UnmatchedOverride.Find(results).Where(item => named || Path.GetFullPath(item.Location.File).StartsWith(ownFolder, PathComparison)))
        {
            var where = unmatched.Location;
            findings.Add(new BuildFinding(BuildCodes.OverrideMatchesNothing, Severity.Warning, Path.GetFullPath(where.File), where.Line, where.Column, 0, 0, unmatched.Message, null));
        }

        return findings;
    }

    /// <summary>
    /// The results with each finding about an operation or a response located in the project's C#. Locating never
    /// fails the lint: when it cannot be done the findings stay at their document positions.
    /// </summary>
    private IReadOnlyList<LintResult> Locate(IReadOnlyList<LintResult> results)
    {
        if (!SourceLocations || SourceFiles.Length == 0 || !results.Any(result => result.Diagnostics.Count > 0))
        {
            return results;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var sources = ProjectSources.Load(
                SourceFiles.Where(item => item.ItemSpec.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).Select(item => Path.GetFullPath(item.ItemSpec, ProjectDirectory)),
                References.Select(item => Path.GetFullPath(item.ItemSpec, ProjectDirectory)),
                (DefineConstants ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var locator = SourceLocator.Create(sources);
            var located = Declarations.Attach(results, locator);
            Log.LogMessage(MessageImportance.Low, "{0}: found {1} in {2} C# files in {3} ms", Subject, Tally.Plural(locator.EndpointCount, "endpoint"), sources.Trees.Count, watch.ElapsedMilliseconds);
            return located;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Log.LogMessage(MessageImportance.Normal, "{0}: findings stay at their document positions; the C# could not be searched ({1}: {2})", Subject, error.GetType().Name, error.Message);
            return results;
        }
    }

    /// <summary>How a finding located in the C# names its document: <c>obj/OrdersApi.json</c>, relative to the project when inside it.</summary>
    private string ShowDocument(string file) => FilePaths.RelativeInside(file, ProjectDirectory);

    private static OpenApiGenerator GeneratorOf(string? name) => name?.Trim() switch
    {
        "Microsoft.AspNetCore.OpenApi" => OpenApiGenerator.AspNetCoreOpenApi,
        "Swashbuckle" => OpenApiGenerator.Swashbuckle,
        "NSwag" => OpenApiGenerator.NSwag,
        _ => OpenApiGenerator.Unknown,
    };

    /// <summary>
    /// An error points at the file at fault. When there is none on disk (a missing document, an unknown built-in
    /// name from $(OpenApiLintRuleset)), it points at the project, which is where the name came from.
    /// </summary>
    private BuildFinding AtFileOrProject(LoadError error)
    {
        var code = error.Code;
        if (File.Exists(error.File))
        {
            return new BuildFinding(code, Severity.Error, Path.GetFullPath(error.File), error.Line, error.Column, 0, 0, error.Message, null);
        }

        var message = error.Message.Contains(error.File, StringComparison.Ordinal) ? error.Message : $"{error.File}: {error.Message}";
        return new BuildFinding(code, Severity.Error, NullIfEmpty(ProjectFile), 0, 0, 0, 0, message, null);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private void WriteReports(IReadOnlyList<LintResult> results, FindingLogger logger, BaselineComparison? comparison)
    {
        if (string.IsNullOrWhiteSpace(Report) && string.IsNullOrWhiteSpace(Sarif))
        {
            return;
        }

        var report = new LintReport(results, ToolName, ToolVersion, ProjectDirectory, DateTimeOffset.Now) { Baseline = comparison };
        if (!string.IsNullOrWhiteSpace(Report))
        {
            var template = string.IsNullOrWhiteSpace(ReportTemplate) ? null : Path.GetFullPath(ReportTemplate, ProjectDirectory);
            WriteReport("html", "HTML report", Report, new ReportOptions(TemplatePath: template), report, logger);
        }

        if (!string.IsNullOrWhiteSpace(Sarif))
        {
            // One upload for a whole solution must map onto the repository: files are named from its root.
            WriteReport("sarif", "SARIF log", Sarif, new ReportOptions(), report with { WorkingDirectory = RepositoryRoot() }, logger);
        }
    }

    /// <summary>The git repository's root above the project, else the solution's folder, else the project's.</summary>
    private string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(ProjectDirectory); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder.FullName;
            }
        }

        return string.IsNullOrWhiteSpace(SolutionDirectory) || SolutionDirectory.Trim() == "*Undefined*" ? ProjectDirectory : Path.GetFullPath(SolutionDirectory, ProjectDirectory);
    }

    /// <summary>
    /// Renders into memory first and replaces the file only when that worked, so a failing formatter never leaves a
    /// half-written report or deletes the last good one. A report that cannot be written is a warning (subject to the
    /// project's warning settings like any other): the lint itself has done its job.
    /// </summary>
    private void WriteReport(string format, string label, string path, ReportOptions options, LintReport report, FindingLogger logger)
    {
        var fullPath = Path.GetFullPath(path, ProjectDirectory);
        string? problem;
        try
        {
            var formatter = ReportFormatters.Create(format, options) ?? throw new NotSupportedException($"this version has no {format} format");
            using var text = new StringWriter();
            formatter.Write(report, text);
            AtomicFile.Write(fullPath, text.ToString());
            Log.LogMessage(MessageImportance.Normal, "{0}: wrote the {1} {2}", Subject, label, fullPath);
            return;
        }
        catch (ReportTemplateException error)
        {
            // The team's own template is broken: that is the team's input, so it fails the build where it is broken.
            logger.Log(new BuildFinding(BuildCodes.ReportTemplateInvalid, Severity.Error, error.File, error.Line, error.Column, 0, 0, error.Reason, null));
            return;
        }
        catch (NotSupportedException error)
        {
            problem = $"OpenApiLint {ToolVersion} cannot write it yet ({error.Message})";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem = error.Message;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            problem = $"the {format} format failed ({error.GetType().Name}: {error.Message})";
        }

        logger.Log(new BuildFinding(BuildCodes.ReportNotWritten, Severity.Warning, NullIfEmpty(ProjectFile), 0, 0, 0, 0, $"the {label} {fullPath} was not written: {problem}", null));
    }

    private void WriteIncrementalState(IReadOnlyList<string> documents, IReadOnlyList<LintResult> results, IReadOnlyList<string> rulesets, IReadOnlyList<BuildFinding> findings, string kept)
    {
        try
        {
            // Written whatever the outcome: a changed ruleset or referenced file must trigger the next lint.
            Directory.CreateDirectory(Path.GetDirectoryName(InputsFile)!);
            File.WriteAllLines(InputsFile, FilesRead(results).Concat(TemplateFiles()).Concat(Declarations.Files(results)).Distinct(PathComparer).Except(documents, PathComparer).Order(PathComparer));

            if (Log.HasLoggedErrors)
            {
                // Never stamped: the next build lints again and reports the errors again.
                File.Delete(StampFile);
                File.Delete(CacheFile);
                return;
            }

            var replayable = findings.Where(finding => finding.Severity is Severity.Warning or Severity.Info).ToArray();
            new FindingCache(ToolVersion, documents.Count, rulesets, replayable, kept).Write(CacheFile);
            File.WriteAllText(StampFile, ToolVersion);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The lint's outcome stands; only the next build's chance to skip it is lost.
            Log.LogMessage(MessageImportance.Normal, "{0}: could not record this lint in {1} ({2}); the next build lints again", Subject, Path.GetDirectoryName(StampFile), error.Message);
            File.Delete(StampFile);
        }
    }

    /// <summary>The team's report template, a file or every file of a folder: editing it must render the report again.</summary>
    private IEnumerable<string> TemplateFiles()
    {
        if (string.IsNullOrWhiteSpace(Report) || string.IsNullOrWhiteSpace(ReportTemplate))
        {
            return [];
        }

        var template = Path.GetFullPath(ReportTemplate, ProjectDirectory);
        return Directory.Exists(template) ? Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories) : File.Exists(template) ? [template] : [];
    }

    /// <summary>Ruleset files (with what they extend) and the files documents reference with $ref.</summary>
    private static IEnumerable<string> FilesRead(IEnumerable<LintResult> results)
    {
        var files = new HashSet<string>(PathComparer);
        foreach (var result in results)
        {
            if (result.Ruleset is { } ruleset)
            {
                if (ruleset.FilePath is { } rulesetFile)
                {
                    files.Add(Path.GetFullPath(rulesetFile));
                }

                files.UnionWith(ruleset.Extends.Where(Path.IsPathRooted));
            }

            foreach (var reference in result.Document?.References ?? [])
            {
                if (reference is { Kind: ReferenceKind.RelativeFile, IsResolved: true })
                {
                    var target = reference.Target.Split('#')[0];
                    var folder = Path.GetDirectoryName(Path.GetFullPath(reference.Site.File))!;
                    files.Add(Path.GetFullPath(Uri.UnescapeDataString(target), folder));
                }
            }
        }

        return files;
    }
}
