using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiLint.Core.Report;

/// <summary>The view model as JSON (camelCase, nulls kept): the names a template uses, as docs/report.md shows them.</summary>
public static class ReportViewModelJson
{
    // The JSON is written to files and compared in tests, never embedded in HTML, so readable escaping is safe here:
    // templates read the model's records, and the template context escapes every value it writes.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>The model as indented JSON with camelCase names.</summary>
    public static string Serialize(ReportViewModel model) => JsonSerializer.Serialize(model, Options);
}
