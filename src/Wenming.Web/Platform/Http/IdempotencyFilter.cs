using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// <c>Idempotency-Key</c> on a retried write (API.md, ADR 0013): the first request with a key runs and its
/// answer is stored; a repeat of the same request replays that answer byte for byte without running the
/// endpoint. The key's row in <c>plat_idempotency_keys</c> (unique per account) is the only lock, so it holds
/// across web nodes. Requests without the header pass straight through.
/// </summary>
public static class Idempotency
{
    /// <summary>How long a repeat waits for the first request's answer before it gets 409 <c>idempotency.in_progress</c>.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Wraps the route's whole request delegate (after model binding would be too late: the raw body is
    /// needed for the fingerprint, and the answer is captured as the bytes the client receives).
    /// </summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        // A "finally" convention runs after the framework built the route's request delegate, so it can wrap it.
        builder.Finally(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException("WithIdempotency needs a route with a handler.");
            endpoint.RequestDelegate = http => InvokeAsync(http, inner);
        });
        // Clients learn about the header from the OpenAPI document, like every other parameter.
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
            {
                Name = IdempotencyKeys.Header,
                In = Microsoft.OpenApi.ParameterLocation.Header,
                Required = false,
                Description = "可选：重试同一写操作时带上同一个键（1–100 个可见 ASCII 字符），只执行一次并返回首次的应答（24 小时内有效）。",
                Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, MaxLength = 100 },
            });
            return Task.CompletedTask;
        });
        return builder;
    }

    private static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        // Present but empty ("Idempotency-Key:") counts as present, and is refused below as invalid.
        if (!http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var values))
        {
            await next(http);
            return;
        }

        if (values.Count != 1 || !IdempotencyKeys.IsValid(values[0]))
        {
            await ApiResults.Problem(Error.Field(IdempotencyKeys.Header, "idempotency.key_invalid")).ExecuteAsync(http);
            return;
        }

        // Routes with a key are signed-in routes; without an account there is nobody to keep the key for.
        if (http.RequestServices.GetRequiredService<CurrentActor>().UserId is not { } userId)
        {
            await next(http);
            return;
        }

        var key = values[0]!;
        http.Request.EnableBuffering();
        byte[] body;
        using (var copy = new MemoryStream())
        {
            await http.Request.Body.CopyToAsync(copy, http.RequestAborted);
            body = copy.ToArray();
        }

        http.Request.Body.Position = 0;
        var fingerprint = IdempotencyKeys.Fingerprint(http.Request.Method, $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}", body);
        var store = new KeyStore(http.RequestServices, userId, key);
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var giveUpAt = clock.GetUtcNow() + Wait;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await store.TryClaimAsync(fingerprint, now, http.RequestAborted);
            if (existing is null)
            {
                await RunAndStoreAsync(http, next, store);
                return;
            }

            if (existing.ExpiresAt <= now)
            {
                // Expired but not yet swept: the key is free again.
                await store.DeleteExpiredAsync(now);
                continue;
            }

            if (existing.Fingerprint != fingerprint)
            {
                await ApiResults.Problem(Error.Conflict("idempotency.key_reused")).ExecuteAsync(http);
                return;
            }

            if (existing.Status is { } status)
            {
                await ReplayAsync(http, existing, status);
                return;
            }

            if (clock.GetUtcNow() >= giveUpAt)
            {
                await ApiResults.Problem(Error.Conflict("idempotency.in_progress")).ExecuteAsync(http);
                return;
            }

            await Task.Delay(Poll, clock, http.RequestAborted);
        }
    }

    private static async Task RunAndStoreAsync(HttpContext http, RequestDelegate next, KeyStore store)
    {
        var client = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            // The request failed (→ 500 or 404 from the exception handler): nothing to replay, the client may retry.
            http.Response.Body = client;
            await store.ReleaseAsync();
            throw;
        }

        http.Response.Body = client;
        var status = http.Response.StatusCode;
        if (status is >= 200 and < 400)
        {
            // Stored before the client sees it, so a retry racing the answer finds it.
            await store.CompleteAsync(status, http.Response.ContentType, http.Response.Headers.Location.ToString(), buffer.ToArray());
        }
        else
        {
            // 4xx: a refused request changed nothing, so the key is freed and the corrected request may use it;
            // 5xx: the client should retry, and the retry must really run.
            await store.ReleaseAsync();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(client, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record, int status)
    {
        http.Response.StatusCode = status;
        http.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        if (record.ContentType is not null)
        {
            http.Response.ContentType = record.ContentType;
        }

        if (!string.IsNullOrEmpty(record.Location))
        {
            http.Response.Headers.Location = record.Location;
        }

        var body = record.Body ?? [];
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>
    /// Reads and writes the key row in a context of its own: the claim must be committed before the endpoint
    /// runs (so other requests see it), and must not join or disturb the endpoint's own unit of work. Plain
    /// statements, not the change tracker (issue 19): every write that carries a key pays for its claim and its
    /// answer, and through SaveChanges and ExecuteUpdate they took a fifth of a redemption's CPU in the web process.
    /// </summary>
    private sealed class KeyStore(IServiceProvider services, long userId, string key)
    {
        /// <summary>Inserts the claim; null when this request won it, else the row that was there first.</summary>
        public async Task<IdempotencyRecord?> TryClaimAsync(string fingerprint, DateTime now, CancellationToken ct)
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var expiresAt = now + IdempotencyKeys.Lifetime;
            // The primary key (UserId, Key) decides: a key someone had first inserts nothing. That is the expected
            // answer to a retry, not a failed command, so nothing is logged as an error (both databases know ON CONFLICT).
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO plat_idempotency_keys ("UserId", "Key", "Fingerprint", "CreatedAt", "ExpiresAt")
                VALUES ({userId}, {key}, {fingerprint}, {now}, {expiresAt})
                ON CONFLICT ("UserId", "Key") DO NOTHING
                """, ct);
            if (claimed == 1)
            {
                return null;
            }

            var existing = await db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);

            // Gone already (released after a 4xx, or swept): report it as expired so the caller claims again.
            return existing ?? new IdempotencyRecord { Fingerprint = fingerprint, ExpiresAt = DateTime.MinValue };
        }

        public Task CompleteAsync(int status, string? contentType, string? location, byte[] body)
        {
            var stored = string.IsNullOrEmpty(location) ? null : location;
            return WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"""
                UPDATE plat_idempotency_keys SET "Status" = {status}, "ContentType" = {contentType}, "Location" = {stored}, "Body" = {body}
                WHERE "UserId" = {userId} AND "Key" = {key} AND "Status" IS NULL
                """));
        }

        public Task ReleaseAsync() =>
            WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"""DELETE FROM plat_idempotency_keys WHERE "UserId" = {userId} AND "Key" = {key} AND "Status" IS NULL"""));

        public Task DeleteExpiredAsync(DateTime now) =>
            WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"""DELETE FROM plat_idempotency_keys WHERE "UserId" = {userId} AND "Key" = {key} AND "ExpiresAt" <= {now}"""));

        private async Task WithDbAsync(Func<AppDbContext, Task<int>> write)
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await write(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
    }
}
