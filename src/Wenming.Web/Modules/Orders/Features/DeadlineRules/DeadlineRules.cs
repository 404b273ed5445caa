using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.DeadlineRules;

public sealed record DeadlineRulesDto(long CountyId, int DispatchHours, int AcceptHours, int CompleteDays, int AutoCloseDays, bool IsDefault)
{
    /// <summary>Hours a department has to claim an order passed to it (ADR 0060).</summary>
    public int ClaimHours { get; init; } = OrderDeadlines.DefaultClaimHours;
}

/// <param name="ClaimHours">Optional (ADR 0060): left out, the county's current claim time stays.</param>
public sealed record SetDeadlineRulesRequest(int? DispatchHours, int? AcceptHours, int? CompleteDays, int? AutoCloseDays, int? ClaimHours = null);

/// <summary>
/// A county's order time limits (RULES.md; defaults 24 h, 24 h, 7 days, 7 days). Read by the county's
/// admins; changed by its center admins (and the system admin). A change applies to steps that start
/// after it: a running step keeps the deadline it was given.
/// </summary>
public sealed class DeadlineRulesHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, TimeProvider clock)
{
    public const int MaxHours = 24 * 30;
    public const int MaxDays = 365;

    public async Task<Result<DeadlineRulesDto>> GetAsync(long countyId, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (await CountyAsync(countyId, ct) is { } missing)
        {
            return missing;
        }

        var rule = await db.Set<OrderDeadlineRule>().Unscoped(because: Why.UnitAbove).AsNoTracking().SingleOrDefaultAsync(r => r.CountyId == countyId, ct);
        var d = rule?.Deadlines ?? OrderDeadlines.Defaults;
        return new DeadlineRulesDto(countyId, d.DispatchHours, d.AcceptHours, d.CompleteDays, d.AutoCloseDays, rule is null) { ClaimHours = d.ClaimHours };
    }

    public async Task<Result<DeadlineRulesDto>> SetAsync(long countyId, SetDeadlineRulesRequest request, CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin) is { } forbidden)
        {
            return forbidden;
        }

        if (await CountyAsync(countyId, ct) is { } missing)
        {
            return missing;
        }

        var fields = new FieldErrors();
        void Check(string field, int? value, int max)
        {
            if (value is not { } v || v < 1 || v > max)
            {
                fields.Add(field, "Orders.error.rule_range", Text.Get("Orders.field." + field), max);
            }
        }

        Check("dispatchHours", request.DispatchHours, MaxHours);
        Check("acceptHours", request.AcceptHours, MaxHours);
        Check("completeDays", request.CompleteDays, MaxDays);
        Check("autoCloseDays", request.AutoCloseDays, MaxDays);
        if (request.ClaimHours is not null)
        {
            Check("claimHours", request.ClaimHours, MaxHours);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rule = await db.Set<OrderDeadlineRule>().SingleOrDefaultAsync(r => r.CountyId == countyId, ct);
        var claimHours = request.ClaimHours ?? rule?.Deadlines.ClaimHours ?? OrderDeadlines.DefaultClaimHours;
        var values = new OrderDeadlines(request.DispatchHours!.Value, request.AcceptHours!.Value, request.CompleteDays!.Value, request.AutoCloseDays!.Value, claimHours);
        if (rule is null)
        {
            db.Add(OrderDeadlineRule.For(countyId, values, now));
        }
        else
        {
            rule.Set(values, now);
        }

        await db.SaveChangesAsync(ct);
        return new DeadlineRulesDto(countyId, values.DispatchHours, values.AcceptHours, values.CompleteDays, values.AutoCloseDays, false) { ClaimHours = claimHours };
    }

    /// <summary>404 unless the id is a county in the caller's subtree (a township admin does not see its county).</summary>
    private async Task<Error?> CountyAsync(long countyId, CancellationToken ct) =>
        await orgs.FindAsync(countyId, ct) is { Level: OrgLevel.County } ? null : Error.NotFound("org.not_found");
}
