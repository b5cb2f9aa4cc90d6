namespace OpenApiLint.Core.Diagnostics;

/// <summary>How a finding was suppressed.</summary>
public enum SuppressionKind
{
    /// <summary>By <c>x-openapi-lint-ignore</c> on the operation or response, in the document itself (SARIF <c>inSource</c>).</summary>
    InSource,

    /// <summary>By a baseline file that records the known findings of a legacy API (SARIF <c>external</c>).</summary>
    Baseline,
}

/// <summary>Why a kept finding is not reported.</summary>
/// <param name="Kind">In the document, or by a baseline.</param>
/// <param name="Justification">The reason given with it (<c>x-openapi-lint-ignore: { OAL0001: "kept for v1 clients" }</c>), when one was.</param>
public sealed record Suppression(SuppressionKind Kind, string? Justification = null)
{
    /// <summary>A suppression by the baseline (which records no reasons).</summary>
    public static Suppression ByBaseline { get; } = new(SuppressionKind.Baseline);
}
