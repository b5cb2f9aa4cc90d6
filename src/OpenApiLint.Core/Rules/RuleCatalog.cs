namespace OpenApiLint.Core.Rules;

/// <summary>Every rule, in id order. An explicit list: adding a rule is a visible change, not an assembly scan.</summary>
public static class RuleCatalog
{
    /// <summary>All rules.</summary>
    public static IReadOnlyList<IRule> All { get; } =
    [
        new StatusCodeNotAllowedRule(),
        new RequiredStatusCodeMissingRule(),
        new ResponseHeaderMissingRule(),
        new ResponseBodyForbiddenRule(),
        new ResponseBodyMissingRule(),
        new PreconditionHeaderMissingRule(),
        new ErrorBodyPropertiesMissingRule(),
        new TooManyDistinctCodesRule(),
        new DefaultResponseNotAllowedRule(),
        new UnresolvedReferenceRule(),
        new RemoteReferenceRule(),
        new InvalidStatusCodeKeyRule(),
        new ReferenceOutsideFolderRule(),
    ];

    /// <summary>The ids of <see cref="All"/> (case-insensitive): what a ruleset's <c>rules</c> may name.</summary>
    public static IReadOnlySet<string> Ids { get; } = All.Select(rule => rule.Descriptor.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rule with id <paramref name="id"/> (case-insensitive), or <c>null</c>.</summary>
    public static IRule? Find(string id) => All.FirstOrDefault(rule => rule.Descriptor.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
}
