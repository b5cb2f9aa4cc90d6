using System.Text;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Positions;

/// <summary>
/// A callback given by <c>$ref</c> (<c>components.callbacks</c>): with <c>"callbacks": "lint"</c>, a finding about one
/// of its responses is reported at the response key where the callback is written, with the <c>$ref</c> related, as
/// for <c>$ref</c>'d path items and responses; in JSON and in YAML.
/// </summary>
[TestFixture]
public sealed class CallbackReferenceTests
{
    private const string LintCallbacks = """{ "extends": "recommended", "callbacks": "lint" }""";

    private static string Full(Diagnostic d) =>
        $"{d.Location.Line}:{d.Location.Column} {d.RuleId} {d.Location.Pointer}"
        + string.Concat(d.RelatedLocations.Select(r => $" -> {r.Line}:{r.Column} {r.Pointer}"));

    private static string[] Findings(string text, string file)
    {
        var document = OpenApiDocumentLoader.Load(file, Encoding.UTF8.GetBytes(text)).Document!;
        return new Linter().Lint(document, Lint.Ruleset(LintCallbacks)).Select(Full).ToArray();
    }

    [Test]
    public void Component_callback_in_yaml_is_reported_at_its_definition()
    {
        const string text = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /subscriptions:
                post:
                  responses:
                    '204': { description: Subscribed }
                  callbacks:
                    onEvent:
                      $ref: '#/components/callbacks/Event'
            components:
              callbacks:
                Event:
                  '{$request.body#/url}':
                    post:
                      responses:
                        '201': { description: Received }
            """;

        Assert.That(Findings(text, "openapi.yaml"), Is.EqualTo(new[]
        {
            "17:13 OAL0003 /components/callbacks/Event/{$request.body#~1url}/post/responses/201 -> 9:9 /paths/~1subscriptions/post/callbacks/onEvent",
        }));
    }

    [Test]
    public void Component_callback_in_json_is_reported_at_its_definition()
    {
        const string text = """
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "paths": {
                "/subscriptions": {
                  "post": {
                    "responses": { "204": { "description": "Subscribed" } },
                    "callbacks": {
                      "onEvent": { "$ref": "#/components/callbacks/Event" }
                    }
                  }
                }
              },
              "components": {
                "callbacks": {
                  "Event": {
                    "{$request.body#/url}": {
                      "post": {
                        "responses": {
                          "204": {
                            "description": "Received",
                            "content": { "application/json": { "schema": { "type": "object" } } }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """;

        Assert.That(Findings(text, "openapi.json"), Is.EqualTo(new[]
        {
            "22:17 OAL0004 /components/callbacks/Event/{$request.body#~1url}/post/responses/204/content -> 9:11 /paths/~1subscriptions/post/callbacks/onEvent",
        }));
    }

    [Test]
    public void Callback_written_in_a_component_path_item_is_reported_under_that_path_item()
    {
        const string text = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /subscriptions:
                $ref: '#/components/pathItems/Subscriptions'
            components:
              pathItems:
                Subscriptions:
                  post:
                    responses:
                      '204': { description: Subscribed }
                    callbacks:
                      onEvent:
                        '{$request.body#/url}':
                          post:
                            responses:
                              '201': { description: Received }
            """;

        Assert.That(Findings(text, "openapi.yaml"), Is.EqualTo(new[]
        {
            "17:19 OAL0003 /components/pathItems/Subscriptions/post/callbacks/onEvent/{$request.body#~1url}/post/responses/201 -> 4:3 /paths/~1subscriptions",
        }));
    }

    [Test]
    public void Component_callback_used_by_a_component_path_item_relates_the_ref_inside_it()
    {
        const string text = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            paths:
              /subscriptions:
                $ref: '#/components/pathItems/Subscriptions'
            components:
              pathItems:
                Subscriptions:
                  post:
                    responses:
                      '204': { description: Subscribed }
                    callbacks:
                      onEvent:
                        $ref: '#/components/callbacks/Event'
              callbacks:
                Event:
                  '{$request.body#/url}':
                    post:
                      responses:
                        '201': { description: Received }
            """;

        Assert.That(Findings(text, "openapi.yaml"), Is.EqualTo(new[]
        {
            "20:13 OAL0003 /components/callbacks/Event/{$request.body#~1url}/post/responses/201 -> 13:11 /components/pathItems/Subscriptions/post/callbacks/onEvent",
        }));
    }
}
