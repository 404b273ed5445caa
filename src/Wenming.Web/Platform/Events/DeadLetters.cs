using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Events;

/// <summary>An integration event that failed <c>Events:MaxAttempts</c> times and is no longer retried by the sweeper.</summary>
public sealed record DeadLetterDto(long Id, string Type, DateTimeOffset CreatedAt, DateTimeOffset DiedAt, int Attempts, string? LastError);

/// <summary>The outcome of a retry: delivered now, or failed again (then the sweeper retries it with backoff).</summary>
public sealed record DeadLetterRetryDto(long Id, bool Delivered, int Attempts, string? LastError);

/// <summary>What a system admin sees of dead letters and how they bring one back (ADR 0022); for the API, the page and the CLI.</summary>
public sealed class DeadLetters(AppDbContext db, OutboxDelivery delivery, CurrentActor actor)
{
    public async Task<Result<IReadOnlyList<DeadLetterDto>>> ListAsync(CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin) is { } forbidden)
        {
            return forbidden;
        }

        return await AllAsync(db, ct);
    }

    /// <summary>Every dead letter, oldest first (the first 500); no role check (the CLI's operator and the guarded callers).</summary>
    public static async Task<List<DeadLetterDto>> AllAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DeadAt != null && m.DeliveredAt == null).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Type, m.CreatedAt, m.DeadAt, m.Attempts, m.LastError }).Take(500).ToListAsync(ct);
        return rows.Select(m => new DeadLetterDto(m.Id, m.Type, Text.ToChinaTime(m.CreatedAt), Text.ToChinaTime(m.DeadAt!.Value), m.Attempts, m.LastError)).ToList();
    }

    public async Task<Result<DeadLetterRetryDto>> RetryAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin) is { } forbidden)
        {
            return forbidden;
        }

        if (await delivery.RetryDeadLetterAsync(id, ct) is not { } delivered)
        {
            return Error.NotFound();
        }

        var row = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Attempts, m.LastError }).SingleAsync(ct);
        return new DeadLetterRetryDto(id, delivered, row.Attempts, delivered ? null : row.LastError);
    }

    /// <summary>How many events wait for delivery and how many are dead (the metrics' outbox gauges).</summary>
    public static async Task<(long Pending, long Dead)> CountAsync(AppDbContext db, CancellationToken ct)
    {
        var pending = await db.Set<OutboxMessage>().LongCountAsync(m => m.DeliveredAt == null && m.DeadAt == null, ct);
        var dead = await db.Set<OutboxMessage>().LongCountAsync(m => m.DeliveredAt == null && m.DeadAt != null, ct);
        return (pending, dead);
    }
}

public static class DeadLetterEndpoints
{
    public static RouteGroupBuilder MapOps(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ops").WithTags("ops");
        group.MapGet("/dead-letters", async Task<Results<Ok<IReadOnlyList<DeadLetterDto>>, ProblemHttpResult>> (DeadLetters deadLetters, CancellationToken ct) =>
            ApiResults.OkOr(await deadLetters.ListAsync(ct)))
            .WithSummary("无法投递的集成事件（死信，仅系统管理员）");
        group.MapPost("/dead-letters/{id:long}/retry", async Task<Results<Ok<DeadLetterRetryDto>, ProblemHttpResult>> (long id, DeadLetters deadLetters, CancellationToken ct) =>
            ApiResults.OkOr(await deadLetters.RetryAsync(id, ct)))
            .WithSummary("重试一条死信（立即投递一次）");
        return api;
    }
}
