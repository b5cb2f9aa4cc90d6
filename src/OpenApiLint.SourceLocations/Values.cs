using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenApiLint.Core.Diagnostics;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// Values of C# expressions the way the compiler computes them: literals directly, everything else (constants,
/// concatenations, <c>StatusCodes.Status404NotFound</c>, casts of enum members) through the semantic model.
/// </summary>
internal sealed class Values(ProjectSources sources)
{
    public int? Int(ExpressionSyntax expression)
    {
        expression = Unwrap(expression);
        if (expression is LiteralExpressionSyntax { Token.Value: int literal })
        {
            return literal;
        }

        if (Constant(expression) is { } value)
        {
            return value switch
            {
                int number => number,
                Enum member => Convert.ToInt32(member, CultureInfo.InvariantCulture),
                IConvertible convertible when value is short or long or byte or ushort or uint => convertible.ToInt32(CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        // The references are not known (or do not include ASP.NET Core): its StatusCodes constants say their value.
        if (expression is MemberAccessExpressionSyntax { Expression: var owner, Name: IdentifierNameSyntax name } && LastName(owner) == "StatusCodes" && !Resolves(expression))
        {
            return WellKnown.StatusCodesConstant(name.Identifier.ValueText);
        }

        return null;
    }

    public bool? Bool(ExpressionSyntax expression)
    {
        expression = Unwrap(expression);
        return expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression) => true,
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.FalseLiteralExpression) => false,
            _ => Constant(expression) as bool?,
        };
    }

    public string? String(ExpressionSyntax expression)
    {
        expression = Unwrap(expression);
        if (expression is LiteralExpressionSyntax { Token.Value: string literal })
        {
            return literal;
        }

        return Constant(expression) as string;
    }

    /// <summary>The HTTP methods of <c>MapMethods</c>' second argument; <c>null</c> when any is not known.</summary>
    public IReadOnlyList<string>? HttpMethods(ExpressionSyntax expression)
    {
        IEnumerable<ExpressionSyntax>? elements = Unwrap(expression) switch
        {
            CollectionExpressionSyntax collection => collection.Elements.Select(element => element is ExpressionElementSyntax item ? item.Expression : null!),
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            _ => null,
        };

        if (elements is null)
        {
            return null;
        }

        var methods = new List<string>();
        foreach (var element in elements)
        {
            if (element is null)
            {
                return null;
            }

            var method = String(element)
                ?? (element is MemberAccessExpressionSyntax { Expression: var owner, Name: IdentifierNameSyntax name } && LastName(owner) == "HttpMethods" ? WellKnown.HttpMethodsField(name.Identifier.ValueText) : null);
            if (method is null)
            {
                return null;
            }

            methods.Add(method.ToUpperInvariant());
        }

        return methods;
    }

    public static SourceLocation Location(SyntaxNode node) => Location(node.GetLocation());

    public static SourceLocation Location(SyntaxToken token) => Location(token.GetLocation());

    private static SourceLocation Location(Location location)
    {
        var span = location.GetLineSpan();
        return new SourceLocation(
            span.Path,
            "",
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1);
    }

    public static string? LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    expression = suppressed.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }

    private object? Constant(ExpressionSyntax expression)
    {
        if (!sources.Contains(expression.SyntaxTree))
        {
            return null;
        }

        var constant = sources.Model(expression).GetConstantValue(expression);
        return constant.HasValue ? constant.Value : null;
    }

    private bool Resolves(ExpressionSyntax expression) =>
        sources.Contains(expression.SyntaxTree) && sources.Model(expression).GetSymbolInfo(expression).Symbol is not null;
}
