using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// What the search looks up by name in one parsed file, collected in one walk of its tree on the thread that parsed
/// it: the project's indexes (<see cref="ProjectSources"/>) and the text filter's second pass merge these in file
/// order instead of walking every tree once per index, and the walk's first-use cost (red nodes, Roslyn's code paths)
/// overlaps the parse of the other files.
/// </summary>
internal sealed class FileDeclarations
{
    private readonly List<InvocationExpressionSyntax> _invocations = [];
    private readonly List<SyntaxNode> _methods = [];
    private readonly List<SyntaxNode> _methodsOutsideBodies = [];
    private readonly List<FieldDeclarationSyntax> _fields = [];
    private readonly List<PropertyDeclarationSyntax> _properties = [];
    private readonly List<BaseTypeDeclarationSyntax> _types = [];
    private readonly List<ClassDeclarationSyntax> _classes = [];

    private FileDeclarations(SyntaxTree tree)
    {
        Tree = tree;
    }

    public SyntaxTree Tree { get; }

    /// <summary>Every invocation of a named method (<see cref="ProjectSources.InvokedName"/>), in document order.</summary>
    public IReadOnlyList<InvocationExpressionSyntax> Invocations => _invocations;

    /// <summary>Methods and local functions, except those inside an expression (a lambda) or an accessor.</summary>
    public IReadOnlyList<SyntaxNode> Methods => _methods;

    /// <summary>Methods and local functions outside member bodies: neither inside an expression nor a block.</summary>
    public IReadOnlyList<SyntaxNode> MethodsOutsideBodies => _methodsOutsideBodies;

    /// <summary>Fields outside member bodies.</summary>
    public IReadOnlyList<FieldDeclarationSyntax> Fields => _fields;

    /// <summary>Properties outside member bodies.</summary>
    public IReadOnlyList<PropertyDeclarationSyntax> Properties => _properties;

    /// <summary>Classes, structs, records, interfaces and enums outside member bodies.</summary>
    public IReadOnlyList<BaseTypeDeclarationSyntax> Types => _types;

    /// <summary>The classes among <see cref="Types"/>.</summary>
    public IReadOnlyList<ClassDeclarationSyntax> Classes => _classes;

    public static FileDeclarations Of(SyntaxTree tree)
    {
        var declarations = new FileDeclarations(tree);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    if (ProjectSources.InvokedName(invocation) is not null)
                    {
                        declarations._invocations.Add(invocation);
                    }

                    break;
                case MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                    var enclosing = EnclosingOf(node);
                    if ((enclosing & (Enclosing.Expression | Enclosing.Accessors)) == 0)
                    {
                        declarations._methods.Add(node);
                    }

                    if ((enclosing & (Enclosing.Expression | Enclosing.Block)) == 0)
                    {
                        declarations._methodsOutsideBodies.Add(node);
                    }

                    break;
                case FieldDeclarationSyntax field when OutsideBodies(field):
                    declarations._fields.Add(field);
                    break;
                case PropertyDeclarationSyntax property when OutsideBodies(property):
                    declarations._properties.Add(property);
                    break;
                case BaseTypeDeclarationSyntax type when OutsideBodies(type):
                    declarations._types.Add(type);
                    if (type is ClassDeclarationSyntax classDeclaration)
                    {
                        declarations._classes.Add(classDeclaration);
                    }

                    break;
            }
        }

        return declarations;
    }

    private static bool OutsideBodies(SyntaxNode node) => (EnclosingOf(node) & (Enclosing.Expression | Enclosing.Block)) == 0;

    /// <summary>What the ancestors of <paramref name="node"/> include (what a walk that does not descend into those would miss).</summary>
    private static Enclosing EnclosingOf(SyntaxNode node)
    {
        var enclosing = Enclosing.None;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            enclosing |= ancestor switch
            {
                ExpressionSyntax => Enclosing.Expression,
                BlockSyntax => Enclosing.Block,
                AccessorListSyntax => Enclosing.Accessors,
                _ => Enclosing.None,
            };
        }

        return enclosing;
    }

    [Flags]
    private enum Enclosing
    {
        None = 0,
        Expression = 1,
        Block = 2,
        Accessors = 4,
    }
}
