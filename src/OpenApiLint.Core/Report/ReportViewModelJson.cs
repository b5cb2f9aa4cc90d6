using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
        // Source-generated metadata: the native (AOT) tool has no reflection-based serialization.
        TypeInfoResolver = ReportViewModelJsonContext.Default,
    };

    private static JsonTypeInfo<ReportViewModel> ModelInfo { get; } = (JsonTypeInfo<ReportViewModel>)Options.GetTypeInfo(typeof(ReportViewModel));

    /// <summary>The model as indented JSON with camelCase names.</summary>
    public static string Serialize(ReportViewModel model) => JsonSerializer.Serialize(model, ModelInfo);
}

/// <summary>The view model's serialization metadata, generated at compile time (same names as <see cref="ReportViewModelJson"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportViewModel))]
internal sealed partial class ReportViewModelJsonContext : JsonSerializerContext;
