using OpenApiLint.Core.Report;

namespace OpenApiLint.Report.Tests.Support;

/// <summary>
/// The built-in template with its matrix always drawn by the script (as it is for large documents), so that a small
/// fixture shows what the page draws for Microsoft Graph.
/// </summary>
internal static class DrawnMatrixTemplate
{
    public const string Threshold = "doc.matrix.rows.size * doc.matrix.codes.size > 4000";

    public static string Create()
    {
        var matrix = ReportTemplate.GetBuiltInText("matrix");
        Assert.That(matrix, Does.Contain(Threshold), "the built-in matrix partial decides where to draw by this expression");
        var folder = TemplateFolder.Create();
        folder.Write("report.scriban", ReportTemplate.GetBuiltInText(ReportTemplate.MainName));
        folder.Write("matrix.scriban", matrix.Replace(Threshold, "doc.matrix.rows.size > 0", StringComparison.Ordinal));
        return folder.Path;
    }
}
