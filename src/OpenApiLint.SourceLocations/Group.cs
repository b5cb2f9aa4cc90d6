using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// A route group as the endpoints mapped on it see it: its prefix, and the codes its conventions (and those of the
/// groups around it) declare for each of them, e.g. <c>app.MapGroup("/orders").ProducesProblem(401)</c>.
/// </summary>
/// <param name="Prefix">The route prefix; <c>""</c> for the app itself.</param>
/// <param name="Conventions">Codes declared for every endpoint of the group.</param>
/// <param name="Ignored">The group is left out of the document (<c>ExcludeFromDescription()</c> on it).</param>
internal sealed record Group(string Prefix, IReadOnlyList<ResponseDeclaration> Conventions, bool Ignored)
{
    /// <summary>The app itself: no prefix, no conventions.</summary>
    public static Group Root { get; } = new("", [], false);

    /// <summary>Identifies the conventions (by code and place), so endpoints of groups that declare the same ones share an endpoint.</summary>
    public string ConventionsKey => string.Join(";", Conventions.Select(declaration =>
        FormattableString.Invariant($"{declaration.StatusCode}@{declaration.Location.File}:{declaration.Location.Line}:{declaration.Location.Column}"))) + (Ignored ? "!" : "");

    /// <summary>This group with <paramref name="more"/> conventions (each place once: a chain can be reached by two paths).</summary>
    public Group With(IEnumerable<ResponseDeclaration> more, bool ignored) =>
        new(Prefix, Conventions.Concat(more).Distinct().ToArray(), Ignored || ignored);
}

/// <summary>Conventions applied to one builder, and whether one of them leaves it out of the document.</summary>
internal sealed record Applied(IReadOnlyList<ResponseDeclaration> Declarations, bool Ignored);

/// <summary>
/// The arguments of the calls followed into while tracing a builder: inside <c>MapOrders(this IEndpointRouteBuilder
/// routes)</c> reached from <c>api.MapOrders()</c>, <c>routes</c> is <c>api</c>, not what every caller passes.
/// </summary>
internal sealed class Bindings
{
    private readonly Dictionary<ParameterSyntax, (ExpressionSyntax Argument, Bindings Outer)> _arguments;

    private Bindings(Dictionary<ParameterSyntax, (ExpressionSyntax, Bindings)> arguments) => _arguments = arguments;

    public static Bindings Empty { get; } = new([]);

    /// <summary>The argument this call passes for <paramref name="parameter"/>, with the bindings it is to be read with.</summary>
    public (ExpressionSyntax Argument, Bindings Outer)? Of(DeclaredParameter parameter) =>
        _arguments.TryGetValue(parameter.Parameter, out var bound) ? bound : null;

    /// <summary>The bindings inside <paramref name="method"/> (a method or local function) called by <paramref name="call"/>.</summary>
    public Bindings Into(SyntaxNode method, InvocationExpressionSyntax call)
    {
        var parameters = method switch
        {
            MethodDeclarationSyntax declaration => declaration.ParameterList.Parameters,
            LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
            _ => default,
        };

        var arguments = new Dictionary<ParameterSyntax, (ExpressionSyntax, Bindings)>(_arguments);
        for (var ordinal = 0; ordinal < parameters.Count; ordinal++)
        {
            if (Passed(method, parameters, call, ordinal) is { } argument)
            {
                arguments[parameters[ordinal]] = (argument, this);
            }
        }

        return new Bindings(arguments);
    }

    /// <summary>
    /// What <paramref name="call"/> passes for the parameter at <paramref name="ordinal"/>: <c>x.MapCatalog()</c> is the
    /// reduced form of an extension (<c>x</c> is its first), <c>Catalog.MapCatalog(x)</c> and <c>MapCatalog(x)</c> are not.
    /// </summary>
    public static ExpressionSyntax? Passed(SyntaxNode method, SeparatedSyntaxList<ParameterSyntax> parameters, InvocationExpressionSyntax call, int ordinal)
    {
        var extension = parameters.Count > 0 && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword);
        var owner = method.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText;
        var member = call.Expression as MemberAccessExpressionSyntax;
        var reduced = extension && member is not null && Values.LastName(member.Expression) != owner;
        return reduced && ordinal == 0
            ? member!.Expression
            : MinimalApiEndpoints.Argument(call.ArgumentList.Arguments, parameters[ordinal].Identifier.ValueText, ordinal - (reduced ? 1 : 0))?.Expression;
    }
}
