namespace OpenApiLint.AspNetCore;

/// <summary>
/// Suppresses one OpenApiLint rule for an endpoint (an action, a controller, a minimal API handler): the generated
/// document carries it as <c>x-openapi-lint-ignore</c> on the operation, so the lint skips that rule there. Also the
/// endpoint metadata <see cref="OpenApiLintEndpointConventionBuilderExtensions.OpenApiLintIgnore{TBuilder}"/> adds.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Delegate, AllowMultiple = true, Inherited = true)]
public sealed class OpenApiLintIgnoreAttribute : Attribute
{
    /// <summary>Suppresses <paramref name="ruleId"/> (<c>OAL0001</c>) for the endpoint.</summary>
    public OpenApiLintIgnoreAttribute(string ruleId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        RuleId = ruleId.Trim();
    }

    /// <summary>The rule suppressed (<c>OAL0001</c>).</summary>
    public string RuleId { get; }

    /// <summary>Why the endpoint may break the rule; written into the document beside the id.</summary>
    public string? Justification { get; set; }
}
