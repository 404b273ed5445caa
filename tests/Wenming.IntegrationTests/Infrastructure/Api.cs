using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>What a client sees of one answer: status, content type and body, with helpers for problem details.</summary>
public sealed class ApiResponse(HttpStatusCode status, string? contentType, string body, string request)
{
    private JsonElement? _json;

    public HttpStatusCode Status => status;

    public int StatusCode => (int)status;

    public string? ContentType => contentType;

    /// <summary>The raw body, exactly as sent over the wire.</summary>
    public string Body => body;

    public JsonElement Json => _json ??= body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();

    /// <summary>The problem's machine-readable <c>code</c>, or null.</summary>
    public string? Code => IsJsonObject && Json.TryGetProperty("code", out var code) ? code.GetString() : null;

    public long Id => Json.GetProperty("id").GetInt64();

    public bool IsJsonObject => body.Length > 0 && Json.ValueKind == JsonValueKind.Object;

    public string Text(string property) => Json.GetProperty(property).GetString()!;

    public long Number(string property) => Json.GetProperty(property).GetInt64();

    public int Total => Json.GetProperty("total").GetInt32();

    public IReadOnlyList<JsonElement> Items => [.. Json.GetProperty("items").EnumerateArray()];

    /// <summary>The messages of <c>errors.{field}</c> (empty when the field has none).</summary>
    public IReadOnlyList<string> FieldErrors(string field) =>
        IsJsonObject && Json.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? [.. messages.EnumerateArray().Select(m => m.GetString()!)]
            : [];

    /// <summary>Fails with the request and the body, so a wrong status explains itself.</summary>
    public ApiResponse Expect(HttpStatusCode expected)
    {
        Assert.True(status == expected, $"{request}: expected {(int)expected} {expected} but got {(int)status} {status}: {Truncate(body)}");
        return this;
    }

    /// <summary>Expects a problem-details answer with this status and code.</summary>
    public ApiResponse ExpectProblem(HttpStatusCode expected, string code)
    {
        Expect(expected);
        Assert.True(contentType == "application/problem+json", $"{request}: expected application/problem+json but got {contentType}: {Truncate(body)}");
        Assert.True(Code == code, $"{request}: expected code {code} but got {Code}: {Truncate(body)}");
        return this;
    }

    public override string ToString() => $"{request} → {(int)status}: {Truncate(body)}";

    private static string Truncate(string text) => text.Length > 1500 ? text[..1500] + "…" : text;
}

/// <summary>An HTTP client of the API acting as one login (or anonymous), like a phone app would.</summary>
public sealed class ApiClient(HttpClient http, Func<Task<string?>> token, string forwardedFor)
{
    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    public Task<ApiResponse> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (await token() is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        // The whole suite shares the test server's one (empty) client address; a forwarded address
        // keeps each fixture's sign-ins in its own rate-limit partition and shows up in the audit log.
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, $"{method} {path}");
    }
}
