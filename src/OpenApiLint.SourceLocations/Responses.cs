using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// The status codes C# declares for an endpoint, read the way ASP.NET Core's API explorer reads them:
/// <c>[ProducesResponseType]</c> (the <c>StatusCode</c> named argument wins, then the <c>statusCode</c> parameter,
/// 200 without one), <c>Produces*</c> calls, a handler's <c>Results&lt;…&gt;</c> type or returned typed results.
/// </summary>
internal sealed class Responses(Values values)
{
    /// <summary>Codes from <c>[ProducesResponseType]</c> (and Swashbuckle's <c>[SwaggerResponse]</c>) in <paramref name="lists"/>.</summary>
    public IEnumerable<ResponseDeclaration> FromAttributes(IEnumerable<AttributeListSyntax> lists)
    {
        foreach (var attribute in lists.SelectMany(list => list.Attributes))
        {
            var (name, generic) = AttributeName(attribute.Name);
            if (name is "ProducesResponseType")
            {
                yield return ProducesResponseType(attribute, generic);
            }
            else if (name is "SwaggerResponse" && attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals is null) is { } first)
            {
                yield return Declared(first.Expression);
            }
        }
    }

    /// <summary>
    /// The codes one convention call on an endpoint or a group declares: <c>Produces…</c>, or
    /// <c>WithMetadata(new ProducesResponseTypeAttribute(…))</c>; nothing for other calls.
    /// </summary>
    public IEnumerable<ResponseDeclaration> FromConvention(InvocationExpressionSyntax invocation, SimpleNameSyntax name)
    {
        if (name.Identifier.ValueText == "WithMetadata")
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is ObjectCreationExpressionSyntax creation && FromMetadata(creation) is { } declared)
                {
                    yield return declared;
                }
            }

            yield break;
        }

        int? fallback = name.Identifier.ValueText switch
        {
            "Produces" => 200,
            "ProducesValidationProblem" => 400,
            "ProducesProblem" => 0,
            _ => null,
        };

        if (fallback is null)
        {
            yield break;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var code = arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "statusCode")
            ?? (arguments.Count > 0 && arguments[0].NameColon is null ? arguments[0] : null);
        yield return code is null ? new ResponseDeclaration(fallback.Value, Values.Location(name)) : Declared(code.Expression);
    }

    /// <summary>
    /// <c>new ProducesResponseTypeAttribute(…)</c> (any constructor, generic too, <c>{ StatusCode = … }</c>) or
    /// <c>new ProducesResponseTypeMetadata(statusCode, …)</c> given as endpoint metadata.
    /// </summary>
    private ResponseDeclaration? FromMetadata(ObjectCreationExpressionSyntax creation)
    {
        var (typeName, generic) = creation.Type is NameSyntax type ? AttributeName(type) : (null, false);
        var initialized = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(assignment => assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "StatusCode" });
        if (typeName is not ("ProducesResponseType" or "ProducesResponseTypeMetadata"))
        {
            return null;
        }

        if (initialized is not null)
        {
            return Declared(initialized.Right);
        }

        var arguments = creation.ArgumentList?.Arguments ?? default;
        var named = arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "statusCode");
        if (named is not null)
        {
            return Declared(named.Expression);
        }

        var positional = arguments.Where(argument => argument.NameColon is null).ToArray();
        var code = typeName == "ProducesResponseTypeMetadata" || generic || positional.Length == 0 || positional[0].Expression is not TypeOfExpressionSyntax
            ? positional.FirstOrDefault()
            : positional.Skip(1).FirstOrDefault();
        return code is null ? new ResponseDeclaration(200, Values.Location(creation.Type)) : Declared(code.Expression);
    }

    /// <summary>
    /// Codes a handler's declared return type names: <c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c> (inside
    /// <c>Task</c>/<c>ValueTask</c>), or one typed result such as <c>Created&lt;T&gt;</c>.
    /// </summary>
    public static IReadOnlyList<ResponseDeclaration> FromReturnType(TypeSyntax? type)
    {
        type = UnwrapTask(type);
        if (type is null)
        {
            return [];
        }

        if (SimpleName(type) is GenericNameSyntax { Identifier.ValueText: "Results" } results)
        {
            return results.TypeArgumentList.Arguments.Select(TypedResult).OfType<ResponseDeclaration>().ToArray();
        }

        return TypedResult(type) is { } single ? [single] : [];
    }

    /// <summary>
    /// Codes of the <c>TypedResults.X(…)</c> a handler body returns (its own returns, not those of nested lambdas or
    /// local functions), for a handler whose return type is inferred.
    /// </summary>
    public static IReadOnlyList<ResponseDeclaration> FromReturnedResults(SyntaxNode body)
    {
        var returned = body is ExpressionSyntax expression
            ? [expression]
            : body.DescendantNodes(node => node == body || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>()
                .Select(statement => statement.Expression)
                .OfType<ExpressionSyntax>();

        var declarations = new List<ResponseDeclaration>();
        foreach (var result in returned.SelectMany(Branches))
        {
            if (result is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var owner, Name: var factory } }
                && Values.LastName(owner) == "TypedResults"
                && WellKnown.TypedResultFactories.TryGetValue(factory.Identifier.ValueText, out var code))
            {
                declarations.Add(new ResponseDeclaration(code, Values.Location(result)));
            }
        }

        return declarations;
    }

    private ResponseDeclaration ProducesResponseType(AttributeSyntax attribute, bool generic)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var named = arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "StatusCode")
            ?? arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "statusCode");
        if (named is not null)
        {
            return Declared(named.Expression);
        }

        var positional = arguments.Where(argument => argument.NameEquals is null && argument.NameColon is null).ToArray();
        // (int statusCode), (Type type, int statusCode, …), ProducesResponseType<T>(int statusCode, …), (Type type) → 200.
        var code = generic || positional.Length == 0 || positional[0].Expression is not TypeOfExpressionSyntax
            ? positional.FirstOrDefault()
            : positional.Skip(1).FirstOrDefault();
        return code is null ? new ResponseDeclaration(200, Values.Location(attribute)) : Declared(code.Expression);
    }

    private ResponseDeclaration Declared(ExpressionSyntax expression) => new(values.Int(expression) ?? 0, Values.Location(expression));

    private static ResponseDeclaration? TypedResult(TypeSyntax type) =>
        SimpleName(type) is { } name && WellKnown.TypedResultTypes.TryGetValue(name.Identifier.ValueText, out var code)
            ? new ResponseDeclaration(code, Values.Location(type))
            : null;

    private static TypeSyntax? UnwrapTask(TypeSyntax? type)
    {
        while (type is not null && SimpleName(type) is GenericNameSyntax { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 } task)
        {
            type = task.TypeArgumentList.Arguments[0];
        }

        return type is NullableTypeSyntax nullable ? nullable.ElementType : type;
    }

    private static SimpleNameSyntax? SimpleName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple,
        QualifiedNameSyntax qualified => qualified.Right,
        AliasQualifiedNameSyntax alias => alias.Name,
        _ => null,
    };

    /// <summary>Both results of <c>found ? TypedResults.Ok(x) : TypedResults.NotFound()</c>; <c>await</c> and casts unwrapped.</summary>
    private static IEnumerable<ExpressionSyntax> Branches(ExpressionSyntax expression) => expression switch
    {
        ConditionalExpressionSyntax conditional => Branches(conditional.WhenTrue).Concat(Branches(conditional.WhenFalse)),
        ParenthesizedExpressionSyntax parenthesized => Branches(parenthesized.Expression),
        CastExpressionSyntax cast => Branches(cast.Expression),
        AwaitExpressionSyntax awaited => Branches(awaited.Expression),
        SwitchExpressionSyntax switched => switched.Arms.SelectMany(arm => Branches(arm.Expression)),
        _ => [expression],
    };

    /// <summary>The attribute's name without namespace and <c>Attribute</c> suffix, and whether it is generic.</summary>
    internal static (string? Name, bool Generic) AttributeName(NameSyntax name)
    {
        var simple = name switch
        {
            SimpleNameSyntax plain => plain,
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax alias => alias.Name,
            _ => null,
        };

        if (simple is null)
        {
            return (null, false);
        }

        var text = simple.Identifier.ValueText;
        if (text.EndsWith("Attribute", StringComparison.Ordinal) && text.Length > "Attribute".Length)
        {
            text = text[..^"Attribute".Length];
        }

        return (text, simple is GenericNameSyntax);
    }

    /// <summary>The attributes called <paramref name="name"/> (without suffix) in <paramref name="lists"/>.</summary>
    internal static IEnumerable<AttributeSyntax> Named(IEnumerable<AttributeListSyntax> lists, string name) =>
        lists.Where(list => list.Target is null || list.Target.Identifier.IsKind(SyntaxKind.MethodKeyword) || list.Target.Identifier.IsKind(SyntaxKind.TypeKeyword))
            .SelectMany(list => list.Attributes)
            .Where(attribute => AttributeName(attribute.Name).Name == name);

    /// <summary>
    /// What <c>[ApiExplorerSettings]</c> among <paramref name="lists"/> says about <c>IgnoreApi</c>; <c>null</c> when there
    /// is none (the attribute is single and inherited: the nearest one in a class hierarchy decides).
    /// </summary>
    internal bool? IgnoresApi(IEnumerable<AttributeListSyntax> lists)
    {
        foreach (var attribute in Named(lists, "ApiExplorerSettings"))
        {
            return attribute.ArgumentList?.Arguments.Any(argument =>
                argument.NameEquals?.Name.Identifier.ValueText == "IgnoreApi" && IsTrue(argument.Expression)) == true;
        }

        return null;
    }

    private bool IsTrue(ExpressionSyntax expression) => values.Bool(expression) == true;
}
