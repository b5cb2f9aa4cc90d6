using System.Text;
using OpenApiLint.Core.Diagnostics;
using OpenApiLint.Core.Documents;
using OpenApiLint.Core.Linting;
using OpenApiLint.Core.Rulesets;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Loading;

/// <summary>
/// Bad input is part of the product: every case gives one <see cref="LoadError"/> with the file, the line and
/// column where known, and one sentence, and no exception escapes the public API.
/// </summary>
[TestFixture]
public sealed class BadInputTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private LoadError ErrorOf(string fileName, byte[] content)
    {
        var path = _folder.Write(fileName, content);
        DocumentLoadResult result = null!;
        Assert.DoesNotThrow(() => result = OpenApiDocumentLoader.Load(path));
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Document, Is.Null);
        });
        Assert.That(result.Error!.File, Is.EqualTo(path), "the error names the file as given");
        return result.Error! with { File = fileName };
    }

    private LoadError ErrorOf(string fileName, string text) => ErrorOf(fileName, Encoding.UTF8.GetBytes(text));

    [Test]
    public void Missing_file()
    {
        var path = Path.Combine(_folder.Path, "missing.yaml");

        var result = OpenApiDocumentLoader.Load(path);

        Assert.That(result.Error, Is.EqualTo(new LoadError(path, 0, 0, "file not found")));
        Assert.That(result.Error!.ToString(), Is.EqualTo($"{path}: error OAL9001: file not found"));
    }

    [Test]
    public void Missing_folder()
    {
        var path = Path.Combine(_folder.Path, "no", "such", "openapi.json");

        Assert.That(OpenApiDocumentLoader.Load(path).Error, Is.EqualTo(new LoadError(path, 0, 0, "file not found")));
    }

    [Test]
    public void Folder_instead_of_file()
    {
        var path = _folder.Folder("openapi.json");

        Assert.That(OpenApiDocumentLoader.Load(path).Error, Is.EqualTo(new LoadError(path, 0, 0, "is a folder, not a document")));
    }

    [TestCase("openapi.json")]
    [TestCase("openapi.yaml")]
    [TestCase("openapi")]
    public void Empty_file(string fileName)
    {
        Assert.That(ErrorOf(fileName, ""), Is.EqualTo(new LoadError(fileName, 0, 0, "the file is empty")));
    }

    [TestCase("openapi.json", " \n\t\r\n  ")]
    [TestCase("openapi.yaml", "\n\n\n")]
    [TestCase("openapi.yaml", "\uFEFF  \n")]
    public void Whitespace_only(string fileName, string text)
    {
        Assert.That(ErrorOf(fileName, text), Is.EqualTo(new LoadError(fileName, 0, 0, "the file is empty")));
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

    [TestCase("openapi.json")]
    [TestCase("openapi.yaml")]
    [TestCase("logo.png")]
    public void Binary_junk(string fileName)
    {
        Assert.That(ErrorOf(fileName, Png), Is.EqualTo(new LoadError(fileName, 0, 0, "the file is binary, not a JSON or YAML document")));
    }

    [TestCase("openapi.json")]
    [TestCase("openapi.yaml")]
    public void Text_that_is_not_utf8_is_reported_at_the_first_bad_byte(string fileName)
    {
        // Latin-1 "é" (0xE9) in a title: a file saved in the wrong encoding.
        byte[] content = [.. "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"caf"u8, 0xE9, .. "\" }\n}\n"u8];

        Assert.That(ErrorOf(fileName, content), Is.EqualTo(new LoadError(fileName, 3, 26, "the file is not valid UTF-8 text")));
    }

    [Test]
    public void Utf16_text_is_named_as_such_not_called_binary()
    {
        byte[] content = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{ \"openapi\": \"3.0.3\" }")];

        Assert.That(ErrorOf("openapi.json", content), Is.EqualTo(new LoadError("openapi.json", 0, 0, "the file is UTF-16 or UTF-32 text; save it as UTF-8")));
    }

    [Test]
    public void Malformed_json_is_reported_at_the_offending_character()
    {
        const string text = """
            {
              "openapi": "3.0.3",
              "info": {
                "title": "x"
              }
              "paths": {}
            }
            """;

        Assert.That(ErrorOf("openapi.json", text), Is.EqualTo(new LoadError("openapi.json", 6, 3, "invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'")));
    }

    [Test]
    public void Truncated_json()
    {
        Assert.That(ErrorOf("openapi.json", "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\n"), Is.EqualTo(
            new LoadError("openapi.json", 4, 1, "invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed")));
    }

    [Test]
    public void Json_content_in_a_file_without_extension_is_sniffed()
    {
        Assert.That(ErrorOf("openapi", "{\n  \"openapi\": \"3.0.3\",,\n}"), Is.EqualTo(new LoadError("openapi", 2, 22, "invalid JSON: ',' is an invalid start of a property name. Expected a '\"'")));
    }

    [Test]
    public void Malformed_yaml_is_reported_at_its_position()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: "unterminated
            paths: {}
            """;

        Assert.That(ErrorOf("openapi.yaml", text), Is.EqualTo(new LoadError("openapi.yaml", 3, 10, "invalid YAML: while scanning a multi-line double-quoted scalar, found wrong indentation")));
    }

    [Test]
    public void Bad_yaml_indentation()
    {
        const string text = """
            openapi: 3.0.3
              info: x
            paths: {}
            """;

        Assert.That(ErrorOf("openapi.yml", text), Is.EqualTo(new LoadError("openapi.yml", 2, 7, "invalid YAML: while scanning a plain scalar value, found invalid mapping")));
    }

    [Test]
    public void Json_that_is_not_openapi()
    {
        const string text = """
            {
              "name": "my-app",
              "version": "1.0.0",
              "dependencies": { "left-pad": "1.3.0" }
            }
            """;

        Assert.That(ErrorOf("package.json", text), Is.EqualTo(new LoadError("package.json", 1, 1, "not an OpenAPI document: it has no 'openapi' or 'swagger' field at the top level")));
    }

    [Test]
    public void Yaml_that_is_not_openapi()
    {
        const string text = """
            version: 2.1
            jobs:
              build: { docker: [ { image: node } ] }
            """;

        Assert.That(ErrorOf("config.yml", text), Is.EqualTo(new LoadError("config.yml", 1, 1, "not an OpenAPI document: it has no 'openapi' or 'swagger' field at the top level")));
    }

    [Test]
    public void Swagger_1_2_is_reported_at_the_version_field()
    {
        const string text = """
            {
              "apiVersion": "1.0",
              "swaggerVersion": "1.2",
              "swagger": "1.2",
              "apis": []
            }
            """;

        Assert.That(ErrorOf("api-docs.json", text), Is.EqualTo(new LoadError("api-docs.json", 4, 3, "unsupported Swagger version '1.2': OpenAPI 2.0, 3.0 and 3.1 are supported")));
    }

    [TestCase("openapi: 4.0.0", "unsupported OpenAPI version '4.0.0': OpenAPI 2.0, 3.0 and 3.1 are supported")]
    [TestCase("openapi: 1", "unsupported OpenAPI version '1.0.0': OpenAPI 2.0, 3.0 and 3.1 are supported")]
    [TestCase("openapi: '3'", "unsupported OpenAPI version '3': OpenAPI 2.0, 3.0 and 3.1 are supported")]
    [TestCase("openapi: '2.0'", "unsupported OpenAPI version '2.0': an OpenAPI 2.0 document declares 'swagger: \"2.0\"' instead of 'openapi'")]
    public void Unsupported_openapi_version_is_reported_at_the_version_field(string versionLine, string message)
    {
        var text = $$"""
            info: { title: t, version: '1' }
            paths: {}
            {{versionLine}}
            """;

        Assert.That(ErrorOf("openapi.yaml", text), Is.EqualTo(new LoadError("openapi.yaml", 3, 1, message)));
    }

    [Test]
    public void Yaml_alias_bomb_is_refused_fast()
    {
        const string text = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;

        Assert.That(ErrorOf("bomb.yaml", text), Is.EqualTo(new LoadError("bomb.yaml", 7, 29, "invalid YAML: YAML alias expansion exceeds the limit of 5000000 nodes")));
    }

    [Test]
    public void Undefined_yaml_alias()
    {
        const string text = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a: *missing
            """;

        Assert.That(ErrorOf("openapi.yaml", text), Is.EqualTo(new LoadError("openapi.yaml", 4, 7, "invalid YAML: the alias '*missing' refers to an undefined anchor")));
    }

    [Test]
    public void Duplicate_json_key_is_reported_at_the_second_one()
    {
        const string text = """
            {
              "openapi": "3.0.3",
              "paths": {
                "/orders": { "get": { "responses": {} } },
                "/orders": { "put": { "responses": {} } }
              }
            }
            """;

        Assert.That(ErrorOf("openapi.json", text), Is.EqualTo(new LoadError("openapi.json", 5, 5, "duplicate key '/orders'")));
    }

    /// <summary>
    /// Large JSON documents have their keys checked on another core beside the load: the same error at the same place,
    /// and before any other problem the load finds (here an unsupported version), as the parser's own check gives.
    /// </summary>
    [TestCase("3.0.3", "{ \"a\": 1, \"b\": 2, \"a\": 3 }", "a", 23)]
    [TestCase("1.0", "{ \"a\": 1, \"b\": 2, \"a\": 3 }", "a", 23)]
    [TestCase("3.0.3", "{ \"k1\": 1, \"k2\": 1, \"k3\": 1, \"k4\": 1, \"k5\": 1, \"k6\": 1, \"k7\": 1, \"k8\": 1, \"k9\": 1, \"k\\u0031\": 1 }", "k1", 88)]
    [TestCase("3.0.3", "{ \"x\": { \"y\": [ { \"z\": 1, \"\\u007a\": 2 } ] } }", "z", 31)]
    public void Duplicate_key_in_a_large_json_document_is_reported_at_the_second_one(string version, string duplicated, string key, int column)
    {
        var text = new StringBuilder();
        text.Append($"{{\n  \"openapi\": \"{version}\",\n  \"paths\": {{}},\n  \"x-big\": [\n");
        var filler = new string('x', 1000);
        for (var i = 0; i < (SyntaxReader.ConcurrentDuplicateCheckBytes / 1000) + 10; i++)
        {
            text.Append($"    {{ \"i\": {i}, \"text\": \"{filler}\" }},\n");
        }

        text.Append($"    {duplicated}\n  ]\n}}\n");
        // The duplicated object's line: after the four lines of the head and one per filler item.
        var duplicateLine = 4 + (SyntaxReader.ConcurrentDuplicateCheckBytes / 1000) + 10 + 1;

        var error = ErrorOf("openapi.json", text.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(text.Length, Is.GreaterThan(SyntaxReader.ConcurrentDuplicateCheckBytes));
            Assert.That(error.Message, Is.EqualTo($"duplicate key '{key}'"));
            Assert.That(error.Line, Is.EqualTo(duplicateLine));
            Assert.That(error.Column, Is.EqualTo(column));
        });
    }

    [Test]
    public void A_large_json_document_with_distinct_keys_loads()
    {
        var text = new StringBuilder("{\n  \"openapi\": \"3.0.3\",\n  \"paths\": { \"/a\": { \"get\": { \"responses\": { \"200\": { \"description\": \"ok\" } } } } },\n  \"x-big\": [\n");
        var filler = new string('x', 1000);
        for (var i = 0; i < (SyntaxReader.ConcurrentDuplicateCheckBytes / 1000) + 10; i++)
        {
            // Same names in different objects, and names that differ only once unescaped are not duplicates.
            text.Append($"    {{ \"i\": {i}, \"text\": \"{filler}\", \"a\\u0062\": 1, \"ab\\u0063\": 2 }},\n");
        }

        text.Append("    {}\n  ]\n}\n");
        var path = _folder.Write("openapi.json", Encoding.UTF8.GetBytes(text.ToString()));

        var result = OpenApiDocumentLoader.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.Null);
            Assert.That(result.Document!.Operations.Select(operation => operation.DisplayName), Is.EqualTo(new[] { "GET /a" }));
        });
    }

    [Test]
    public void Duplicate_yaml_key_is_reported_at_the_second_one()
    {
        const string text = """
            openapi: 3.0.3
            paths:
              /orders:
                get:
                  responses: {}
                get:
                  responses: {}
            """;

        Assert.That(ErrorOf("openapi.yaml", text), Is.EqualTo(new LoadError("openapi.yaml", 6, 5, "invalid YAML: duplicate key 'get'")));
    }

    [TestCase("openapi.json", "[\n  { \"openapi\": \"3.0.3\" }\n]")]
    [TestCase("openapi.yaml", "- openapi: 3.0.3\n- paths: {}\n")]
    [TestCase("openapi.json", "\"openapi\"")]
    [TestCase("openapi.yaml", "openapi 3.0.3\n")]
    [TestCase("openapi.json", "null")]
    public void Top_level_that_is_not_an_object(string fileName, string text)
    {
        Assert.That(ErrorOf(fileName, text), Is.EqualTo(new LoadError(fileName, 1, 1, "not an OpenAPI document: the top level is not an object")));
    }

    [Test]
    public void Too_deep_nesting_is_refused()
    {
        var text = "{\"openapi\": \"3.0.3\", \"x\": " + new string('[', 300) + new string(']', 300) + "}";

        var error = ErrorOf("deep.json", text);

        Assert.Multiple(() =>
        {
            Assert.That((error.Line, error.Column), Is.EqualTo((1, 282)), "the 256th [ opens depth 257");
            Assert.That(error.Message, Does.StartWith("invalid JSON: The maximum configured depth of 256 has been exceeded"));
        });
    }

    [Test]
    public void Error_text_is_one_line()
    {
        var error = ErrorOf("openapi.yaml", "openapi: 3.0.3\ninfo: {title: [x\npaths: {}\n");

        Assert.That(error.ToString(), Does.Not.Contain('\n').And.Not.Contain('\r'));
    }

    // Structures the reader does not expect: each must load or fail with a LoadError, never throw.
    private static IEnumerable<string> OddDocuments()
    {
        yield return "openapi: 3.0.3\npaths: [1, 2]\n";
        yield return "openapi: 3.0.3\npaths:\n  /a: 42\n";
        yield return "openapi: 3.0.3\npaths:\n  /a:\n    get: text\n";
        yield return "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses: [1]\n";
        yield return "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200': 7\n";
        yield return "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      parameters: {x: 1}\n      responses: {}\n";
        yield return "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: 42 }\n";
        yield return "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: '#/paths' }\n";
        yield return "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: '#/paths/~1a/get/responses/200' }\n";
        yield return "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      x-openapi-lint-ignore: {a: 1}\n      responses:\n        '200': { description: x, x-openapi-lint-ignore: 5 }\n";
        yield return "openapi: 3.0.3\ncomponents:\n  schemas:\n    A: { allOf: [ { $ref: '#/components/schemas/A' } ] }\npaths:\n  /a:\n    get:\n      responses:\n        '500': { description: e, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } }\n";
        yield return "swagger: '2.0'\npaths:\n  /a:\n    get:\n      parameters: [ { $ref: '#/parameters/Missing' } ]\n      responses: { default: { $ref: '#/responses/Nope' } }\n";
        yield return "{\"openapi\": {\"x\": 1}}";
        yield return "{\"openapi\": 3.1, \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"$ref\": \"%zz#/x\"}}}}}}";
        yield return "{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"$ref\": \"\\u0000.yaml#/x\"}}}}}}";
    }

    [TestCaseSource(nameof(OddDocuments))]
    public void No_exception_escapes_for_odd_structures(string text)
    {
        var fileName = text.StartsWith('{') ? "odd.json" : "odd.yaml";
        var path = _folder.Write(fileName, text);

        Assert.DoesNotThrow(() =>
        {
            var result = OpenApiDocumentLoader.Load(path);
            if (result.Document is { } document)
            {
                foreach (var name in BuiltInRulesets.Names)
                {
                    new Linter().Lint(document, RulesetLoader.LoadBuiltIn(name).Ruleset!);
                }
            }
        });
    }

    [Test]
    public void No_exception_escapes_for_any_prefix_of_a_document()
    {
        var yaml = File.ReadAllText(SampleDocument());
        var json = """
            { "openapi": "3.0.3", "info": { "title": "t", "version": "1" }, "paths": { "/a/{id}": { "get": { "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ], "responses": { "200": { "$ref": "#/components/responses/Ok" } } } } }, "components": { "responses": { "Ok": { "description": "OK" } } } }
            """;
        var recommended = RulesetLoader.LoadBuiltIn("recommended").Ruleset!;
        var failures = new List<string>();

        foreach (var (text, fileName) in new[] { (yaml, "sample.yaml"), (json, "sample.json") })
        {
            for (var length = 0; length <= text.Length; length += text.Length > 2000 ? 7 : 1)
            {
                try
                {
                    var result = OpenApiDocumentLoader.Load(fileName, Encoding.UTF8.GetBytes(text[..length]));
                    if (result.Document is { } document)
                    {
                        new Linter().Lint(document, recommended);
                    }
                    else if (result.Error is null || result.Error.Message.Length == 0)
                    {
                        failures.Add($"{fileName}[..{length}]: neither a document nor an error");
                    }
                }
                catch (Exception error)
                {
                    failures.Add($"{fileName}[..{length}]: {error.GetType().Name}: {error.Message}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Unreadable_referenced_file_is_a_finding_not_a_load_error()
    {
        _folder.Folder("responses.yaml");
        var path = _folder.Write("openapi.yaml", """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /a:
                get:
                  responses:
                    '200': { $ref: 'responses.yaml#/Ok' }
                    '404': { $ref: 'logo.png#/NotFound' }
            """);
        _folder.Write("logo.png", Png);

        var diagnostics = Lint.RunFile(path, Lint.BuiltIn("recommended"));

        Assert.That(diagnostics.Select(d => d.Message), Is.EqualTo(new[]
        {
            "$ref 'responses.yaml#/Ok' cannot be resolved: responses.yaml cannot be read: file not found",
            "$ref 'logo.png#/NotFound' cannot be resolved: logo.png cannot be read: the file is binary, not a JSON or YAML document",
        }));
    }

    [Test]
    public void Lint_runner_turns_load_errors_into_results()
    {
        var path = _folder.Write("openapi.json", "{ \"swagger\": \"1.2\" }");

        var result = new LintRunner(new RulesetResolver("recommended")).LintFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(result.Linted, Is.False);
            Assert.That(result.Document, Is.Null);
            Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"{path}(1,3): error OAL9001: unsupported Swagger version '1.2': OpenAPI 2.0, 3.0 and 3.1 are supported" }));
        });
    }

    private static string SampleDocument()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "petstore.openapi.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("samples/petstore.openapi.yaml not found above the test directory");
        return null!;
    }
}
