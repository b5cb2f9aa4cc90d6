using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiLint.Core.Report;

/// <summary>
/// The view model as JSON (camelCase, nulls kept) and as the plain dictionaries and lists templates receive, so the
/// names a template uses are exactly the names docs/report.md and the golden JSON show.
/// </summary>
public static class ReportViewModelJson
{
    // The JSON is written to files and compared in tests, never embedded in HTML, so readable escaping is safe here:
    // templates get the strings through the dictionaries below, and Handlebars escapes them.
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

    /// <summary>The model as nested dictionaries (camelCase keys), lists, strings, numbers, booleans and nulls.</summary>
    public static Dictionary<string, object?> ToTemplateData(ReportViewModel model)
    {
        using var json = JsonSerializer.SerializeToDocument(model, Options);
        return (Dictionary<string, object?>)Convert(json.RootElement)!;
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(property => property.Name, property => Convert(property.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
