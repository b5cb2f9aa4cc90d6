using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// Minimal-API endpoints: <c>MapGet/MapPost/MapPut/MapPatch/MapDelete/MapMethods("template", …)</c> on the app or on
/// <c>MapGroup("prefix")</c> groups, however the group reaches the call (nested, in a local, through a parameter or
/// the return value of a method of the project), with the codes their handler and conventions declare.
/// </summary>
internal sealed class MinimalApiEndpoints(ProjectSources sources, Values values, Responses responses)
{
    /// <summary>How far a group is followed through locals, parameters and methods before it counts as unknown.</summary>
    private const int MaxDepth = 24;

    public IEnumerable<Endpoint> Find()
    {
        foreach (var (name, method) in WellKnown.MapMethods)
        {
            foreach (var invocation in sources.InvocationsOf(name))
            {
                if (Endpoint(invocation, method) is { } endpoint)
                {
                    yield return endpoint;
                }
            }
        }
    }

    private Endpoint? Endpoint(InvocationExpressionSyntax invocation, string? fixedMethod)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax member || !IsAspNetCoreMethod(invocation))
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        if (Argument(arguments, "pattern", 0) is not { } pattern)
        {
            return null;
        }

        IReadOnlyList<string>? methods;
        ArgumentSyntax? handler;
        if (fixedMethod is null)
        {
            methods = Argument(arguments, "httpMethods", 1) is { } list ? values.HttpMethods(list.Expression) : null;
            handler = Argument(arguments, "handler", 2);
        }
        else
        {
            methods = [fixedMethod];
            handler = Argument(arguments, "handler", 1);
        }

        var template = values.String(pattern.Expression);
        var prefixes = template is null ? null : Prefixes(member.Expression, 0);
        var routes = prefixes?.Select(prefix => RouteTemplates.Normalize(RouteTemplates.Join(prefix, template!))).Distinct(StringComparer.Ordinal).ToArray();

        var declared = new List<ResponseDeclaration>();
        if (handler is not null)
        {
            declared.AddRange(HandlerResponses(handler.Expression));
        }

        // Conventions chained on the endpoint: app.MapGet(…).Produces(404).ProducesProblem(500).ExcludeFromDescription().
        var ignored = false;
        SyntaxNode node = invocation;
        while (node.Parent is MemberAccessExpressionSyntax next && next.Expression == node && next.Parent is InvocationExpressionSyntax call)
        {
            if (next.Name.Identifier.ValueText == "ExcludeFromDescription")
            {
                ignored = true;
            }
            else if (responses.FromConvention(call, next.Name) is { } declaration)
            {
                declared.Add(declaration);
            }

            node = call;
        }

        return new Endpoint(methods, routes, Values.Location(member.Name), declared, [], ignored);
    }

    /// <summary>
    /// What the handler declares: <c>[ProducesResponseType]</c> on the lambda or method, its declared
    /// <c>Results&lt;…&gt;</c> return type, else the typed results it returns.
    /// </summary>
    private IEnumerable<ResponseDeclaration> HandlerResponses(ExpressionSyntax handler)
    {
        switch (handler)
        {
            case ParenthesizedLambdaExpressionSyntax lambda:
                return Handler(lambda.AttributeLists, lambda.ReturnType, lambda.Body);
            case SimpleLambdaExpressionSyntax lambda:
                return Handler(lambda.AttributeLists, null, lambda.Body);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                var named = sources.MethodsNamed(Values.LastName(handler)!).Take(2).ToArray();
                var method = named.Length == 1 ? named[0] : named.Length == 0 ? null : MethodGroup(handler);
                if (method is null)
                {
                    // A method group that cannot be resolved may declare anything: no code of this endpoint is certain.
                    return [new ResponseDeclaration(0, Values.Location(handler))];
                }

                return method switch
                {
                    MethodDeclarationSyntax declaration => Handler(declaration.AttributeLists, declaration.ReturnType, (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody?.Expression),
                    LocalFunctionStatementSyntax local => Handler(local.AttributeLists, local.ReturnType, (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression),
                    _ => [new ResponseDeclaration(0, Values.Location(handler))],
                };
            default:
                return [new ResponseDeclaration(0, Values.Location(handler))];
        }
    }

    private IEnumerable<ResponseDeclaration> Handler(SyntaxList<AttributeListSyntax> attributes, TypeSyntax? returnType, SyntaxNode? body)
    {
        var declared = responses.FromAttributes(attributes).ToList();
        var fromType = Responses.FromReturnType(returnType);
        declared.AddRange(fromType.Count > 0 || body is null ? fromType : Responses.FromReturnedResults(body));
        return declared;
    }

    private SyntaxNode? MethodGroup(ExpressionSyntax handler)
    {
        var info = sources.Model(handler).GetSymbolInfo(handler);
        var method = info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null);
        var references = method?.DeclaringSyntaxReferences ?? [];
        return references.Length == 1 && sources.Contains(references[0].SyntaxTree) ? references[0].GetSyntax() : null;
    }

    /// <summary>
    /// The route prefixes the builder <paramref name="receiver"/> stands for: <c>""</c> for the app itself,
    /// <c>/orders</c> for <c>app.MapGroup("/orders")</c>; <c>null</c> when it cannot be known.
    /// </summary>
    private IReadOnlyList<string>? Prefixes(ExpressionSyntax receiver, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (receiver)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Prefixes(parenthesized.Expression, depth + 1);
            case CastExpressionSyntax cast:
                return Prefixes(cast.Expression, depth + 1);
            case InvocationExpressionSyntax invocation:
                return InvocationPrefixes(invocation, depth);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return SymbolPrefixes(receiver, depth);
            default:
                return null;
        }
    }

    private IReadOnlyList<string>? InvocationPrefixes(InvocationExpressionSyntax invocation, int depth)
    {
        if (ProjectSources.InvokedName(invocation) == "MapGroup" && invocation.Expression is MemberAccessExpressionSyntax group)
        {
            var prefix = Argument(invocation.ArgumentList.Arguments, "prefix", 0) is { } argument ? values.String(argument.Expression) : null;
            return prefix is null ? null : Prefixes(group.Expression, depth + 1)?.Select(outer => RouteTemplates.Join(outer, prefix)).ToArray();
        }

        var declared = sources.MethodsNamed(ProjectSources.InvokedName(invocation) ?? "").Take(2).ToArray();
        var bodies = declared.Length switch
        {
            0 => [],
            1 => Body(declared[0]) is { } body ? [body] : [],
            _ => Method(invocation) is { } method ? SourceBodies(method).ToArray() : [],
        };
        if (bodies.Length > 0)
        {
            // A method of the project that returns a builder: what it returns.
            var returned = bodies.SelectMany(ReturnedExpressions).ToArray();
            return returned.Length == 0 ? null : Union(returned.Select(expression => Prefixes(expression, depth + 1)));
        }

        // Anything else on a builder (WithTags, RequireAuthorization, Build) keeps the builder's prefix; a static
        // factory (WebApplication.CreateBuilder) starts at the root.
        return invocation.Expression is MemberAccessExpressionSyntax member ? Prefixes(member.Expression, depth + 1) : [""];
    }

    private IReadOnlyList<string>? SymbolPrefixes(ExpressionSyntax expression, int depth)
    {
        if (expression is IdentifierNameSyntax identifier)
        {
            switch (Scopes.Find(identifier))
            {
                case DeclaredLocal local:
                    return local.Declarator.Initializer?.Value is { } value ? Prefixes(value, depth + 1) : null;
                case DeclaredParameter parameter:
                    return ParameterPrefixes(parameter, depth);
            }
        }

        var name = Values.LastName(expression);
        if (name is null || !sources.DeclaresMember(name))
        {
            // Not a local, a parameter, a field or a property of the project: a type (WebApplication) or a namespace,
            // where a builder chain starts.
            return [""];
        }

        var symbol = sources.Model(expression).GetSymbolInfo(expression).Symbol;
        switch (symbol)
        {
            case null or INamedTypeSymbol or INamespaceSymbol:
                return [""];
            case ILocalSymbol local:
                return Initializer(local) is { } value ? Prefixes(value, depth + 1) : null;
            case IParameterSymbol parameter:
                return ParameterPrefixes(parameter, depth);
            case IFieldSymbol or IPropertySymbol:
                return Initializer(symbol) is { } initial ? Prefixes(initial, depth + 1) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A builder passed in as <paramref name="parameter"/> of a method of the project: the prefixes of what every call
    /// passes for it. Read from the syntax when the method's name is the project's only one of that name.
    /// </summary>
    private IReadOnlyList<string>? ParameterPrefixes(DeclaredParameter parameter, int depth)
    {
        var (name, parameters) = parameter.Owner switch
        {
            MethodDeclarationSyntax method => (method.Identifier.ValueText, method.ParameterList.Parameters),
            LocalFunctionStatementSyntax local => (local.Identifier.ValueText, local.ParameterList.Parameters),
            _ => (null, default),
        };

        if (name is null)
        {
            // A lambda's parameter: whoever calls the lambda decides.
            return null;
        }

        if (sources.MethodsNamed(name).Take(2).Count() > 1)
        {
            return sources.Model(parameter.Parameter).GetDeclaredSymbol(parameter.Parameter) is IParameterSymbol symbol ? ParameterPrefixes(symbol, depth) : null;
        }

        var extension = parameters.Count > 0 && parameters[0].Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ThisKeyword);
        var owner = parameter.Owner.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText;
        var passed = new List<ExpressionSyntax>();
        foreach (var call in sources.InvocationsOf(name))
        {
            var member = call.Expression as MemberAccessExpressionSyntax;
            // x.MapCatalog() is the reduced form of an extension; Catalog.MapCatalog(x) and MapCatalog(x) are not.
            var reduced = extension && member is not null && Values.LastName(member.Expression) != owner;
            var argument = reduced && parameter.Ordinal == 0
                ? member!.Expression
                : Argument(call.ArgumentList.Arguments, parameter.Parameter.Identifier.ValueText, parameter.Ordinal - (reduced ? 1 : 0))?.Expression;
            if (argument is null)
            {
                return null;
            }

            passed.Add(argument);
        }

        return passed.Count == 0 ? null : Union(passed.Select(argument => Prefixes(argument, depth + 1)));
    }

    /// <summary>A builder passed in: the prefixes of what every call of the method passes for it.</summary>
    private IReadOnlyList<string>? ParameterPrefixes(IParameterSymbol parameter, int depth)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method)
        {
            return null;
        }

        var passed = new List<ExpressionSyntax>();
        foreach (var call in sources.InvocationsOf(method.Name))
        {
            if (Method(call) is not { } called || !SymbolEqualityComparer.Default.Equals((called.ReducedFrom ?? called).OriginalDefinition, method.OriginalDefinition))
            {
                continue;
            }

            var reduced = called.ReducedFrom is not null;
            ExpressionSyntax? argument = reduced && parameter.Ordinal == 0
                ? (call.Expression as MemberAccessExpressionSyntax)?.Expression
                : Argument(call.ArgumentList.Arguments, parameter.Name, parameter.Ordinal - (reduced ? 1 : 0))?.Expression;
            if (argument is null)
            {
                return null;
            }

            passed.Add(argument);
        }

        // Never called in the project (or only through a delegate): where its endpoints go is unknown.
        return passed.Count == 0 ? null : Union(passed.Select(argument => Prefixes(argument, depth + 1)));
    }

    private static IReadOnlyList<string>? Union(IEnumerable<IReadOnlyList<string>?> prefixes)
    {
        var all = new List<string>();
        foreach (var some in prefixes)
        {
            if (some is null)
            {
                return null;
            }

            all.AddRange(some);
        }

        return all.Distinct(StringComparer.Ordinal).ToArray();
    }

    private ExpressionSyntax? Initializer(ISymbol symbol)
    {
        var references = symbol.DeclaringSyntaxReferences;
        if (references.Length != 1 || !sources.Contains(references[0].SyntaxTree))
        {
            return null;
        }

        return references[0].GetSyntax() switch
        {
            VariableDeclaratorSyntax { Initializer.Value: var value } => value,
            PropertyDeclarationSyntax { Initializer.Value: var value } => value,
            PropertyDeclarationSyntax { ExpressionBody.Expression: var value } => value,
            _ => null,
        };
    }

    private static SyntaxNode? Body(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
        LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
        _ => null,
    };

    private IEnumerable<SyntaxNode> SourceBodies(IMethodSymbol method) =>
        (method.ReducedFrom ?? method).OriginalDefinition.DeclaringSyntaxReferences
            .Where(reference => sources.Contains(reference.SyntaxTree))
            .Select(reference => reference.GetSyntax() switch
            {
                MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
                _ => null,
            })
            .OfType<SyntaxNode>();

    private static IEnumerable<ExpressionSyntax> ReturnedExpressions(SyntaxNode body) => body is ExpressionSyntax expression
        ? [expression]
        : body.DescendantNodes(node => node == body || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .Select(statement => statement.Expression)
            .OfType<ExpressionSyntax>();

    private IMethodSymbol? Method(InvocationExpressionSyntax invocation)
    {
        if (!sources.Contains(invocation.SyntaxTree))
        {
            return null;
        }

        var info = sources.Model(invocation).GetSymbolInfo(invocation);
        return info.Symbol as IMethodSymbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] as IMethodSymbol : null);
    }

    /// <summary>
    /// A <c>MapGet</c> of the project's own (not ASP.NET Core's) declares no endpoint. When the references are not
    /// known the call does not resolve, and the name is taken at its word.
    /// </summary>
    private bool IsAspNetCoreMethod(InvocationExpressionSyntax invocation)
    {
        if (!sources.MethodsNamed(ProjectSources.InvokedName(invocation)!).Any())
        {
            // The project declares no method of that name: the call is ASP.NET Core's.
            return true;
        }

        var method = Method(invocation);
        if (method is null)
        {
            return true;
        }

        if (method.DeclaringSyntaxReferences.Length > 0)
        {
            return false;
        }

        var owner = method.ContainingNamespace?.ToDisplayString() ?? "";
        return owner.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);
    }

    /// <summary>The argument for parameter <paramref name="name"/>: named, else the positional one at <paramref name="position"/>.</summary>
    internal static ArgumentSyntax? Argument(SeparatedSyntaxList<ArgumentSyntax> arguments, string name, int position)
    {
        var named = arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named;
        }

        return position >= 0 && position < arguments.Count && arguments[position].NameColon is null ? arguments[position] : null;
    }
}
