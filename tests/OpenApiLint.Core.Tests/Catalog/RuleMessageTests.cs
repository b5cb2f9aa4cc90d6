using System.Collections;
using System.Reflection;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Rules;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Catalog;

/// <summary>
/// A rule declares its messages (ESLint's <c>meta.messages</c>): what it can say is read off its descriptor, and every
/// message the fixtures make it say comes from one of those templates.
/// </summary>
[TestFixture]
public sealed class RuleMessageTests
{
    private static IEnumerable<TestCaseData> EachRule() => RuleCatalog.All.Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.Descriptor.Id));

    [TestCaseSource(nameof(EachRule))]
    public void Every_rule_declares_its_messages_with_unique_kebab_case_ids(IRule rule)
    {
        var messages = rule.Descriptor.Messages;

        Assert.Multiple(() =>
        {
            Assert.That(messages, Is.Not.Empty);
            Assert.That(messages.Select(message => message.Id), Is.Unique);
            Assert.That(messages.Select(message => message.Id), Is.All.Match("^[a-z]+(-[a-z]+)*$"));
            Assert.That(messages.Select(message => message.Template), Is.All.Not.Empty);
        });
    }

    [Test]
    public void Format_fills_each_name_everywhere_it_appears()
    {
        var message = new RuleMessage("m", "{operation} {status} response declares no body; {ruleset} expects a body on {status}");

        Assert.Multiple(() =>
        {
            Assert.That(message.Placeholders, Is.EqualTo(new[] { "operation", "status", "ruleset" }));
            Assert.That(message.Format("GET /a", "200", "team"), Is.EqualTo("GET /a 200 response declares no body; team expects a body on 200"));
            Assert.That(() => message.Format("GET /a", "200"), Throws.ArgumentException.With.Message.StartsWith("message 'm' takes 3 values (operation, status, ruleset), not 2"));
        });
    }

    [Test]
    public void Matches_takes_the_fixed_text_literally_and_any_values()
    {
        var message = new RuleMessage("m", "$ref '{target}' cannot be resolved: {problem}");

        Assert.Multiple(() =>
        {
            Assert.That(message.Matches("$ref '#/a (b)' cannot be resolved: its target does not exist"), Is.True);
            Assert.That(message.Matches("$ref '' cannot be resolved: "), Is.True);
            Assert.That(message.Matches("$ref 'x' can not be resolved: y"), Is.False);
            Assert.That(message.Matches("see: $ref 'x' cannot be resolved: y"), Is.False);
        });
    }

    /// <summary>
    /// Runs every rule fixture (each test, each test case) and holds every message its linting produced to the
    /// declared templates of its rule; and every declared template is produced by some fixture, so none is dead.
    /// </summary>
    [Test]
    public void Every_message_the_fixtures_produce_comes_from_a_declared_template_and_every_template_is_used()
    {
        var recorded = new List<Diagnostic>();
        Lint.Recording.Value = recorded;
        int runs;
        try
        {
            runs = RunEveryFixture();
        }
        finally
        {
            Lint.Recording.Value = null;
        }

        var unmatched = recorded
            .Where(diagnostic => RuleCatalog.Find(diagnostic.RuleId) is not { } rule || !rule.Descriptor.Messages.Any(message => message.Matches(diagnostic.Message)))
            .Select(diagnostic => $"{diagnostic.RuleId}: {diagnostic.Message}")
            .Distinct();
        var unused = RuleCatalog.All
            .SelectMany(rule => rule.Descriptor.Messages.Select(message => (rule.Descriptor.Id, Message: message)))
            .Where(declared => !recorded.Any(diagnostic => diagnostic.RuleId == declared.Id && declared.Message.Matches(diagnostic.Message)))
            .Select(declared => $"{declared.Id} {declared.Message}");

        Assert.Multiple(() =>
        {
            Assert.That(runs, Is.GreaterThan(100), "fixture tests run");
            Assert.That(recorded.Select(diagnostic => diagnostic.RuleId).Distinct(), Is.SupersetOf(RuleCatalog.All.Select(rule => rule.Descriptor.Id)));
            Assert.That(unmatched, Is.Empty, "messages from no declared template");
            Assert.That(unused, Is.Empty, "templates no fixture produces");
        });
    }

    private static int RunEveryFixture()
    {
        var runs = 0;
        var fixtures = typeof(RuleMessageTests).Assembly.GetTypes()
            .Where(type => type.Namespace == "OpenApiLint.Core.Tests.Rules" && type.GetCustomAttribute<TestFixtureAttribute>() is not null);
        foreach (var fixture in fixtures)
        {
            var instance = Activator.CreateInstance(fixture)!;
            var methods = fixture.GetMethods(BindingFlags.Public | BindingFlags.Instance);
            foreach (var method in methods)
            {
                foreach (var arguments in CasesOf(fixture, method))
                {
                    Invoke(instance, methods.Where(m => m.GetCustomAttribute<SetUpAttribute>() is not null), []);
                    try
                    {
                        Invoke(instance, [method], arguments);
                        runs++;
                    }
                    finally
                    {
                        Invoke(instance, methods.Where(m => m.GetCustomAttribute<TearDownAttribute>() is not null), []);
                    }
                }
            }
        }

        return runs;
    }

    /// <summary>The argument lists NUnit would call <paramref name="method"/> with: once for [Test], once per case.</summary>
    private static IEnumerable<object?[]> CasesOf(Type fixture, MethodInfo method)
    {
        if (method.GetCustomAttribute<TestAttribute>() is not null && method.GetParameters().Length == 0)
        {
            yield return [];
        }

        foreach (var testCase in method.GetCustomAttributes<TestCaseAttribute>())
        {
            yield return Convert(testCase.Arguments, method);
        }

        foreach (var source in method.GetCustomAttributes<TestCaseSourceAttribute>())
        {
            var member = fixture.GetMember(source.SourceName!, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Single();
            var cases = (IEnumerable)(member switch
            {
                MethodInfo sourceMethod => sourceMethod.Invoke(null, source.MethodParams),
                PropertyInfo property => property.GetValue(null),
                FieldInfo field => field.GetValue(null),
                _ => throw new InvalidOperationException(member.Name),
            })!;
            foreach (var item in cases)
            {
                yield return Convert(item switch
                {
                    TestCaseData data => data.Arguments,
                    object?[] array when method.GetParameters().Length == array.Length => array,
                    _ => [item],
                }, method);
            }
        }
    }

    /// <summary>NUnit's conversions of attribute arguments that the fixtures rely on (int to long or double, names to enums).</summary>
    private static object?[] Convert(object?[] arguments, MethodInfo method)
    {
        var parameters = method.GetParameters();
        return arguments.Select((argument, index) =>
        {
            var type = Nullable.GetUnderlyingType(parameters[index].ParameterType) ?? parameters[index].ParameterType;
            return argument switch
            {
                null => null,
                _ when type.IsInstanceOfType(argument) => argument,
                string name when type.IsEnum => Enum.Parse(type, name),
                IConvertible convertible => convertible.ToType(type, System.Globalization.CultureInfo.InvariantCulture),
                _ => argument,
            };
        }).ToArray();
    }

    private static void Invoke(object instance, IEnumerable<MethodInfo> methods, object?[] arguments)
    {
        foreach (var method in methods)
        {
            try
            {
                method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
            }
        }
    }
}
