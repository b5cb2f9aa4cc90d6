using System.Globalization;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// Maps an OpenAPI operation (method, path template) and one of its status codes onto the C# of an ASP.NET Core
/// project that declares it. Found once per project from its sources; never guesses: an operation that no endpoint
/// or more than one could have produced, or a code declared twice, is not located.
/// </summary>
public sealed class SourceLocator : IDeclarationLocator
{
    private readonly IReadOnlyList<Endpoint> _endpoints;
    private readonly Dictionary<string, List<Endpoint>> _byRoute;
    private readonly Endpoint[] _anyRoute;

    private SourceLocator(IReadOnlyList<Endpoint> endpoints)
    {
        _endpoints = endpoints;
        var byRoute = new Dictionary<string, List<Endpoint>>(StringComparer.Ordinal);
        var anyRoute = new List<Endpoint>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Routes is null)
            {
                anyRoute.Add(endpoint);
                continue;
            }

            foreach (var route in endpoint.Routes.Distinct(StringComparer.Ordinal))
            {
                if (!byRoute.TryGetValue(route, out var same))
                {
                    byRoute[route] = same = [];
                }

                same.Add(endpoint);
            }
        }

        _byRoute = byRoute;
        _anyRoute = anyRoute.ToArray();
    }

    /// <summary>How many endpoints the sources declare (ignored ones included).</summary>
    public int EndpointCount => _endpoints.Count;

    /// <summary>Finds every minimal-API endpoint and controller action of <paramref name="sources"/>.</summary>
    public static SourceLocator Create(ProjectSources sources)
    {
        var values = new Values(sources);
        var responses = new Responses(values);
        // The two searches share nothing they change (Values and Responses keep no state, the project's indexes are
        // built once and thread-safely, Roslyn's trees are immutable): the controllers are found on another core while
        // the minimal APIs are, so that the first use of each one's code paths, most of a first lint's search, overlaps.
        var controllers = Task.Run(() => new ControllerEndpoints(sources, values, responses).Find().ToArray());
        var minimalApis = new MinimalApiEndpoints(sources, values, responses).Find().ToArray();
        return new SourceLocator([.. minimalApis, .. controllers.GetAwaiter().GetResult()]);
    }

    /// <inheritdoc />
    public SourceLocation? Locate(string method, string path, string? statusCode)
    {
        var verb = method.ToUpperInvariant();
        var route = RouteTemplates.Normalize(path);
        var candidates = (_byRoute.TryGetValue(route, out var routed) ? routed : []).Concat(_anyRoute)
            .Where(endpoint => !endpoint.Ignored && endpoint.MayMatch(verb, route))
            .Take(2)
            .ToArray();
        if (candidates is not [{ IsKnown: true } endpoint])
        {
            return null;
        }

        if (statusCode is null)
        {
            return endpoint.Location;
        }

        if (!int.TryParse(statusCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            // A range (4XX) or default: no C# declares exactly that.
            return null;
        }

        var own = Single(endpoint.Responses, code);
        if (own.Found || own.Ambiguous)
        {
            return own.Location;
        }

        var inherited = Single(endpoint.InheritedResponses, code);
        if (inherited.Found || inherited.Ambiguous)
        {
            return inherited.Location;
        }

        // Nothing declared at all: the generators document the implicit 200 of the endpoint itself.
        return code == 200 && endpoint.Responses.Count == 0 && endpoint.InheritedResponses.Count == 0 ? endpoint.Location : null;
    }

    /// <summary>The one declaration of <paramref name="code"/>; a declaration whose code is unknown might be it too.</summary>
    private static (bool Found, bool Ambiguous, SourceLocation? Location) Single(IReadOnlyList<ResponseDeclaration> declarations, int code)
    {
        var matching = declarations.Where(declaration => declaration.StatusCode == code).Take(2).ToArray();
        var unknown = declarations.Any(declaration => declaration.StatusCode == 0);
        return matching.Length switch
        {
            1 when !unknown => (true, false, matching[0].Location),
            0 when !unknown => (false, false, null),
            _ => (false, true, null),
        };
    }
}
