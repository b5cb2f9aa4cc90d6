using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiLint.SourceLocations;

/// <summary>
/// Attribute-routed controller actions, as MVC and its API explorer see them: <c>[Route]</c> on the controller with
/// <c>[controller]</c>/<c>[action]</c>/<c>[area]</c> tokens, <c>[HttpGet("…")]</c> and the other verbs (or
/// <c>[AcceptVerbs]</c>), <c>[ProducesResponseType]</c> on the action and on the controller (for every action),
/// <c>[ApiExplorerSettings(IgnoreApi = true)]</c>. Conventionally routed actions are not documented, so not found.
/// </summary>
internal sealed class ControllerEndpoints(ProjectSources sources, Values values, Responses responses)
{
    public IEnumerable<Endpoint> Find()
    {
        foreach (var tree in sources.Trees)
        {
            foreach (var controller in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(IsController))
            {
                foreach (var endpoint in Actions(controller))
                {
                    yield return endpoint;
                }
            }
        }
    }

    private IEnumerable<Endpoint> Actions(ClassDeclarationSyntax controller)
    {
        var name = controller.Identifier.ValueText;
        var controllerName = name.EndsWith("Controller", StringComparison.Ordinal) && name.Length > "Controller".Length ? name[..^"Controller".Length] : name;
        var area = Responses.Named(controller.AttributeLists, "Area").Select(FirstString).FirstOrDefault();
        var controllerRoutes = Responses.Named(controller.AttributeLists, "Route").Select(FirstString).ToArray();
        var ignored = responses.IgnoresApi(controller.AttributeLists);
        var inherited = responses.FromAttributes(controller.AttributeLists).ToArray();

        foreach (var action in controller.Members.OfType<MethodDeclarationSyntax>().Where(IsAction))
        {
            var actionName = Responses.Named(action.AttributeLists, "ActionName").Select(FirstString).FirstOrDefault() ?? ActionName(action);
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
            var own = responses.FromAttributes(action.AttributeLists).ToArray();
            var actionIgnored = ignored || responses.IgnoresApi(action.AttributeLists);
            foreach (var (methods, template, templateKnown) in Selectors(action, controllerRoutes.Length > 0))
            {
                IReadOnlyList<string>? routes = null;
                if (templateKnown && controllerRoutes.All(route => route is not null))
                {
                    var combined = (controllerRoutes.Length == 0 ? [""] : controllerRoutes!)
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

    /// <summary>MVC's test: a public, non-abstract class named <c>…Controller</c>, deriving from a controller or marked as one.</summary>
    private static bool IsController(ClassDeclarationSyntax type)
    {
        if (!type.Modifiers.Any(SyntaxKind.PublicKeyword) || type.Modifiers.Any(SyntaxKind.AbstractKeyword) || type.Modifiers.Any(SyntaxKind.StaticKeyword)
            || Responses.Named(type.AttributeLists, "NonController").Any())
        {
            return false;
        }

        return type.Identifier.ValueText.EndsWith("Controller", StringComparison.Ordinal)
            || Responses.Named(type.AttributeLists, "ApiController").Any()
            || Responses.Named(type.AttributeLists, "Controller").Any()
            || type.BaseList?.Types.Any(baseType => Values.LastName(baseType.Type) is { } baseName && (baseName.EndsWith("Controller", StringComparison.Ordinal) || baseName.EndsWith("ControllerBase", StringComparison.Ordinal))) == true;
    }

    private static bool IsAction(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.PublicKeyword)
        && !method.Modifiers.Any(SyntaxKind.StaticKeyword)
        && !method.Modifiers.Any(SyntaxKind.AbstractKeyword)
        && method.ExplicitInterfaceSpecifier is null
        && !Responses.Named(method.AttributeLists, "NonAction").Any();
}
