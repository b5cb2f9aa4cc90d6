namespace OpenApiLint.Core.Rules;

/// <summary>
/// Every rule id, in one place. Ids are permanent: a retired rule keeps its id and no rule ever takes it over.
/// </summary>
public static class RuleIds
{
    /// <summary>Where the help pages live (one per id, <c>docs/rules/OAL0001.md</c>).</summary>
    public const string HelpBaseUri = "https://github.com/openapilint/openapilint/blob/main/docs/rules/";

    public const string StatusCodeNotAllowed = "OAL0001";
    public const string RequiredStatusCodeMissing = "OAL0002";
    public const string ResponseHeaderMissing = "OAL0003";
    public const string ResponseBodyForbidden = "OAL0004";
    public const string ResponseBodyMissing = "OAL0005";
    public const string PreconditionHeaderMissing = "OAL0006";
    public const string ErrorBodyPropertiesMissing = "OAL0007";
    public const string TooManyDistinctCodes = "OAL0008";
    public const string DefaultResponseNotAllowed = "OAL0009";
    public const string UnresolvedReference = "OAL0010";
    public const string RemoteReference = "OAL0011";
    public const string InvalidStatusCodeKey = "OAL0012";
    public const string ReferenceOutsideFolder = "OAL0013";
}
