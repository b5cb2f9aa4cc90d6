using System.Text;

namespace OpenApiLint.Core.Diagnostics;

/// <summary>
/// What a finding is about, independent of where the document's text puts it: the rule, the operation (method and
/// path template), the status code and the subject (header, property, parameter, required code, <c>$ref</c> target).
/// Reformatting, reordering, converting between YAML and JSON or regenerating the document keep it; line, column and
/// message never enter it. Two findings of one document may share a fingerprint: they are counted, not merged.
/// </summary>
/// <param name="RuleId">The rule id, <c>OAL0003</c>.</param>
/// <param name="Method">The lower-case HTTP method, when the finding concerns an operation.</param>
/// <param name="Path">The path template, when the finding concerns an operation.</param>
/// <param name="StatusCode">The response key as written (<c>201</c>, <c>4XX</c>, <c>default</c>), when the finding concerns one.</param>
/// <param name="Subject">What else it is about (<c>Location</c>), or <c>null</c>.</param>
public sealed record Fingerprint(string RuleId, string? Method, string? Path, string? StatusCode, string? Subject)
    : IComparable<Fingerprint>
{
    /// <summary>The key SARIF's <c>partialFingerprints</c> carries the fingerprint under (versioned, as SARIF asks).</summary>
    public const string SarifKey = "openApiLint/v1";

    /// <summary>
    /// The one-line form: <c>OAL0003 POST /orders 201 Location</c>, with absent parts left out. JUnit test names and
    /// SARIF fingerprints use it.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(RuleId);
        if (Method is not null) text.Append(' ').Append(Method.ToUpperInvariant());
        if (Path is not null) text.Append(' ').Append(Path);
        if (StatusCode is not null) text.Append(' ').Append(StatusCode);
        if (Subject is not null) text.Append(' ').Append(Subject);
        return text.ToString();
    }

    /// <summary>The subject's parts (<c>Location, ETag</c> → both), for matching a finding that names fewer of them.</summary>
    public IReadOnlyList<string> SubjectParts => Subject is null ? [] : Subject.Split(", ", StringSplitOptions.None);

    /// <summary>The same finding with fewer or the same parts of its subject: a partly fixed one still matches its entry.</summary>
    public bool IsNarrowingOf(Fingerprint other) =>
        RuleId == other.RuleId && Method == other.Method && Path == other.Path && StatusCode == other.StatusCode
        && Subject is not null && other.Subject is not null
        && SubjectParts.All(part => other.SubjectParts.Contains(part, StringComparer.Ordinal));

    /// <summary>Ordinal order by path, method, status code, rule and subject: the order a baseline file lists entries in.</summary>
    public int CompareTo(Fingerprint? other)
    {
        if (other is null) return 1;
        var order = string.CompareOrdinal(Path, other.Path);
        if (order == 0) order = string.CompareOrdinal(Method, other.Method);
        if (order == 0) order = string.CompareOrdinal(StatusCode, other.StatusCode);
        if (order == 0) order = string.CompareOrdinal(RuleId, other.RuleId);
        if (order == 0) order = string.CompareOrdinal(Subject, other.Subject);
        return order;
    }
}
