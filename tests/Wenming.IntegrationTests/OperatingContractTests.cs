using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>What operators and deployment scripts rely on (API.md, operating contract).</summary>
public sealed class OperatingContractTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task Healthz_WhileTheProcessLives_Answers200() =>
        (await app.Anonymous().GetAsync("/healthz")).Expect(HttpStatusCode.OK);

    [DatabaseFact]
    public async Task Readyz_WhileTheDatabaseAnswers_Answers200() =>
        (await app.Anonymous().GetAsync("/readyz")).Expect(HttpStatusCode.OK);

    [DatabaseFact]
    public async Task OpenApiDocument_IsValidJson_AndListsTheFoundationEndpoints()
    {
        var response = (await app.Anonymous().GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        using var document = JsonDocument.Parse(response.Body);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        foreach (var path in new[]
        {
            "/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/me", "/api/v1/org-units", "/api/v1/org-units/{id}",
            "/api/v1/org-units/{id}/children", "/api/v1/org-units/{id}/move", "/api/v1/people", "/api/v1/people/{id}",
            "/api/v1/accounts", "/api/v1/accounts/{id}", "/api/v1/accounts/{id}/deactivate", "/api/v1/audit-entries",
        })
        {
            Assert.Contains(path, paths);
        }

        var post = document.RootElement.GetProperty("paths").GetProperty("/api/v1/people").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _), "POST /api/v1/people documents its 201 answer");
    }

    [DatabaseFact]
    public async Task Docs_ServeTheApiDocumentationPage()
    {
        var docs = await app.Anonymous().GetAsync("/docs/index.html");

        docs.Expect(HttpStatusCode.OK);
        Assert.Contains("openapi/v1.json", (await app.Anonymous().GetAsync("/docs/index.js")).Body + docs.Body, StringComparison.Ordinal);
        var root = await app.Anonymous().GetAsync("/docs");
        Assert.True(root.StatusCode is 200 or 301 or 302, root.ToString());
    }

    [DatabaseFact]
    public async Task UnknownApiPath_AnswersProblemDetails404() =>
        (await app.As("center").GetAsync("/api/v1/no-such-thing")).ExpectProblem(HttpStatusCode.NotFound, "common.not_found");
}
