using System.Reflection;
using System.Reflection.Emit;
using OpenApiLint.Core.Linting;

namespace OpenApiLint.Core.Tests.Catalog;

/// <summary>
/// Core's namespaces are layers that depend in one direction (docs/architecture.md): a type may use types of its own
/// layer and of the layers below it, never of one above. Read from the compiled assembly, so every use counts:
/// signatures, base types, attributes, and every type, method and field a method body touches (lambdas and iterators
/// included, as they compile to nested types).
/// </summary>
[TestFixture]
public sealed class LayerTests
{
    /// <summary>Lowest first. A namespace not listed here fails the test: a new one must take its place.</summary>
    private static readonly string[] Layers = ["Diagnostics", "Files", "Documents", "Rulesets", "Rules", "Linting", "Baselines", "Report", "Formatting"];

    private const string Root = "OpenApiLint.Core";

    private static Assembly Core { get; } = typeof(Linter).Assembly;

    [Test]
    public void Every_namespace_of_core_is_a_layer()
    {
        var namespaces = Core.GetTypes().Select(LayerOf).OfType<string>().Distinct();

        Assert.That(namespaces, Is.SubsetOf(Layers));
    }

    [Test]
    public void Layers_depend_only_on_the_layers_below_them()
    {
        var upward = Dependencies()
            .Where(edge => Array.IndexOf(Layers, edge.To) > Array.IndexOf(Layers, edge.From))
            .Select(edge => $"{edge.From} -> {edge.To} ({edge.Via})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.That(upward, Is.Empty);
    }

    /// <summary>The test itself can fail: the engine's own layer graph has the edges it must have.</summary>
    [Test]
    public void The_reader_sees_the_known_downward_uses()
    {
        var edges = Dependencies().Select(edge => (edge.From, edge.To)).ToHashSet();

        Assert.That(edges, Does.Contain(("Rules", "Rulesets")).And.Contain(("Linting", "Rules")).And.Contain(("Formatting", "Report")).And.Contain(("Documents", "Diagnostics")));
    }

    private static string? LayerOf(Type type)
    {
        var name = type.Namespace;
        if (name is null || !name.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return name == Root ? "" : null;
        }

        var rest = name[(Root.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static IEnumerable<(string From, string To, string Via)> Dependencies()
    {
        foreach (var type in Core.GetTypes())
        {
            if (LayerOf(type) is not { Length: > 0 } from)
            {
                continue;
            }

            foreach (var used in UsedTypes(type).SelectMany(Flatten))
            {
                if (used.Assembly == Core && LayerOf(used) is { Length: > 0 } to && to != from)
                {
                    yield return (from, to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }
    }

    /// <summary>A type with its generic arguments and element types, recursively.</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var element in Flatten(type.GetElementType()!))
            {
                yield return element;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var item in type.GetInterfaces().Concat(AttributeTypes(type.CustomAttributes)))
        {
            yield return item;
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var item in method.GetParameters().Select(parameter => parameter.ParameterType).Concat(AttributeTypes(method.CustomAttributes)).Concat(BodyTypes(method)))
            {
                yield return item;
            }
        }
    }

    private static IEnumerable<Type> AttributeTypes(IEnumerable<CustomAttributeData> attributes) => attributes.Select(attribute => attribute.AttributeType);

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Every type a method body names: through the types, fields and methods its instructions take as operands.</summary>
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var found = new List<Type>();
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var code = OpCodesByValue[value];
            var size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineField or OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, position);
                switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
                {
                    case Type named:
                        found.Add(named);
                        break;
                    case FieldInfo field:
                        found.Add(field.DeclaringType!);
                        found.Add(field.FieldType);
                        break;
                    case MethodBase called:
                        found.Add(called.DeclaringType!);
                        found.AddRange(called.GetParameters().Select(parameter => parameter.ParameterType));
                        if (called is MethodInfo info)
                        {
                            found.Add(info.ReturnType);
                            if (info.IsGenericMethod)
                            {
                                found.AddRange(info.GetGenericArguments());
                            }
                        }

                        break;
                }
            }

            position += size;
        }

        return found;
    }
}
