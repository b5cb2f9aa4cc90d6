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
                foreach (var endpoint in Endpoints(invocation, method))
                {
                    yield return endpoint;
                }
            }
        }
    }

    private IEnumerable<Endpoint> Endpoints(InvocationExpressionSyntax invocation, string? fixedMethod)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax member || !IsAspNetCoreMethod(invocation))
        {
            return [];
        }

        var arguments = invocation.ArgumentList.Arguments;
        if (Argument(arguments, "pattern", 0) is not { } pattern)
        {
            return [];
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

        var declared = new List<ResponseDeclaration>();
        if (handler is not null)
        {
            declared.AddRange(HandlerResponses(handler.Expression));
        }

        // Conventions on the endpoint: chained (app.MapGet(…).Produces(404).ExcludeFromDescription()), or on the
        // local it is kept in (var get = app.MapGet(…); get.ProducesProblem(500);).
        var own = Applied(invocation, Builder.Endpoint);
        declared.AddRange(own.Declarations);
        if (TopOfChain(invocation).Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator })
        {
            var later = UsesOf(new DeclaredLocal(declarator, false), Builder.Endpoint);
            declared.AddRange(later.Declarations);
            own = own with { Ignored = own.Ignored || later.Ignored };
        }

        var location = Values.Location(member.Name);
        var ownCodes = declared.Distinct().ToArray();
        var template = values.String(pattern.Expression);
        var groups = template is null ? null : Groups(member.Expression, 0, Bindings.Empty);
        if (groups is null)
        {
            return [new Endpoint(methods, null, location, ownCodes, [], own.Ignored)];
        }

        // Every group the endpoint is mapped in gives a route; groups whose conventions differ give endpoints whose
        // inherited codes differ.
        return groups
            .GroupBy(group => group.ConventionsKey, StringComparer.Ordinal)
            .Select(same => new Endpoint(
                methods,
                same.Select(group => RouteTemplates.Normalize(RouteTemplates.Join(group.Prefix, template!))).Distinct(StringComparer.Ordinal).ToArray(),
                location,
                ownCodes,
                same.First().Conventions,
                own.Ignored || same.First().Ignored))
            .ToArray();
    }

    /// <summary>The outermost call of the chain <paramref name="expression"/> starts: <c>x.A().B().C()</c> for <c>x</c>.</summary>
    private static ExpressionSyntax TopOfChain(ExpressionSyntax expression)
    {
        var node = expression;
        while (node.Parent is MemberAccessExpressionSyntax next && next.Expression == node && next.Parent is InvocationExpressionSyntax call)
        {
            node = call;
        }

        return node;
    }

    /// <summary>
    /// The conventions chained on the builder <paramref name="builder"/> stands for, through every call that returns
    /// that builder (conventions, <c>MapToApiVersion</c>, the project's own extensions…), up to the first call that
    /// makes another one: what is chained after <c>orders.MapGet(…)</c> applies to that endpoint, not to the group.
    /// </summary>
    private Applied Applied(ExpressionSyntax builder, Builder kind)
    {
        var declarations = new List<ResponseDeclaration>();
        var ignored = false;
        SyntaxNode node = builder;
        while (node.Parent is MemberAccessExpressionSyntax next && next.Expression == node && next.Parent is InvocationExpressionSyntax call)
        {
            var name = next.Name.Identifier.ValueText;
            if (kind == Builder.Group && WellKnown.MapsOnRouteBuilder(name))
            {
                break;
            }

            if (name == "ExcludeFromDescription")
            {
                ignored = true;
            }
            else
            {
                declarations.AddRange(responses.FromConvention(call, next.Name));
            }

            node = call;
        }

        return new Applied(declarations, ignored);
    }

    /// <summary>
    /// The conventions applied through every use of a local or parameter holding a builder
    /// (<c>orders.ProducesProblem(401);</c> anywhere in its scope: conventions apply whenever they are added).
    /// </summary>
    private Applied UsesOf(Declared declared, Builder kind)
    {
        var (key, name, scope) = declared switch
        {
            DeclaredLocal local => ((SyntaxNode)local.Declarator, local.Declarator.Identifier.ValueText, LocalScope(local.Declarator)),
            DeclaredParameter parameter => (parameter.Parameter, parameter.Parameter.Identifier.ValueText, parameter.Owner),
            _ => throw new ArgumentOutOfRangeException(nameof(declared)),
        };

        if (_uses.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var declarations = new List<ResponseDeclaration>();
        var ignored = false;
        if (scope is not null)
        {
            foreach (var use in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (use.Identifier.ValueText != name || !SameDeclaration(Scopes.Find(use), key))
                {
                    continue;
                }

                var applied = Applied(use, kind);
                declarations.AddRange(applied.Declarations);
                ignored |= applied.Ignored;
            }
        }

        return _uses[key] = new Applied(declarations, ignored);
    }

    private readonly Dictionary<SyntaxNode, Applied> _uses = [];

    private static bool SameDeclaration(Declared? found, SyntaxNode key) => found switch
    {
        DeclaredLocal local => local.Declarator == key,
        DeclaredParameter parameter => parameter.Parameter == key,
        _ => false,
    };

    /// <summary>Where a local can be used: its block, switch section, or the top-level statements of its file.</summary>
    private static SyntaxNode? LocalScope(VariableDeclaratorSyntax declarator) => declarator.Parent?.Parent?.Parent switch
    {
        GlobalStatementSyntax global => global.Parent,
        BlockSyntax or SwitchSectionSyntax => declarator.Parent.Parent.Parent,
        _ => null,
    };

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
    /// The route groups the builder <paramref name="receiver"/> stands for: the app itself (<see cref="Group.Root"/>),
    /// <c>app.MapGroup("/orders")</c> with the conventions applied to it and to the groups around it; <c>null</c>
    /// when it cannot be known. <paramref name="bindings"/> are the arguments of the calls being followed into.
    /// </summary>
    private IReadOnlyList<Group>? Groups(ExpressionSyntax receiver, int depth, Bindings bindings)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (receiver)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Groups(parenthesized.Expression, depth + 1, bindings);
            case CastExpressionSyntax cast:
                return Groups(cast.Expression, depth + 1, bindings);
            case InvocationExpressionSyntax invocation:
                return InvocationGroups(invocation, depth, bindings);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return SymbolGroups(receiver, depth, bindings);
            default:
                return null;
        }
    }

    private IReadOnlyList<Group>? InvocationGroups(InvocationExpressionSyntax invocation, int depth, Bindings bindings)
    {
        if (ProjectSources.InvokedName(invocation) == "MapGroup" && invocation.Expression is MemberAccessExpressionSyntax group)
        {
            var prefix = Argument(invocation.ArgumentList.Arguments, "prefix", 0) is { } argument ? values.String(argument.Expression) : null;
            // The conventions of the groups around it apply to every endpoint of this one too.
            return prefix is null ? null : Groups(group.Expression, depth + 1, bindings)?.Select(outer => outer with { Prefix = RouteTemplates.Join(outer.Prefix, prefix) }).ToArray();
        }

        var declared = sources.MethodsNamed(ProjectSources.InvokedName(invocation) ?? "").Take(2).ToArray();
        if (declared.Length == 1 && Body(declared[0]) is { } body)
        {
            // A method of the project that returns a builder: what it returns, its parameters being what this call passes.
            var returned = ReturnedExpressions(body).ToArray();
            var inner = bindings.Into(declared[0], invocation);
            return returned.Length == 0 ? null : Union(returned.Select(expression => Groups(expression, depth + 1, inner)));
        }

        if (declared.Length > 1 && Method(invocation) is { } method && SourceBodies(method).ToArray() is { Length: > 0 } bodies)
        {
            var returned = bodies.SelectMany(ReturnedExpressions).ToArray();
            return returned.Length == 0 ? null : Union(returned.Select(expression => Groups(expression, depth + 1, bindings)));
        }

        if (invocation.Expression is not MemberAccessExpressionSyntax member)
        {
            // A static factory (WebApplication.CreateBuilder) starts at the root.
            return [Group.Root];
        }

        // Anything else on a builder keeps the builder (WithTags, RequireAuthorization, Build); a convention such as
        // ProducesProblem(401) on a group declares that code for each of its endpoints.
        var groups = Groups(member.Expression, depth + 1, bindings);
        var name = member.Name.Identifier.ValueText;
        if (groups is null)
        {
            return null;
        }

        var conventions = responses.FromConvention(invocation, member.Name).ToArray();
        var excluded = name == "ExcludeFromDescription";
        return conventions.Length == 0 && !excluded ? groups : groups.Select(outer => outer.With(conventions, excluded)).ToArray();
    }

    private IReadOnlyList<Group>? SymbolGroups(ExpressionSyntax expression, int depth, Bindings bindings)
    {
        if (expression is IdentifierNameSyntax identifier)
        {
            switch (Scopes.Find(identifier))
            {
                case DeclaredLocal local when bindings == Bindings.Empty:
                    return Remembered(local.Declarator, () => LocalGroups(local, depth, bindings));
                case DeclaredLocal local:
                    return LocalGroups(local, depth, bindings);
                case DeclaredParameter parameter when bindings.Of(parameter) is { } bound:
                    return WithUses(Groups(bound.Argument, depth + 1, bound.Outer), parameter);
                case DeclaredParameter parameter:
                    return Remembered(parameter.Parameter, () => WithUses(ParameterGroups(parameter, depth), parameter));
            }
        }

        var name = Values.LastName(expression);
        if (name is null || !sources.DeclaresMember(name))
        {
            // Not a local, a parameter, a field or a property of the project: a type (WebApplication) or a namespace,
            // where a builder chain starts.
            return [Group.Root];
        }

        var symbol = sources.Model(expression).GetSymbolInfo(expression).Symbol;
        switch (symbol)
        {
            case null or INamedTypeSymbol or INamespaceSymbol:
                return [Group.Root];
            case ILocalSymbol local:
                return Initializer(local) is { } value ? Groups(value, depth + 1, bindings) : null;
            case IParameterSymbol parameter:
                return ParameterGroups(parameter, depth);
            case IFieldSymbol or IPropertySymbol:
                return Initializer(symbol) is { } initial ? Groups(initial, depth + 1, Bindings.Empty) : null;
            default:
                return null;
        }
    }

    private IReadOnlyList<Group>? LocalGroups(DeclaredLocal local, int depth, Bindings bindings) =>
        local.Declarator.Initializer?.Value is { } value ? WithUses(Groups(value, depth + 1, bindings), local) : null;

    /// <summary>
    /// The groups of a local or parameter that does not depend on the call being followed, found once: every endpoint
    /// mapped on <c>orders</c> (and on the groups around it) would otherwise trace the same chain again.
    /// </summary>
    private IReadOnlyList<Group>? Remembered(SyntaxNode declaration, Func<IReadOnlyList<Group>?> find)
    {
        if (!_groupsOf.TryGetValue(declaration, out var groups))
        {
            _groupsOf[declaration] = groups = find();
        }

        return groups;
    }

    private readonly Dictionary<SyntaxNode, IReadOnlyList<Group>?> _groupsOf = [];

    /// <summary>The groups a local or parameter holds, with the conventions applied through its uses.</summary>
    private IReadOnlyList<Group>? WithUses(IReadOnlyList<Group>? groups, Declared declared)
    {
        if (groups is null)
        {
            return null;
        }

        var uses = UsesOf(declared, Builder.Group);
        return uses.Declarations.Count == 0 && !uses.Ignored ? groups : groups.Select(group => group.With(uses.Declarations, uses.Ignored)).ToArray();
    }

    /// <summary>
    /// A builder passed in as <paramref name="parameter"/> of a method of the project: the groups of what every call
    /// passes for it. Read from the syntax when the method's name is the project's only one of that name.
    /// </summary>
    private IReadOnlyList<Group>? ParameterGroups(DeclaredParameter parameter, int depth)
    {
        var list = parameter.Owner switch
        {
            MethodDeclarationSyntax method => method.ParameterList,
            LocalFunctionStatementSyntax local => local.ParameterList,
            _ => null,
        };

        if (list is null)
        {
            // A lambda's parameter: whoever calls the lambda decides.
            return null;
        }

        var name = parameter.Owner is MethodDeclarationSyntax named ? named.Identifier.ValueText : ((LocalFunctionStatementSyntax)parameter.Owner).Identifier.ValueText;
        var parameters = list.Parameters;

        if (sources.MethodsNamed(name).Take(2).Count() > 1)
        {
            return sources.Model(parameter.Parameter).GetDeclaredSymbol(parameter.Parameter) is IParameterSymbol symbol ? ParameterGroups(symbol, depth) : null;
        }

        var passed = new List<ExpressionSyntax>();
        foreach (var call in sources.InvocationsOf(name))
        {
            var argument = Bindings.Passed(parameter.Owner, parameters, call, parameter.Ordinal);
            if (argument is null)
            {
                return null;
            }

            passed.Add(argument);
        }

        return passed.Count == 0 ? null : Union(passed.Select(argument => Groups(argument, depth + 1, Bindings.Empty)));
    }

    /// <summary>A builder passed in: the groups of what every call of the method passes for it.</summary>
    private IReadOnlyList<Group>? ParameterGroups(IParameterSymbol parameter, int depth)
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
        return passed.Count == 0 ? null : Union(passed.Select(argument => Groups(argument, depth + 1, Bindings.Empty)));
    }

    private static IReadOnlyList<Group>? Union(IEnumerable<IReadOnlyList<Group>?> groups)
    {
        var all = new List<Group>();
        foreach (var some in groups)
        {
            if (some is null)
            {
                return null;
            }

            all.AddRange(some);
        }

        // ConventionsKey ends with whether the group is ignored.
        return all.DistinctBy(group => group.Prefix + "\n" + group.ConventionsKey, StringComparer.Ordinal).ToArray();
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

/// <summary>
/// What a builder in a chain is: an endpoint's (<c>RouteHandlerBuilder</c>), on which every call returns the same
/// builder (ASP.NET Core gives it nothing that maps), or a group's, which maps endpoints and groups of its own.
/// </summary>
internal enum Builder
{
    Endpoint,
    Group,
}
