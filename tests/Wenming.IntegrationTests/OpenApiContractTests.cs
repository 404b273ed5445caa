using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Wenming.IntegrationTests;

/// <summary>
/// The served OpenAPI document is fit for client generators (ADR 0024): every operation has its own stable
/// operationId and documents its refusals as problem details with <c>code</c> and <c>errors</c>.
/// </summary>
public sealed class OpenApiContractTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse((await app.Anonymous().GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Body).RootElement.Clone();

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (path.Name, method.Name, method.Value);

    [DatabaseFact]
    public async Task Every_operation_has_its_own_operationId()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        Assert.True(operations.Count > 100, $"only {operations.Count} operations in the document");
        var missing = operations.Where(o => !o.Operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString())).Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.True(missing.Count == 0, "Without operationId:\n" + string.Join("\n", missing));
        var duplicates = operations.GroupBy(o => o.Operation.GetProperty("operationId").GetString()).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => $"{o.Method} {o.Path}"))}").ToList();
        Assert.True(duplicates.Count == 0, "Shared operationIds:\n" + string.Join("\n", duplicates));
        var dispatch = operations.Single(o => o.Path == "/api/v1/orders/{id}/dispatch" && o.Method == "post");
        Assert.Equal("PostOrdersByIdDispatch", dispatch.Operation.GetProperty("operationId").GetString());
    }

    [DatabaseFact]
    public async Task Every_operation_documents_its_refusals_as_problem_details_with_code_and_errors()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties");
        Assert.True(problem.TryGetProperty("code", out _), "the Problem schema has code");
        Assert.Equal("array", problem.GetProperty("errors").GetProperty("additionalProperties").GetProperty("type").GetString());
        var wrong = new List<string>();
        foreach (var (path, method, operation) in operations)
        {
            var refusals = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            if (refusals.Count == 0)
            {
                wrong.Add($"{method} {path}: no 4xx response");
            }

            foreach (var refusal in refusals)
            {
                var schema = refusal.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media)
                    ? media.GetProperty("schema").GetProperty("$ref").GetString() : null;
                if (schema != "#/components/schemas/Problem")
                {
                    wrong.Add($"{method} {path} {refusal.Name}: {schema ?? "no application/problem+json"}");
                }
            }

            var signedIn = !operation.TryGetProperty("security", out var security) || security.GetArrayLength() > 0;
            if (signedIn && path.StartsWith("/api/", StringComparison.Ordinal) && !refusals.Any(r => r.Name == "401"))
            {
                wrong.Add($"{method} {path}: signed-in route without 401");
            }

            if (path.Contains('{', StringComparison.Ordinal) && !refusals.Any(r => r.Name == "404"))
            {
                wrong.Add($"{method} {path}: route with a parameter without 404");
            }

            if (operation.TryGetProperty("requestBody", out _) && !refusals.Any(r => r.Name == "400"))
            {
                wrong.Add($"{method} {path}: body without 400");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // Spot checks that read like the API: a dispatch can conflict with the order's state; sign-in refuses
        // wrong credentials and too many tries, without asking for a token first.
        var dispatch = operations.Single(o => o.Path == "/api/v1/orders/{id}/dispatch" && o.Method == "post").Operation.GetProperty("responses");
        Assert.All(new[] { "400", "401", "403", "404", "409" }, status => Assert.True(dispatch.TryGetProperty(status, out _), "dispatch documents " + status));
        var token = operations.Single(o => o.Path == "/api/v1/auth/token" && o.Method == "post").Operation;
        Assert.True(token.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(token.GetProperty("responses").TryGetProperty("429", out _));
        Assert.Equal(0, token.GetProperty("security").GetArrayLength());
    }
}

/// <summary>
/// An independent linter's verdict on the served document: Redocly CLI with its recommended rules, pinned in
/// tools/openapi-lint (ADR 0024). Runs once (the document does not depend on the database). Locally it is
/// skipped until <c>npm ci --prefix tools/openapi-lint</c> has run; with CI=true it must run.
/// </summary>
public sealed class OpenApiLintTests(SqliteApp app, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    [OpenApiLintFact]
    public async Task The_served_document_passes_Redocly_recommended_rules_without_errors()
    {
        Assert.True(File.Exists(OpenApiLint.Redocly), $"CI=true and the OpenAPI linter is missing at {OpenApiLint.Redocly}: run `npm ci --prefix tools/openapi-lint`.");
        var body = (await app.Anonymous().GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Body;
        var file = Path.Combine(Path.GetTempPath(), $"wenming-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, body);
        try
        {
            var start = new ProcessStartInfo(OpenApiLint.Redocly, ["lint", file, "--config", Path.Combine(OpenApiLint.Directory, "redocly.yaml"), "--format", "stylish"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = OpenApiLint.Directory,
            };
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var lint = Process.Start(start)!;
            var stdout = lint.StandardOutput.ReadToEndAsync();
            var stderr = lint.StandardError.ReadToEndAsync();
            await lint.WaitForExitAsync();
            var report = await stdout + await stderr;
            output.WriteLine(report);
            Assert.True(lint.ExitCode == 0, "Redocly lint found errors in /openapi/v1.json:\n" + report);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>Where the pinned linter lives: tools/openapi-lint of the repository this test was built from.</summary>
public static class OpenApiLint
{
    public static string Directory { get; } = Find();

    public static string Redocly => Path.Combine(Directory, "node_modules", ".bin", "redocly");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wenming.slnx")))
            {
                return Path.Combine(dir.FullName, "tools", "openapi-lint");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "tools", "openapi-lint");
    }
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenApiLintFactAttribute : FactAttribute
{
    public OpenApiLintFactAttribute()
    {
        if (!File.Exists(OpenApiLint.Redocly) && !PostgresServer.IsCi)
        {
            Skip = $"The OpenAPI linter is not installed ({OpenApiLint.Redocly}): run `npm ci --prefix tools/openapi-lint` (test.sh does).";
        }
    }
}
