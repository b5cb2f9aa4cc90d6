using System.Security.Cryptography;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace OpenApiLint.Core.Report;

/// <summary>
/// A compiled report template, in Scriban: the built-in one, or a team's (a file: the main template; a folder:
/// <c>report.scriban</c> plus partials <c>*.scriban</c>, each replacing the built-in partial of the same name). Every
/// problem with a template surfaces as a <see cref="ReportTemplateException"/> naming the file, line and column from
/// Scriban's own spans. The page is written as it renders
/// (<see cref="Render(ReportViewModel, TextWriter)"/>), within an output-size and a time limit. Output is HTML-escaped by default (see
/// <see cref="ReportTemplateContext"/>) and a template reads only the view model (see <see cref="ReportScriptModel"/>).
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class ReportTemplate
{
    /// <summary>The name of the main template, in the built-in set and in a team's folder (<c>report.scriban</c>).</summary>
    public const string MainName = "report";

    /// <summary>The extension of template files.</summary>
    public const string Extension = ".scriban";

    private const string ResourcePrefix = "OpenApiLint.Report.Templates.";
    private const string BuiltInOrigin = "built-in";

    private static readonly Lazy<ReportTemplate> BuiltInTemplate = new(() => Compile(BuiltInSources(), BuiltInOrigin));

    private readonly IReadOnlyDictionary<string, CompiledSource> _sources;
    private readonly string _contentSecurityPolicy;

    private ReportTemplate(string origin, IReadOnlyDictionary<string, CompiledSource> sources, string contentSecurityPolicy)
    {
        Origin = origin;
        _sources = sources;
        _contentSecurityPolicy = contentSecurityPolicy;
    }

    /// <summary>The template shipped with the tool.</summary>
    public static ReportTemplate BuiltIn => BuiltInTemplate.Value;

    /// <summary>Names of the built-in templates: <c>report</c> and its partials.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(ReportTemplate).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(Extension, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..^Extension.Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary><c>built-in</c>, or the full path of the team's template file or folder.</summary>
    public string Origin { get; }

    /// <summary>The text of a built-in template or partial (<c>report</c>, <c>finding</c>, …), to start a team's own from.</summary>
    public static string GetBuiltInText(string name)
    {
        using var stream = typeof(ReportTemplate).Assembly.GetManifestResourceStream(ResourcePrefix + name + Extension)
            ?? throw new ArgumentException($"'{name}' is not a built-in report template; built-ins: {string.Join(", ", BuiltInNames)}.", nameof(name));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The template at <paramref name="templatePath"/> (a file or a folder, relative to the current folder), or the
    /// built-in one when it is <c>null</c>.
    /// </summary>
    /// <exception cref="ReportTemplateException">The path does not exist, cannot be read, or holds a broken template.</exception>
    public static ReportTemplate Load(string? templatePath)
    {
        if (string.IsNullOrWhiteSpace(templatePath))
        {
            return BuiltIn;
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(templatePath);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ReportTemplateException(templatePath, 0, 0, $"the report template path is not valid: {error.Message}");
        }

        var sources = BuiltInSources();
        if (File.Exists(fullPath))
        {
            sources[MainName] = new TemplateSource(MainName, templatePath, Read(fullPath, templatePath));
        }
        else if (Directory.Exists(fullPath))
        {
            var main = Path.Combine(fullPath, MainName + Extension);
            if (!File.Exists(main))
            {
                throw new ReportTemplateException(templatePath, 0, 0, $"the template folder has no {MainName}{Extension}, the main template");
            }

            string[] files;
            try
            {
                files = Directory.GetFiles(fullPath, "*" + Extension);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new ReportTemplateException(templatePath, 0, 0, $"cannot read the template folder: {error.Message}");
            }

            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var shown = Path.Combine(templatePath, Path.GetFileName(file));
                RefuseLinkOutOf(fullPath, file, shown);
                sources[name] = new TemplateSource(name, shown, Read(file, shown));
            }
        }
        else
        {
            throw new ReportTemplateException(templatePath, 0, 0, "the report template was not found: no such file or folder");
        }

        return Compile(sources, fullPath);
    }

    /// <summary>
    /// Renders <paramref name="model"/> into <paramref name="writer"/> as it goes, so that a page of megabytes is never
    /// held whole. A failure leaves part of the page in the writer: to replace a file only with a whole report, write
    /// it through <see cref="Files.AtomicFile.Write(string, Action{TextWriter})"/>, as the tool does.
    /// </summary>
    /// <exception cref="ReportTemplateException">The template failed while rendering (an unknown name, a limit reached, …).</exception>
    public void Render(ReportViewModel model, TextWriter writer) => RenderInto(model, new WriterOutput(writer));

    /// <summary>Renders <paramref name="model"/> to a string.</summary>
    /// <exception cref="ReportTemplateException">The template failed while rendering.</exception>
    public string Render(ReportViewModel model)
    {
        var page = new StringBuilder();
        RenderInto(model, new StringBuilderOutput(page));
        return page.ToString();
    }

    /// <summary>Characters a render may write before it fails (<see cref="ReportTemplateContext.MaxOutputCharacters"/>; lower in tests).</summary>
    internal int OutputLimit { get; private init; } = ReportTemplateContext.MaxOutputCharacters;

    /// <summary>The same template with another <see cref="OutputLimit"/>.</summary>
    internal ReportTemplate WithOutputLimit(int characters) => new(Origin, _sources, _contentSecurityPolicy) { OutputLimit = characters };

    private void RenderInto(ReportViewModel model, IScriptOutput output)
    {
        var page = model with { Page = new PageView(_contentSecurityPolicy) };
        using var timeout = new CancellationTokenSource(ReportTemplateContext.TimeLimit);
        var context = new ReportTemplateContext(_sources.ToDictionary(entry => entry.Key, entry => entry.Value.Template, StringComparer.Ordinal), timeout.Token, OutputLimit);
        context.PushGlobal(ReportScriptModel.From(page));
        // Forwarded, so that what Scriban hands back from a render (the output's text) is empty, not a copy of the page.
        context.PushOutput(new ForwardingOutput(output));
        try
        {
            _sources[MainName].Template.Render(context);
        }
        catch (ScriptAbortException error)
        {
            throw new ReportTemplateException(_sources[MainName].Source.File, 0, 0, $"the template ran for longer than {ReportTemplateContext.TimeLimit.TotalSeconds:0} seconds", error);
        }
        catch (ScriptRuntimeException error)
        {
            throw Failure(error.Span, error.OriginalMessage, error);
        }
    }

    private ReportTemplateException Failure(SourceSpan span, string message, Exception? error = null)
    {
        // Spans carry the file each template was parsed as: the path shown to the user.
        var file = string.IsNullOrEmpty(span.FileName) ? _sources[MainName].Source.File : span.FileName;
        return new ReportTemplateException(file, span.Start.Line + 1, span.Start.Column + 1, Clean(message), error);
    }

    private static Dictionary<string, TemplateSource> BuiltInSources() =>
        BuiltInNames.ToDictionary(name => name, name => new TemplateSource(name, $"{BuiltInOrigin}:{name}{Extension}", GetBuiltInText(name)), StringComparer.Ordinal);

    private static string Read(string fullPath, string shownPath)
    {
        try
        {
            return File.ReadAllText(fullPath, Encoding.UTF8);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ReportTemplateException(shownPath, 0, 0, $"cannot read the template: {error.Message}");
        }
    }

    /// <summary>A partial that is a symbolic link to a file outside the folder would let a template read that file.</summary>
    private static void RefuseLinkOutOf(string folder, string file, string shown)
    {
        var target = new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true);
        if (target is null)
        {
            return;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        if (!target.FullName.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ReportTemplateException(shown, 0, 0, "the template is a link to a file outside the template folder; a template reads only its own folder");
        }
    }

    private static ReportTemplate Compile(Dictionary<string, TemplateSource> sources, string origin)
    {
        // The main template first: a team edits it most, so its mistakes are reported before those of partials.
        var ordered = sources.Values.OrderBy(source => source.Name == MainName ? 0 : 1).ThenBy(source => source.Name, StringComparer.Ordinal);
        var compiled = new Dictionary<string, CompiledSource>(StringComparer.Ordinal);
        foreach (var source in ordered)
        {
            var template = Template.Parse(source.Text, source.File, ReportTemplateContext.ParserOptions, ReportTemplateContext.LexerOptions);
            if (template.HasErrors)
            {
                var first = template.Messages.First(message => message.Type == ParserMessageType.Error);
                throw new ReportTemplateException(source.File, first.Span.Start.Line + 1, first.Span.Start.Column + 1, Clean(first.Message));
            }

            compiled[source.Name] = new CompiledSource(source, template);
        }

        return new ReportTemplate(origin, compiled, ContentSecurityPolicy(sources));
    }

    /// <summary>Scriban's message as one sentence on one line, without an empty "in:" at its end.</summary>
    private static string Clean(string message)
    {
        var text = string.Join(' ', message.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd('.');
        text = text.TrimEnd(' ', '\u00A0', '\0');
        return text.EndsWith(" in:", StringComparison.Ordinal) ? text[..^" in:".Length] : text;
    }

    /// <summary>
    /// The page's Content-Security-Policy: nothing may be fetched, and only the exact style and script partials may
    /// run (by hash), so even markup that slipped through escaping could neither run nor load anything. A style or
    /// script partial with code in it cannot be hashed ahead; it is then allowed inline.
    /// </summary>
    private static string ContentSecurityPolicy(IReadOnlyDictionary<string, TemplateSource> sources)
    {
        string Allow(string name) =>
            sources.TryGetValue(name, out var source) && !source.Text.Contains("{{", StringComparison.Ordinal) && !source.Text.Contains("{%", StringComparison.Ordinal)
                ? $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(source.Text)))}'"
                : "'unsafe-inline'";

        return $"default-src 'none'; style-src {Allow("style")}; script-src {Allow("script")}; img-src data:; base-uri 'none'; form-action 'none'";
    }

    private sealed record CompiledSource(TemplateSource Source, Template Template);
}

/// <summary>One template text and the file it came from, as shown in errors.</summary>
internal sealed record TemplateSource(string Name, string File, string Text);
