using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace OpenApiLint.Core.Report;

/// <summary>
/// A compiled report template: the built-in one, or a team's (a file: the main template; a folder: <c>report.hbs</c>
/// plus partials <c>*.hbs</c>, each replacing the built-in partial of the same name). Every problem with a template
/// surfaces as a <see cref="ReportTemplateException"/> naming the file and, where it can be known, the line and
/// column; nothing is written until the whole page has rendered. Immutable and thread-safe once loaded.
/// </summary>
public sealed partial class ReportTemplate
{
    /// <summary>The name of the main template, in the built-in set and in a team's folder (<c>report.hbs</c>).</summary>
    public const string MainName = "report";

    /// <summary>The extension of template files.</summary>
    public const string Extension = ".hbs";

    private const string ResourcePrefix = "OpenApiLint.Report.Templates.";
    private const string BuiltInOrigin = "built-in";

    private static readonly Lazy<ReportTemplate> BuiltInTemplate = new(() => Compile(BuiltInSources(), BuiltInOrigin));

    /// <summary>Handlebars.Net's own helpers: the report registers none, so any other helper call is a mistake.</summary>
    private static readonly HashSet<string> KnownHelpers = new(StringComparer.Ordinal) { "if", "unless", "each", "with", "lookup", "log" };

    private static readonly HashSet<string> KnownBlockHelpers = new(StringComparer.Ordinal) { "if", "unless", "each", "with" };

    private readonly HandlebarsTemplate<TextWriter, object, object> _main;
    private readonly IReadOnlyList<(TemplateSource Source, TemplateScan Scan)> _sources;
    private readonly string _contentSecurityPolicy;

    private ReportTemplate(string origin, HandlebarsTemplate<TextWriter, object, object> main, IReadOnlyList<(TemplateSource, TemplateScan)> sources, string contentSecurityPolicy)
    {
        Origin = origin;
        _main = main;
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
                sources[name] = new TemplateSource(name, shown, Read(file, shown));
            }
        }
        else
        {
            throw new ReportTemplateException(templatePath, 0, 0, "the report template was not found: no such file or folder");
        }

        return Compile(sources, fullPath);
    }

    /// <summary>Renders <paramref name="model"/>; writes to <paramref name="writer"/> only once the whole page has rendered.</summary>
    /// <exception cref="ReportTemplateException">The template failed while rendering (a helper or partial it names does not exist).</exception>
    public void Render(ReportViewModel model, TextWriter writer) => writer.Write(Render(model));

    /// <summary>Renders <paramref name="model"/> to a string.</summary>
    /// <exception cref="ReportTemplateException">The template failed while rendering.</exception>
    public string Render(ReportViewModel model)
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            _main(output, model with { Page = new PageView(_contentSecurityPolicy) });
        }
        catch (Exception error) when (error is not ReportTemplateException)
        {
            throw RenderFailure(error);
        }

        return output.ToString();
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

    private static ReportTemplate Compile(Dictionary<string, TemplateSource> sources, string origin)
    {
        // The main template first: a team edits it most, so its mistakes are reported before those of partials.
        var ordered = sources.Values
            .OrderBy(source => source.Name == MainName ? 0 : 1)
            .ThenBy(source => source.Name, StringComparer.Ordinal)
            .Select(source => (Source: source, Scan: TemplateScanner.Scan(source.Text)))
            .ToArray();

        foreach (var (source, scan) in ordered)
        {
            if (scan.Problem is { } problem)
            {
                throw new ReportTemplateException(source.File, problem.Line, problem.Column, problem.Reason);
            }
        }

        var partials = sources.Keys.Where(name => name != MainName)
            .Concat(ordered.SelectMany(entry => entry.Scan.Tags).Where(IsInlinePartial).Select(tag => Unquote(tag.Arguments[0])))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (source, scan) in ordered)
        {
            CheckReferences(source, scan, partials);
        }

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { PartialRecursionDepthLimit = 32 });
        HandlebarsTemplate<TextWriter, object, object>? main = null;
        foreach (var (source, scan) in ordered)
        {
            HandlebarsTemplate<TextWriter, object, object> compiled;
            try
            {
                using var reader = new StringReader(Harden(source.Text));
                compiled = handlebars.Compile(reader);
            }
            catch (Exception error)
            {
                throw CompileFailure(source, scan, error);
            }

            if (source.Name == MainName)
            {
                main = compiled;
            }
            else
            {
                handlebars.RegisterTemplate(source.Name, compiled);
            }
        }

        return new ReportTemplate(origin, main!, ordered, ContentSecurityPolicy(sources));
    }

    /// <summary>
    /// Handlebars.Net 2.4.3 writes an indented standalone partial (<c>  {{> name}}</c> alone on its line) through a
    /// writer that skips HTML escaping, so <c>{{value}}</c> inside it is emitted raw. Removing that indentation only
    /// changes whitespace and keeps every value escaped, in the built-in template and in any team's.
    /// </summary>
    internal static string Harden(string text) => IndentedPartial().Replace(text, "");

    [GeneratedRegex(@"^[ \t]+(?=\{\{~?#?>)", RegexOptions.Multiline)]
    private static partial Regex IndentedPartial();

    /// <summary>
    /// The page's Content-Security-Policy: nothing may be fetched, and only the exact style and script partials may
    /// run (by hash), so even markup that slipped through escaping could neither run nor load anything. A style or
    /// script partial with tags in it cannot be hashed ahead; it is then allowed inline.
    /// </summary>
    private static string ContentSecurityPolicy(IReadOnlyDictionary<string, TemplateSource> sources)
    {
        string Allow(string name) =>
            sources.TryGetValue(name, out var source) && !source.Text.Contains("{{", StringComparison.Ordinal)
                ? $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(source.Text)))}'"
                : "'unsafe-inline'";

        return $"default-src 'none'; style-src {Allow("style")}; script-src {Allow("script")}; img-src data:; base-uri 'none'; form-action 'none'";
    }

    private static bool IsInlinePartial(TemplateTag tag) =>
        tag.Kind == TagKind.DecoratorBlockOpen && tag.Name == "inline" && tag.Arguments.Count > 0;

    private static string Unquote(string token) =>
        token.Length >= 2 && token[0] is '"' or '\'' && token[^1] == token[0] ? token[1..^1] : token;

    private static void CheckReferences(TemplateSource source, TemplateScan scan, IReadOnlySet<string> partials)
    {
        foreach (var tag in scan.Tags)
        {
            string? problem = tag.Kind switch
            {
                TagKind.Partial when IsStaticName(tag.Name) && !partials.Contains(Unquote(tag.Name)) =>
                    $"'{tag.Text}' names the partial '{Unquote(tag.Name)}', which does not exist; partials: {string.Join(", ", partials.Order(StringComparer.Ordinal))}",
                TagKind.Expression or TagKind.Unescaped when tag.Arguments.Count > 0 && !KnownHelpers.Contains(tag.Name) =>
                    $"'{tag.Text}' calls the helper '{tag.Name}', which does not exist; the report knows only {string.Join(", ", KnownHelpers)}",
                TagKind.BlockOpen when tag.Arguments.Count > 0 && !KnownBlockHelpers.Contains(tag.Name) =>
                    $"'{tag.Text}' calls the block helper '{tag.Name}', which does not exist; the report knows only {string.Join(", ", KnownBlockHelpers)}",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ReportTemplateException(source.File, tag.Line, tag.Column, problem);
            }
        }
    }

    private static bool IsStaticName(string name) => name.Length > 0 && name[0] is not '(' and not '@';

    /// <summary>Where Handlebars.Net failed to compile: the first tag that fails on its own, else its own position hint.</summary>
    private static ReportTemplateException CompileFailure(TemplateSource source, TemplateScan scan, Exception error)
    {
        var reason = $"the template does not compile: {Clean(error.Message)}";
        var probe = Handlebars.Create();
        foreach (var tag in scan.Tags.Where(tag => tag.Kind is not (TagKind.Comment or TagKind.Close or TagKind.Else)))
        {
            var alone = tag.Kind is TagKind.BlockOpen or TagKind.InverseOpen or TagKind.PartialBlockOpen or TagKind.DecoratorBlockOpen
                ? tag.Text + "{{/" + tag.Name + "}}"
                : tag.Text;
            try
            {
                probe.Compile(alone);
            }
            catch (Exception)
            {
                return new ReportTemplateException(source.File, tag.Line, tag.Column, reason, error);
            }
        }

        var hint = PositionHint().Match(error.Message);
        return hint.Success
            ? new ReportTemplateException(source.File, int.Parse(hint.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(hint.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, reason, error)
            : new ReportTemplateException(source.File, 0, 0, reason, error);
    }

    /// <summary>A failure while rendering, placed at the first tag naming what failed when the message names it.</summary>
    private ReportTemplateException RenderFailure(Exception error)
    {
        var helper = MissingHelper().Match(error.Message);
        if (helper.Success)
        {
            var name = helper.Groups[1].Value.TrimStart('#');
            // The helper is either a tag's name or called in a subexpression: (name …).
            if (Find(tag => (tag.Name == name && tag.Kind is TagKind.Expression or TagKind.Unescaped or TagKind.BlockOpen)
                    || tag.Text.Contains("(" + name + " ", StringComparison.Ordinal) || tag.Text.Contains("(" + name + ")", StringComparison.Ordinal)) is { } found)
            {
                return new ReportTemplateException(found.Source.File, found.Tag.Line, found.Tag.Column, $"'{found.Tag.Text}' calls the helper '{name}', which does not exist", error);
            }
        }

        var partial = MissingPartial().Match(error.Message);
        if (partial.Success && Find(tag => tag.Kind == TagKind.Partial && Unquote(tag.Name) == partial.Groups[1].Value) is { } partialTag)
        {
            return new ReportTemplateException(partialTag.Source.File, partialTag.Tag.Line, partialTag.Tag.Column, $"'{partialTag.Tag.Text}' names the partial '{partial.Groups[1].Value}', which does not exist", error);
        }

        var main = _sources.First(entry => entry.Source.Name == MainName).Source;
        return new ReportTemplateException(main.File, 0, 0, $"the template failed while rendering: {Clean(error.Message)}", error);
    }

    private (TemplateSource Source, TemplateTag Tag)? Find(Func<TemplateTag, bool> predicate)
    {
        foreach (var (source, scan) in _sources)
        {
            if (scan.Tags.FirstOrDefault(predicate) is { } tag)
            {
                return (source, tag);
            }
        }

        return null;
    }

    /// <summary>Handlebars.Net's message on one line, without its position hint and trailing period.</summary>
    private static string Clean(string message)
    {
        var withoutHint = PositionHint().Replace(message, "");
        return WhiteSpace().Replace(withoutHint, " ").Trim().TrimEnd('.');
    }

    [GeneratedRegex(@"Occured at:\s*(\d+):(\d+)")]
    private static partial Regex PositionHint();

    [GeneratedRegex(@"Helper '([^']+)'")]
    private static partial Regex MissingHelper();

    [GeneratedRegex(@"partial name '([^']+)'")]
    private static partial Regex MissingPartial();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
