using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OpenApiLint.AspNetCore;

/// <summary>
/// Whether an endpoint's 401 carries <c>WWW-Authenticate</c>: it requires authorization (its own metadata, else the
/// fallback policy, unless it allows anonymous access), and one of the schemes that challenge for it is handled by a
/// handler whose challenge sends the header. The schemes are the endpoint's (<c>[Authorize(AuthenticationSchemes =
/// …)]</c>, its policies'), else the default challenge scheme, exactly as the authorization middleware picks them.
/// </summary>
internal static class Challenges
{
    /// <summary>The built-in handlers whose challenge answers 401 with WWW-Authenticate, and the scheme they name.</summary>
    private static readonly Dictionary<string, string> SendingHandlers = new(StringComparer.Ordinal)
    {
        ["Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler"] = "Bearer",
        ["Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenHandler"] = "Bearer",
        ["Microsoft.AspNetCore.Authentication.Negotiate.NegotiateHandler"] = "Negotiate",
    };

    /// <summary>The challenge the 401 names (<c>Bearer</c>), or <c>null</c> when it sends no WWW-Authenticate.</summary>
    public static string? WwwAuthenticate(ActionDescriptor descriptor, IServiceProvider services)
    {
        var metadata = descriptor.EndpointMetadata ?? [];
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var authorization = services.GetService<IOptions<AuthorizationOptions>>()?.Value;
        var authorizeData = metadata.OfType<IAuthorizeData>().ToArray();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        if (authorizeData.Length == 0 && policies.Count == 0)
        {
            if (authorization?.FallbackPolicy is not { } fallback)
            {
                return null;
            }

            policies.Add(fallback);
        }

        var schemes = new List<string>();
        foreach (var data in authorizeData)
        {
            schemes.AddRange(Split(data.AuthenticationSchemes));
            var policy = data.Policy is { Length: > 0 } name ? authorization?.GetPolicy(name) : authorization?.DefaultPolicy;
            schemes.AddRange(policy?.AuthenticationSchemes ?? []);
        }

        schemes.AddRange(policies.SelectMany(policy => policy.AuthenticationSchemes));
        var provider = services.GetService<IAuthenticationSchemeProvider>();
        if (provider is null)
        {
            return null;
        }

        // The scheme provider's lookups complete synchronously (they read the registered options); the generators'
        // operation hooks are synchronous in Swashbuckle, so both integrations read them the same way.
        if (schemes.Count == 0 && provider.GetDefaultChallengeSchemeAsync().GetAwaiter().GetResult() is { } defaultScheme)
        {
            schemes.Add(defaultScheme.Name);
        }

        var challenges = schemes
            .Distinct(StringComparer.Ordinal)
            .Select(name => provider.GetSchemeAsync(name).GetAwaiter().GetResult())
            .Select(scheme => scheme is null ? null : ChallengeOf(scheme.HandlerType))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return challenges.Length == 0 ? null : string.Join(", ", challenges);
    }

    private static string? ChallengeOf(Type handler)
    {
        for (var type = handler; type is not null; type = type.BaseType)
        {
            if (type.FullName is { } name && SendingHandlers.TryGetValue(name, out var challenge))
            {
                return challenge;
            }
        }

        return null;
    }

    private static IEnumerable<string> Split(string? schemes) =>
        (schemes ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
