using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Supervision.Features.Tasks;

/// <summary>One line of a task's timeline.</summary>
public sealed record TaskEntryDto(long Id, SupervisionEntryKind Kind, string KindLabel, int? Percent, string? Note, string? ByLogin, DateTimeOffset At);

/// <summary>
/// A 督办 task as API.md answers it (<c>{id, status, light, …}</c>): the light as its English name and its Chinese
/// label, the units by id and name, the urge count, and on the task's own answers its timeline.
/// </summary>
public sealed record TaskDto(
    long Id,
    long OrgUnitId,
    string? OrgUnitName,
    long AssignedByUnitId,
    string? AssignedByUnitName,
    string? AssignedByLogin,
    string Title,
    string? Description,
    SupervisionSource Source,
    string SourceLabel,
    long? SourceOrderId,
    DateTimeOffset AssignedAt,
    DateTimeOffset DueAt,
    SupervisionStatus Status,
    string StatusLabel,
    int Percent,
    DateTimeOffset? CompletedAt,
    int UrgeCount,
    DateTimeOffset? LastUrgedAt,
    SupervisionLight Light,
    string LightLabel,
    IReadOnlyList<TaskEntryDto>? Timeline)
{
    /// <summary>A department's task (ADR 0060): by when it must be claimed.</summary>
    public DateTimeOffset? ClaimDueAt { get; init; }

    /// <summary>首办人's login, once claimed.</summary>
    public string? FirstHandlerLogin { get; init; }

    public long? FirstHandlerUserId { get; init; }

    public bool AwaitsClaim { get; init; }

    public static TaskDto From(SupervisionTask t, DateTime now, IReadOnlyDictionary<long, string> units, IReadOnlyList<TaskEntryDto>? timeline)
    {
        var light = t.LightAt(now);
        return new(
            t.Id,
            t.OrgUnitId,
            units.GetValueOrDefault(t.OrgUnitId),
            t.AssignedByUnitId,
            units.GetValueOrDefault(t.AssignedByUnitId),
            t.AssignedByLogin,
            t.Title,
            t.Description,
            t.Source,
            SupervisionLabels.Source(t.Source),
            t.SourceOrderId,
            Text.ToChinaTime(t.AssignedAt),
            Text.ToChinaTime(t.DueAt),
            t.Status,
            SupervisionLabels.Status(t.Status),
            t.Percent,
            t.CompletedAt is { } c ? Text.ToChinaTime(c) : null,
            t.UrgeCount,
            t.LastUrgedAt is { } u ? Text.ToChinaTime(u) : null,
            light,
            SupervisionLabels.Light(light),
            timeline)
        {
            ClaimDueAt = t.ClaimDueAt is { } cd ? Text.ToChinaTime(cd) : null,
            FirstHandlerLogin = t.FirstHandlerLogin,
            FirstHandlerUserId = t.FirstHandlerUserId,
            AwaitsClaim = t.IsOpen && t.AwaitsClaim,
        };
    }
}

/// <summary>The Chinese names of lights, states, sources and timeline kinds.</summary>
public static class SupervisionLabels
{
    public static string Light(SupervisionLight light) => Text.Get("Supervision.light." + light);

    public static string Status(SupervisionStatus status) => Text.Get("Supervision.status." + status);

    public static string Source(SupervisionSource source) => Text.Get("Supervision.source." + source);

    public static string Kind(SupervisionEntryKind kind) => Text.Get("Supervision.entry." + kind);
}
