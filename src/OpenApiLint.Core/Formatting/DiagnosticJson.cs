using System.Text.Json;
using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.Core.Formatting;

/// <summary>JSON pieces the JSON and SARIF formats write alike.</summary>
internal static class DiagnosticJson
{
    /// <summary>
    /// The operation a diagnostic concerns (<c>path</c>, <c>method</c>, <c>statusCode</c>) and the guideline's words
    /// behind it (<c>rationale</c>) with the title of the guideline they come from (<c>guideline</c>), and where its
    /// severity was set when not by the requirement (<c>severityFrom</c>, <c>severityRationale</c>); each member only
    /// when it applies.
    /// </summary>
    public static void WriteScope(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        WriteIfPresent(json, "path", diagnostic.Path);
        WriteIfPresent(json, "method", diagnostic.Method);
        WriteIfPresent(json, "statusCode", diagnostic.StatusCode);
        WriteIfPresent(json, "rationale", diagnostic.Rationale);
        WriteIfPresent(json, "guideline", diagnostic.Guideline);
        WriteIfPresent(json, "guidelineSource", diagnostic.GuidelineSource);
        WriteIfPresent(json, "severityFrom", diagnostic.SeverityFrom);
        WriteIfPresent(json, "severityRationale", diagnostic.SeverityRationale);
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
