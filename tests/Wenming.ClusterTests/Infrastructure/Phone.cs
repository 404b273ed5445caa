using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wenming.ClusterTests.Infrastructure;

/// <summary>What came back: a status and body, or nothing (the connection broke or timed out).</summary>
public sealed record Answer(HttpStatusCode? Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Code => Status is not null && Body.StartsWith('{') && Json.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>No answer, or the balancer's 502/503/504: the write may or may not have happened.</summary>
    public bool IsTransient => Status is null or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public long Id => Json.GetProperty("id").GetInt64();

    public override string ToString() => $"{(Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer")}: {(Body.Length > 300 ? Body[..300] : Body)}";
}

/// <summary>
/// A client as a phone app behaves on a bad line: when a write gets no answer (or the balancer's 5xx) it sends
/// the same request again, with the same Idempotency-Key where the endpoint takes one, a bounded number of times.
/// </summary>
public sealed class Phone(Uri baseAddress)
{
    private const int Attempts = 10;

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };

    public async Task<Answer> SendOnceAsync(HttpMethod method, string path, object? body, string? token, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await _http.SendAsync(request);
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Answer(null, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>
    /// Sends until there is a definite answer. A key still "in progress" (the first try is running, or died with its
    /// node) is asked again too; after <see cref="Attempts"/> tries the last answer is returned, transient or not.
    /// </summary>
    public async Task<Answer> SendAsync(HttpMethod method, string path, object? body, string? token, string? idempotencyKey = null)
    {
        Answer answer = new(null, "not sent");
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            answer = await SendOnceAsync(method, path, body, token, idempotencyKey);
            if (!answer.IsTransient && answer.Code != "idempotency.in_progress")
            {
                return answer;
            }

            await Task.Delay(300 * (attempt + 1));
        }

        return answer;
    }

    public async Task<string> SignInAsync(string login, string password)
    {
        var answer = await SendAsync(HttpMethod.Post, "/api/v1/auth/token", new { login, password }, null);
        Assert.True(answer.Status == HttpStatusCode.OK, $"sign-in of {login}: {answer}");
        return answer.Json.GetProperty("accessToken").GetString()!;
    }
}
