namespace OpenApiLint.MSBuild.Tests.Support;

/// <summary>Small OpenAPI documents whose findings under the built-in rulesets are known line by line.</summary>
internal static class Documents
{
    /// <summary>
    /// Two errors under <c>recommended</c>: the 201 lacks a Location header (OAL0003, line 8) and the 204 declares
    /// a body (OAL0004, line 17).
    /// </summary>
    public const string BreaksRecommended = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Orders", "version": "1" },
          "paths": {
            "/orders": {
              "post": {
                "responses": {
                  "201": { "description": "Created" }
                }
              }
            },
            "/orders/{id}": {
              "delete": {
                "responses": {
                  "204": {
                    "description": "Deleted",
                    "content": { "application/json": { "schema": { "type": "object" } } }
                  }
                }
              }
            }
          }
        }
        """;

    /// <summary><see cref="BreaksRecommended"/> fixed: Location on the 201, no body on the 204.</summary>
    public const string MeetsRecommended = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Orders", "version": "1" },
          "paths": {
            "/orders": {
              "post": {
                "responses": {
                  "201": {
                    "description": "Created",
                    "headers": { "Location": { "schema": { "type": "string" } } }
                  }
                }
              }
            },
            "/orders/{id}": {
              "delete": {
                "responses": {
                  "204": { "description": "Deleted" }
                }
              }
            }
          }
        }
        """;

    /// <summary>One warning under <c>recommended</c>: the 200 declares no body (OAL0005, line 9, column 9).</summary>
    public const string WarnsUnderRecommended = """
        openapi: 3.0.3
        info:
          title: Orders
          version: "1"
        paths:
          /orders/{id}:
            get:
              responses:
                "200":
                  description: The order
        """;

    /// <summary>
    /// POST answers 200: allowed by <c>recommended</c>, an error under <c>minimal-codes</c> (OAL0001, line 8).
    /// </summary>
    public const string PostAnswers200 = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Orders", "version": "1" },
          "paths": {
            "/orders": {
              "post": {
                "responses": {
                  "200": {
                    "description": "The order",
                    "content": { "application/json": { "schema": { "type": "object" } } }
                  }
                }
              }
            }
          }
        }
        """;
}
