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
    /// <summary>How deep constants may refer to constants before the value counts as unknown.</summary>
    private const int MaxDepth = 16;

    public int? Int(ExpressionSyntax expression) => Evaluate(expression, 0) switch
    {
        int number => number,
        Enum member => Convert.ToInt32(member, CultureInfo.InvariantCulture),
        short or long or byte or ushort or uint or sbyte => Convert.ToInt32(Evaluate(expression, 0), CultureInfo.InvariantCulture),
        _ => null,
    };

    public bool? Bool(ExpressionSyntax expression) => Evaluate(expression, 0) as bool?;

    public string? String(ExpressionSyntax expression) => Evaluate(expression, 0) as string;

    /// <summary>
    /// The constant value of <paramref name="expression"/>: literals, <c>const</c> locals and fields of the project,
    /// concatenations and interpolations of those, ASP.NET Core's <c>StatusCodes</c>; anything else through the
    /// semantic model (the compilation is made then, and only then).
    /// </summary>
    private object? Evaluate(ExpressionSyntax expression, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        expression = Unwrap(expression);
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                return literal.Token.Value;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                return (Evaluate(add.Left, depth + 1), Evaluate(add.Right, depth + 1)) switch
                {
                    (string left, string right) => left + right,
                    (int left, int right) => left + right,
                    _ => Constant(expression),
                };
            case InterpolatedStringExpressionSyntax interpolated:
                return Interpolate(interpolated, depth) ?? Constant(expression);
            case IdentifierNameSyntax identifier:
                switch (Scopes.Find(identifier))
                {
                    case DeclaredLocal { IsConstant: true, Declarator.Initializer.Value: var value }:
                        return Evaluate(value, depth + 1);
                    case DeclaredLocal or DeclaredParameter:
                        return null;
                }

                return Field(identifier.Identifier.ValueText, null, depth) ?? Constant(expression);
            case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } member:
                var owner = LastName(member.Expression);
                if (owner == "StatusCodes" && !sources.DeclaresType("StatusCodes") && WellKnown.StatusCodesConstant(name.Identifier.ValueText) is { } code)
                {
                    return code;
                }

                return Field(name.Identifier.ValueText, owner, depth) ?? Constant(expression);
            default:
                return Constant(expression);
        }
    }

    /// <summary>The value of the one <c>const</c> field of the project called <paramref name="name"/> (in type <paramref name="owner"/>).</summary>
    private object? Field(string name, string? owner, int depth)
    {
        var fields = sources.ConstantsNamed(name)
            .Where(field => owner is null || field.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.ValueText == owner)
            .Take(2)
            .ToArray();
        return fields is [{ Initializer.Value: var value }] ? Evaluate(value, depth + 1) : null;
    }

    private string? Interpolate(InterpolatedStringExpressionSyntax interpolated, int depth)
    {
        var text = new System.Text.StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax literal:
                    text.Append(literal.TextToken.ValueText);
                    break;
                case InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole when Evaluate(hole.Expression, depth + 1) is string or int:
                    text.Append(Convert.ToString(Evaluate(hole.Expression, depth + 1), CultureInfo.InvariantCulture));
                    break;
                default:
                    return null;
            }
        }

        return text.ToString();
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

            var method = (element is MemberAccessExpressionSyntax { Expression: var owner, Name: IdentifierNameSyntax name } && LastName(owner) == "HttpMethods" && !sources.DeclaresType("HttpMethods")
                    ? WellKnown.HttpMethodsField(name.Identifier.ValueText)
                    : null)
                ?? String(element);
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

}
