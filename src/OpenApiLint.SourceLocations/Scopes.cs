using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>What a simple name refers to inside a method: a local declared before it, or a parameter.</summary>
internal abstract record Declared;

/// <summary>A local variable (or constant) and its declarator.</summary>
internal sealed record DeclaredLocal(VariableDeclaratorSyntax Declarator, bool IsConstant) : Declared;

/// <summary>A parameter of <paramref name="Owner"/> (a method, local function or lambda).</summary>
internal sealed record DeclaredParameter(ParameterSyntax Parameter, int Ordinal, SyntaxNode Owner) : Declared;

/// <summary>
/// C#'s scoping rules for locals and parameters, read from the syntax: binding a whole compilation only to learn
/// that <c>orders</c> is the local declared three lines up costs seconds on a large project.
/// </summary>
internal static class Scopes
{
    /// <summary>The local or parameter <paramref name="identifier"/> names; <c>null</c> when it is neither (a field, a type…).</summary>
    public static Declared? Find(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        foreach (var scope in identifier.Ancestors())
        {
            switch (scope)
            {
                case BlockSyntax block when LocalIn(block.Statements, identifier, name) is { } local:
                    return local;
                case SwitchSectionSyntax section when LocalIn(section.Statements, identifier, name) is { } local:
                    return local;
                case CompilationUnitSyntax unit:
                    return LocalIn(unit.Members.OfType<GlobalStatementSyntax>().Select(global => global.Statement), identifier, name);
                case ParenthesizedLambdaExpressionSyntax lambda when Parameter(lambda.ParameterList.Parameters, name, lambda) is { } parameter:
                    return parameter;
                case SimpleLambdaExpressionSyntax lambda when lambda.Parameter.Identifier.ValueText == name:
                    return new DeclaredParameter(lambda.Parameter, 0, lambda);
                case LocalFunctionStatementSyntax local when Parameter(local.ParameterList.Parameters, name, local) is { } parameter:
                    return parameter;
                case BaseMethodDeclarationSyntax method:
                    return Parameter(method.ParameterList.Parameters, name, method);
                case BaseTypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The last declaration of <paramref name="name"/> among <paramref name="statements"/> before the use.</summary>
    private static DeclaredLocal? LocalIn(IEnumerable<StatementSyntax> statements, SyntaxNode use, string name)
    {
        DeclaredLocal? found = null;
        foreach (var statement in statements)
        {
            if (statement.SpanStart >= use.SpanStart)
            {
                break;
            }

            if (statement is LocalDeclarationStatementSyntax declaration
                && declaration.Declaration.Variables.FirstOrDefault(variable => variable.Identifier.ValueText == name) is { } variable)
            {
                found = new DeclaredLocal(variable, declaration.IsConst);
            }
        }

        return found;
    }

    private static DeclaredParameter? Parameter(SeparatedSyntaxList<ParameterSyntax> parameters, string name, SyntaxNode owner)
    {
        for (var index = 0; index < parameters.Count; index++)
        {
            if (parameters[index].Identifier.ValueText == name)
            {
                return new DeclaredParameter(parameters[index], index, owner);
            }
        }

        return null;
    }
}
