using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// Attribute-routed controller actions, as MVC's application model and its API explorer see them: <c>[Route]</c> on
/// the controller with <c>[controller]</c>/<c>[action]</c>/<c>[area]</c> tokens, <c>[HttpGet("…")]</c> and the other
/// verbs (or <c>[AcceptVerbs]</c>), <c>[ProducesResponseType]</c> on the action and on the controller (for every
/// action), <c>[ApiExplorerSettings(IgnoreApi = true)]</c>. Base classes of the project count as MVC reads them
/// (<c>DefaultApplicationModelProvider</c>): the nearest class with a <c>[Route]</c> gives the controller's routes,
/// response attributes of every level apply, single attributes (<c>[Area]</c>, <c>[ApiExplorerSettings]</c>) come
/// from the nearest level, public methods of the bases are actions of each derived controller, and an override takes
/// the routes of the nearest definition that has some. Conventionally routed actions are not documented, so not found.
/// </summary>
internal sealed class ControllerEndpoints(ProjectSources sources, Values values, Responses responses)
{
    /// <summary>How many base classes are followed before the hierarchy counts as unknown.</summary>
    private const int MaxDepth = 32;

    private Dictionary<ClassDeclarationSyntax, ProjectType>? _byDeclaration;
    /// <summary>Classes by <see cref="ProjectType.NameAndArity"/> (a string key: see <see cref="SourceText"/>).</summary>
    private ILookup<string, ProjectType>? _byName;

    public IEnumerable<Endpoint> Find()
    {
        var types = sources.Declarations
            .SelectMany(file => file.Classes)
            .GroupBy(FullName, StringComparer.Ordinal)
            .Select(parts => new ProjectType(parts.ToArray()))
            .ToArray();
        _byDeclaration = [];
        foreach (var type in types)
        {
            foreach (var part in type.Parts)
            {
                _byDeclaration[part] = type;
            }
        }

        _byName = types.ToLookup(type => type.NameAndArity, StringComparer.Ordinal);

        foreach (var type in types)
        {
            var hierarchy = HierarchyOf(type);
            if (IsController(type, hierarchy))
            {
                foreach (var endpoint in Actions(type, hierarchy))
                {
                    yield return endpoint;
                }
            }
        }
    }

    private IEnumerable<Endpoint> Actions(ProjectType controller, Hierarchy hierarchy)
    {
        var name = controller.Name;
        var controllerName = name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase) && name.Length > "Controller".Length ? name[..^"Controller".Length] : name;
        var levels = hierarchy.Types;
        var area = levels.Select(level => Responses.Named(level.AttributeLists, "Area").Select(FirstString).FirstOrDefault(text => text is not null)).FirstOrDefault(text => text is not null);
        // The nearest class that declares routes gives them; the routes of the classes above it are not combined.
        var routed = levels.FirstOrDefault(level => Responses.Named(level.AttributeLists, "Route").Any());
        IReadOnlyList<string?> controllerRoutes = routed is null ? [] : Responses.Named(routed.AttributeLists, "Route").Select(FirstString).ToArray();
        var ignored = NearestIgnoreApi(levels.Select(level => level.AttributeLists)) ?? false;
        var inherited = levels.SelectMany(level => responses.FromAttributes(level.AttributeLists)).ToArray();
        var routesKnown = !hierarchy.Unknown && controllerRoutes.All(route => route is not null);

        foreach (var definitions in ActionMethods(levels))
        {
            var action = definitions[0];
            var allAttributes = definitions.SelectMany(definition => definition.AttributeLists).ToArray();
            var actionName = Responses.Named(allAttributes, "ActionName").Select(FirstString).FirstOrDefault() ?? ActionName(action);
            var tokens = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["controller"] = controllerName,
                ["action"] = actionName,
            };
            if (area is not null)
            {
                tokens["area"] = area;
            }

            var location = Values.Location(action.Identifier);
            var own = definitions.SelectMany(definition => responses.FromAttributes(definition.AttributeLists)).ToArray();
            var actionIgnored = NearestIgnoreApi(definitions.Select(definition => (IEnumerable<AttributeListSyntax>)definition.AttributeLists)) ?? ignored;
            // An override without routes of its own takes those of the nearest definition that has some.
            var routeSource = definitions.FirstOrDefault(HasRouteAttributes) ?? action;
            foreach (var (methods, template, templateKnown) in Selectors(routeSource, controllerRoutes.Count > 0))
            {
                IReadOnlyList<string>? routes = null;
                if (templateKnown && routesKnown)
                {
                    var combined = (controllerRoutes.Count == 0 ? [""] : controllerRoutes)
                        .Select(route => RouteTemplates.ReplaceTokens(RouteTemplates.Combine(route!, template), tokens))
                        .ToArray();
                    routes = combined.All(route => route is not null)
                        ? combined.Select(route => RouteTemplates.Normalize(route!)).Distinct(StringComparer.Ordinal).ToArray()
                        : null;
                }

                yield return new Endpoint(methods, routes, location, own, inherited, actionIgnored);
            }
        }
    }

    /// <summary>
    /// The actions of a controller whose class hierarchy (of the project) is <paramref name="levels"/>, most derived
    /// first: each public method, with the methods it overrides after it. A method a more derived class overrides or
    /// hides is that class's action, not a second one.
    /// </summary>
    private static IEnumerable<MethodDeclarationSyntax[]> ActionMethods(IReadOnlyList<ProjectType> levels)
    {
        // Methods declared by more derived classes: overloads within one class are all actions.
        var derived = new List<MethodDeclarationSyntax>();
        for (var index = 0; index < levels.Count; index++)
        {
            var declared = levels[index].Parts.SelectMany(part => part.Members.OfType<MethodDeclarationSyntax>()).ToArray();
            foreach (var method in declared)
            {
                if (derived.Any(more => Hides(more, method)))
                {
                    continue;
                }

                var definitions = new List<MethodDeclarationSyntax> { method };
                var current = method;
                for (var up = index + 1; up < levels.Count && current.Modifiers.Any(SyntaxKind.OverrideKeyword); up++)
                {
                    if (levels[up].Parts.SelectMany(part => part.Members.OfType<MethodDeclarationSyntax>())
                            .FirstOrDefault(candidate => Hides(current, candidate)) is { } overridden)
                    {
                        definitions.Add(overridden);
                        current = overridden;
                    }
                }

                if (IsAction(method) && !definitions.Any(definition => Responses.Named(definition.AttributeLists, "NonAction").Any()))
                {
                    yield return definitions.ToArray();
                }
            }

            derived.AddRange(declared);
        }
    }

    /// <summary>
    /// Whether <paramref name="derived"/> overrides or hides <paramref name="method"/> of a base class: same name and
    /// parameter types, or an override of a virtual method of that name and arity (its parameter types may be the
    /// base's type parameters).
    /// </summary>
    private static bool Hides(MethodDeclarationSyntax derived, MethodDeclarationSyntax method)
    {
        if (derived.Identifier.ValueText != method.Identifier.ValueText || derived.ParameterList.Parameters.Count != method.ParameterList.Parameters.Count)
        {
            return false;
        }

        static string Types(MethodDeclarationSyntax declaration) => string.Join(",", declaration.ParameterList.Parameters.Select(parameter => parameter.Type?.ToString()));
        return Types(derived) == Types(method)
            || derived.Modifiers.Any(SyntaxKind.OverrideKeyword)
                && (method.Modifiers.Any(SyntaxKind.VirtualKeyword) || method.Modifiers.Any(SyntaxKind.AbstractKeyword) || method.Modifiers.Any(SyntaxKind.OverrideKeyword));
    }

    /// <summary>
    /// The class and its base classes declared in the project, most derived first, up to the first one that is not
    /// (ControllerBase, object…), whose name is kept. Unknown when a base class cannot be told apart from another of
    /// the same name.
    /// </summary>
    private Hierarchy HierarchyOf(ProjectType type)
    {
        var levels = new List<ProjectType> { type };
        var current = type;
        while (levels.Count <= MaxDepth)
        {
            var baseType = current.Parts.Select(part => part.BaseList?.Types.FirstOrDefault()?.Type).FirstOrDefault(found => found is not null);
            if (baseType is null)
            {
                return new Hierarchy(levels, null, false);
            }

            var (name, arity) = NameOf(baseType);
            var candidates = name is null ? [] : _byName![ProjectType.Key(name, arity)].ToArray();
            ProjectType? next = candidates.Length switch
            {
                0 => null,
                1 => candidates[0],
                _ => Resolve(baseType),
            };
            if (next is null)
            {
                // Not a class of the project (or one of several that could not be told apart).
                return new Hierarchy(levels, name, candidates.Length > 1);
            }

            if (levels.Contains(next))
            {
                return new Hierarchy(levels, null, true);
            }

            levels.Add(next);
            current = next;
        }

        return new Hierarchy(levels, null, true);
    }

    /// <summary>Two classes of the project share the base's name: the compiler says which one it is.</summary>
    private ProjectType? Resolve(TypeSyntax baseType)
    {
        if (sources.Model(baseType).GetTypeInfo(baseType).Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } symbol)
        {
            return null;
        }

        return symbol.OriginalDefinition.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax())
            .OfType<ClassDeclarationSyntax>()
            .Select(declaration => _byDeclaration!.GetValueOrDefault(declaration))
            .FirstOrDefault(found => found is not null);
    }

    /// <summary>
    /// MVC's test (ControllerFeatureProvider): a public, non-abstract, non-generic class named <c>…Controller</c> or
    /// marked <c>[Controller]</c> (<c>[ApiController]</c> is one; ControllerBase carries it) itself or on a base class,
    /// and not <c>[NonController]</c> at any level.
    /// </summary>
    private static bool IsController(ProjectType type, Hierarchy hierarchy)
    {
        var parts = type.Parts;
        if (!parts.Any(part => part.Modifiers.Any(SyntaxKind.PublicKeyword))
            || parts.Any(part => part.Modifiers.Any(SyntaxKind.AbstractKeyword) || part.Modifiers.Any(SyntaxKind.StaticKeyword))
            || type.Arity > 0
            || hierarchy.Types.Any(level => Responses.Named(level.AttributeLists, "NonController").Any()))
        {
            return false;
        }

        return type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase)
            || hierarchy.Types.Any(level => Responses.Named(level.AttributeLists, "ApiController").Any() || Responses.Named(level.AttributeLists, "Controller").Any())
            || hierarchy.External is { } external && (external.EndsWith("Controller", StringComparison.Ordinal) || external.EndsWith("ControllerBase", StringComparison.Ordinal));
    }

    private static bool HasRouteAttributes(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => Responses.AttributeName(attribute.Name).Name is { } name
            && (name is "Route" or "AcceptVerbs" || WellKnown.HttpMethodAttributes.ContainsKey(name)));

    /// <summary>
    /// The action's attribute routes: each verb attribute with its own template; a verb attribute without one takes
    /// each <c>[Route]</c> of the action (or the controller's route alone); a <c>[Route]</c> without a verb answers
    /// any method.
    /// </summary>
    private IEnumerable<(IReadOnlyList<string>? Methods, string? Template, bool TemplateKnown)> Selectors(MethodDeclarationSyntax action, bool controllerRouted)
    {
        var verbs = new List<(IReadOnlyList<string>? Methods, ExpressionSyntax? Template)>();
        var routes = new List<ExpressionSyntax>();
        foreach (var attribute in action.AttributeLists.SelectMany(list => list.Attributes))
        {
            var (name, _) = Responses.AttributeName(attribute.Name);
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            if (name is not null && WellKnown.HttpMethodAttributes.TryGetValue(name, out var verb))
            {
                verbs.Add(([verb], Argument(arguments, "template", 0)?.Expression));
            }
            else if (name == "AcceptVerbs")
            {
                var listed = arguments.Where(argument => argument.NameEquals is null && argument.NameColon is null).Select(argument => values.String(argument.Expression)).ToArray();
                var template = arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "Route")?.Expression;
                verbs.Add((listed.All(method => method is not null) ? listed.Select(method => method!.ToUpperInvariant()).ToArray() : null, template));
            }
            else if (name == "Route" && arguments.Count > 0 && Argument(arguments, "template", 0) is { } route)
            {
                routes.Add(route.Expression);
            }
        }

        foreach (var (methods, template) in verbs)
        {
            if (template is not null)
            {
                yield return Selector(methods, template);
            }
            else if (routes.Count > 0)
            {
                foreach (var route in routes)
                {
                    yield return Selector(methods, route);
                }
            }
            else if (controllerRouted)
            {
                yield return (methods, null, true);
            }
        }

        if (verbs.Count == 0)
        {
            foreach (var route in routes)
            {
                yield return Selector(null, route);
            }

            if (routes.Count == 0 && controllerRouted)
            {
                // A public method of an attribute-routed controller without a verb: an action for any method.
                yield return (null, null, true);
            }
        }
    }

    /// <summary>The constructor argument for <paramref name="name"/>: named, else positional at <paramref name="position"/>.</summary>
    private static AttributeArgumentSyntax? Argument(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, string name, int position)
    {
        var named = arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named;
        }

        return position < arguments.Count && arguments[position] is { NameColon: null, NameEquals: null } positional ? positional : null;
    }

    private (IReadOnlyList<string>? Methods, string? Template, bool TemplateKnown) Selector(IReadOnlyList<string>? methods, ExpressionSyntax template)
    {
        var text = values.String(template);
        return (methods, text, text is not null);
    }

    private string? FirstString(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals is null) is { } first ? values.String(first.Expression) : null;

    /// <summary>MVC drops the <c>Async</c> suffix from action names (SuppressAsyncSuffixInActionNames, on by default).</summary>
    private static string ActionName(MethodDeclarationSyntax action)
    {
        var name = action.Identifier.ValueText;
        return name.EndsWith("Async", StringComparison.Ordinal) && name.Length > "Async".Length ? name[..^"Async".Length] : name;
    }

    /// <summary>MVC's IsAction: public, instance, not abstract, not generic, not an override of object's or Dispose.</summary>
    private static bool IsAction(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.PublicKeyword)
        && !method.Modifiers.Any(SyntaxKind.StaticKeyword)
        && !method.Modifiers.Any(SyntaxKind.AbstractKeyword)
        && method.TypeParameterList is null
        && method.ExplicitInterfaceSpecifier is null
        && !(method.Modifiers.Any(SyntaxKind.OverrideKeyword) && method.Identifier.ValueText is "ToString" or "Equals" or "GetHashCode")
        && !(method.Identifier.ValueText == "Dispose" && method.ParameterList.Parameters.Count == 0);

    private static (string? Name, int Arity) NameOf(TypeSyntax type) => type switch
    {
        GenericNameSyntax generic => (generic.Identifier.ValueText, generic.TypeArgumentList.Arguments.Count),
        SimpleNameSyntax simple => (simple.Identifier.ValueText, 0),
        QualifiedNameSyntax qualified => NameOf(qualified.Right),
        AliasQualifiedNameSyntax alias => NameOf(alias.Name),
        _ => (null, 0),
    };

    /// <summary>Namespace, containing types, name and arity: the parts of a partial class share it.</summary>
    private static string FullName(ClassDeclarationSyntax type)
    {
        var names = new List<string>();
        for (SyntaxNode? node = type; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case TypeDeclarationSyntax declaration:
                    names.Add(declaration.Identifier.ValueText + "`" + (declaration.TypeParameterList?.Parameters.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case BaseNamespaceDeclarationSyntax space:
                    names.Add(space.Name.ToString());
                    break;
            }
        }

        names.Reverse();
        return string.Join(".", names);
    }

    /// <summary>What the nearest <c>[ApiExplorerSettings]</c> says about <c>IgnoreApi</c> (most derived first), if any does.</summary>
    private bool? NearestIgnoreApi(IEnumerable<IEnumerable<AttributeListSyntax>> nearestFirst)
    {
        foreach (var lists in nearestFirst)
        {
            if (responses.IgnoresApi(lists) is { } setting)
            {
                return setting;
            }
        }

        return null;
    }

    /// <summary>A class of the project: all its partial declarations.</summary>
    private sealed class ProjectType(ClassDeclarationSyntax[] parts)
    {
        public ClassDeclarationSyntax[] Parts { get; } = parts;

        public string Name => Parts[0].Identifier.ValueText;

        public int Arity => Parts[0].TypeParameterList?.Parameters.Count ?? 0;

        public string NameAndArity => Key(Name, Arity);

        public static string Key(string name, int arity) => name + "`" + arity.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public IEnumerable<AttributeListSyntax> AttributeLists => Parts.SelectMany(part => part.AttributeLists);
    }

    /// <summary>A class and its bases in the project (most derived first), the name of the first base outside it, and whether it is only partly known.</summary>
    private sealed record Hierarchy(IReadOnlyList<ProjectType> Types, string? External, bool Unknown);
}
