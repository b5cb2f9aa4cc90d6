using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Report;

namespace OpenApiLint.Core.Formatting;

/// <summary>One output format. Formatters only format: they take the report and a writer, and do no I/O of their own.</summary>
public interface IReportFormatter
{
    /// <summary>The name the command line uses (<c>text</c>, <c>json</c>, <c>sarif</c>, <c>junit</c>, <c>github</c>, <c>html</c>).</summary>
    string Name { get; }

    /// <summary>Writes the whole report.</summary>
    void Write(LintReport report, TextWriter writer);
}
