using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;

namespace OpenApiLint.Core.Formatting;

/// <summary>
/// The HTML report: one self-contained page (styles and script inline, nothing fetched) rendered from the built-in
/// template or from <see cref="ReportOptions.TemplatePath"/>. A broken template throws
/// <see cref="ReportTemplateException"/> before anything is written.
/// </summary>
public sealed class HtmlFormatter(ReportOptions options) : IReportFormatter
{
    private readonly Lazy<ReportTemplate> _template = new(() => ReportTemplate.Load(options.TemplatePath));

    public ReportOptions Options { get; } = options;

    public string Name => "html";

    /// <summary>The template this formatter renders with; loading it early lets an edge report a broken template before it lints.</summary>
    /// <exception cref="ReportTemplateException">The template is missing or broken.</exception>
    public ReportTemplate Template => _template.Value;

    /// <exception cref="ReportTemplateException">The template is missing or broken, or fails while rendering.</exception>
    public void Write(LintReport report, TextWriter writer) => Template.Render(ReportViewModelBuilder.Build(report), writer);
}
