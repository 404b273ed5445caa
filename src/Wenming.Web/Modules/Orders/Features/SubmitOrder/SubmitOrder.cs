using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.SubmitOrder;

/// <summary>
/// API.md's body; <paramref name="RequesterPersonId"/> is added for a station admin ordering on a
/// resident's behalf (a resident always orders for themselves and leaves it out).
/// </summary>
public sealed record SubmitOrderRequest(
    long? ServiceItemId, string? Description, long? OrgUnitId, DateTimeOffset? WantedAt, string? ContactPhone, string? Address, long? RequesterPersonId = null);

public sealed class SubmitOrderValidator : AbstractValidator<SubmitOrderRequest>
{
    public SubmitOrderValidator()
    {
        RuleFor(r => r.OrgUnitId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Required("orgUnitId"));
        RuleFor(r => r.Description).Must(v => !string.IsNullOrWhiteSpace(v)).WithErrorCode("validation.required").WithMessage(_ => Required("description"))
            .Must(v => v is null || v.Trim().Length <= 1000).WithErrorCode("validation.too_long").WithMessage(_ => TooLong("description", 1000));
        RuleFor(r => r.Address).Must(v => v is null || v.Trim().Length <= 200).WithErrorCode("validation.too_long").WithMessage(_ => TooLong("address", 200));
        RuleFor(r => r.ContactPhone).Must(v => !string.IsNullOrWhiteSpace(v)).WithErrorCode("validation.required").WithMessage(_ => Required("contactPhone"))
            .Must(OrderContactPhone.IsValid).When(r => !string.IsNullOrWhiteSpace(r.ContactPhone), ApplyConditionTo.CurrentValidator)
            .WithErrorCode("order.contact_phone_invalid").WithMessage(_ => Text.Get("Orders.error.contact_phone_invalid"));
    }

    internal static string Required(string field) => Text.Get("validation.required", Text.Get("Orders.field." + field));

    internal static string TooLong(string field, int max) => Text.Get("validation.too_long", Text.Get("Orders.field." + field), max);
}

/// <summary>
/// A resident orders for themselves at their own unit (or, for an item of the township's or county's
/// catalog, through it); a station (or higher) admin orders for a resident of their subtree, recorded as
/// on their behalf. The order is handled by the item's unit, or by the order's own unit for a free need.
/// </summary>
public sealed class SubmitOrderHandler(
    AppDbContext db, CurrentActor actor, OrgScope scope, IOrgDirectory orgs, IPeopleDirectory people, OrderDeadlineRules rules, INotifier notifier, TimeProvider clock)
{
    public async Task<Result<OrderDto>> HandleAsync(SubmitOrderRequest request, CancellationToken ct)
    {
        var onBehalf = request.RequesterPersonId is not null;
        if (onBehalf ? actor.RequireAdmin() is not null : actor.PersonId is null || !actor.Has(Role.Resident) && !actor.Has(Role.Volunteer) && !actor.Has(Role.TeamLeader))
        {
            return Error.Forbidden();
        }

        if (Validation.Check(new SubmitOrderValidator(), request) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        long requester;
        OrgUnitInfo? unit;
        if (onBehalf)
        {
            // The person and the unit must both be in the admin's subtree (404 otherwise, as everywhere).
            if (await people.FindAsync(request.RequesterPersonId!.Value, ct) is not { } person)
            {
                return Error.NotFound("person.not_found");
            }

            requester = person.Id;
            unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        }
        else
        {
            requester = actor.PersonId!.Value;
            // A resident orders where they live: their own unit or one above it on their path.
            unit = await orgs.FindUnscopedAsync(request.OrgUnitId!.Value, ct);
            var own = actor.OrgUnitId is { } ownId ? await orgs.FindUnscopedAsync(ownId, ct) : null;
            if (unit is not null && (own is null || !own.Path.StartsWith(unit.Path, StringComparison.Ordinal)))
            {
                return FieldErrors.One("orgUnitId", "order.unit_not_allowed", "Orders.error.unit_not_allowed");
            }
        }

        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.CountyId is not { } countyId || unit.Status != OrgUnitStatus.Active)
        {
            return FieldErrors.One("orgUnitId", "order.unit_not_allowed", "Orders.error.unit_not_allowed");
        }

        var handlingUnitId = unit.Id;
        string? itemName = null;
        if (request.ServiceItemId is { } itemId)
        {
            var item = await db.Set<ServiceItem>().Unscoped(because: Why.UnitAbove).AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.Active, ct);
            var itemUnit = item is null ? null : await orgs.FindUnscopedAsync(item.OrgUnitId, ct);
            // The item must be offered at the order's unit or above it: a village's 理发 is not for another village.
            if (item is null || itemUnit is null || !unit.Path.StartsWith(itemUnit.Path, StringComparison.Ordinal))
            {
                return FieldErrors.One("serviceItemId", "order.item_not_offered", "Orders.error.item_not_offered");
            }

            handlingUnitId = item.OrgUnitId;
            itemName = item.Name;
        }

        var deadlines = await rules.ForCountyAsync(countyId, ct);
        var order = Order.Submit(
            countyId, unit.Id, handlingUnitId, request.ServiceItemId, request.Description!, request.Address, request.WantedAt?.UtcDateTime, request.ContactPhone!,
            requester, actor.UserId, onBehalf, deadlines, now);
        db.Add(order);

        // A resident's order may sit at a unit above their own subtree (a county catalog item): the
        // checks above authorized it, so the write guard is lifted for this save. The notice links to
        // the order, so it is written after the order has its id, in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using (onBehalf ? null : scope.Unscoped(because: Why.UnitAbove))
        {
            await db.SaveChangesAsync(ct);
        }

        // The dispatchers may sit above the submitter's subtree (a county item ordered at a village).
        using (scope.Unscoped(because: Why.UnitAbove))
        {
            order.RecordSubmitted();
            await notifier.ToUnitAdminsAsync(handlingUnitId, OrderNotices.Of("Orders.notice.submitted", order), ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);

        return OrderDto.From(order, showRejectReason: true, now, itemName, null);
    }
}

/// <summary>The in-app messages of the loop; each links to the order's page.</summary>
public static class OrderNotices
{
    public static Notice Of(string key, Order order, params object[] args) =>
        new(Text.Get(key + ".title"), Text.Get(key + ".body", [Shorten(order.Description), .. args]), "/orders/" + order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
