using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund.Features.Donations;

/// <summary>API.md's body. <paramref name="DonorName"/> may be left out when <paramref name="Anonymous"/> (then 爱心人士).</summary>
public sealed record RecordDonationRequest(long? OrgUnitId, string? DonorName, bool? Anonymous, long? AmountFen, DonationChannel? Channel, DateOnly? ReceivedOn, string? ReceiptNumber);

public sealed record ReverseRequest(string? Reason);

public sealed record ListDonationsRequest
{
    public long? OrgUnitId { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// Donations in: recorded by the county center (or a system admin), each adding to the county fund in the same
/// transaction; a mistake is corrected by a reversing entry with a reason (refused when the money is spent already).
/// </summary>
public sealed class DonationsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, FundBooks books, TimeProvider clock)
{
    public async Task<Result<DonationDto>> RecordAsync(RecordDonationRequest request, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        var anonymous = request.Anonymous ?? false;
        var fields = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Fund.field.orgUnitId");
        }

        var donor = string.IsNullOrWhiteSpace(request.DonorName) ? (anonymous ? FundLabels.PublicDonor(true, "") : null) : request.DonorName.Trim();
        if (donor is null)
        {
            fields.AddRequired("donorName", "Fund.field.donorName");
        }
        else if (donor.Length > Donation.MaxDonorLength)
        {
            fields.AddTooLong("donorName", "Fund.field.donorName", Donation.MaxDonorLength);
        }

        FundAccess.CheckAmount(fields, "amountFen", request.AmountFen);
        if (request.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            fields.AddRequired("channel", "Fund.field.channel");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Platform.Localization.Text.ChinaOffset);
        if (request.ReceivedOn is not { } receivedOn)
        {
            fields.AddRequired("receivedOn", "Fund.field.receivedOn");
        }
        else if (receivedOn > today || receivedOn < today.AddYears(-5))
        {
            fields.Add("receivedOn", "Fund.error.date_range");
        }

        if (string.IsNullOrWhiteSpace(request.ReceiptNumber))
        {
            fields.AddRequired("receiptNumber", "Fund.field.receiptNumber");
        }
        else if (request.ReceiptNumber.Trim().Length > Donation.MaxReceiptLength)
        {
            fields.AddTooLong("receiptNumber", "Fund.field.receiptNumber", Donation.MaxReceiptLength);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await orgs.FindAsync(request.OrgUnitId!.Value, ct) is not { CountyId: { } countyId } unit)
        {
            return Error.NotFound("org.not_found");
        }

        var receipt = request.ReceiptNumber!.Trim();
        if (await db.Set<Donation>().AnyAsync(d => d.CountyId == countyId && d.ReceiptNumber == receipt, ct))
        {
            return FundErrors.DuplicateReceipt();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var donation = Donation.Record(countyId, unit.Id, donor!, anonymous, request.AmountFen!.Value, request.Channel!.Value, request.ReceivedOn!.Value, receipt, actor.UserId, actor.Login, now);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await books.OpenAsync(countyId, ct);
            // Money in never fails the balance condition.
            _ = await books.DonateAsync(countyId, donation.AmountFen, ct);
            db.Add(donation);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same receipt number recorded a moment ago by another request: the unique index decided.
            db.ChangeTracker.Clear();
            return FundErrors.DuplicateReceipt();
        }

        return DonationDto.From(donation, reversed: false);
    }

    public async Task<Result<DonationDto>> ReverseAsync(long id, ReverseRequest request, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        if (FundAccess.CheckReason(request.Reason) is { } invalid)
        {
            return invalid;
        }

        if (await db.Set<Donation>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is not { } original)
        {
            return FundErrors.DonationNotFound();
        }

        if (original.ReversesId is not null)
        {
            return FundErrors.NotReversible();
        }

        if (await db.Set<Donation>().AnyAsync(d => d.ReversesId == id, ct))
        {
            return FundErrors.AlreadyReversed();
        }

        var reversal = original.Reverse(request.Reason!, actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await books.DonateAsync(original.CountyId, reversal.AmountFen, ct) is null)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return FundErrors.Insufficient((await books.BalanceAsync(original.CountyId, ct))?.BalanceFen ?? 0);
            }

            db.Add(reversal);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Reversed a moment ago by another request: the unique index on ReversesId decided.
            db.ChangeTracker.Clear();
            return FundErrors.AlreadyReversed();
        }

        return DonationDto.From(reversal, reversed: false);
    }

    public async Task<Result<DonationDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (await db.Set<Donation>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is not { } donation)
        {
            return FundErrors.DonationNotFound();
        }

        return DonationDto.From(donation, await db.Set<Donation>().AnyAsync(d => d.ReversesId == id, ct));
    }

    /// <summary>The donations (and reversals) of the caller's subtree, newest first; optionally one unit's subtree.</summary>
    public async Task<Result<PageOf<DonationDto>>> ListAsync(ListDonationsRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var (query, error) = await QueryAsync(request.OrgUnitId, ct);
        if (query is null)
        {
            return error!;
        }

        var page = await query.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id).ToPageAsync(paging, ct);
        var ids = page.Items.Select(d => d.Id).ToList();
        var reversed = await db.Set<Donation>().Where(d => d.ReversesId != null && ids.Contains(d.ReversesId.Value)).Select(d => d.ReversesId!.Value).ToListAsync(ct);
        return new PageOf<DonationDto>([.. page.Items.Select(d => DonationDto.From(d, reversed.Contains(d.Id)))], page.Page, page.PageSize, page.Total);
    }

    public async Task<(IQueryable<Donation>? Query, Error? Error)> QueryAsync(long? orgUnitId, CancellationToken ct)
    {
        var query = db.Set<Donation>().AsNoTracking();
        if (orgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return (null, Error.NotFound("org.not_found"));
            }

            query = query.Where(d => under.Contains(d.OrgUnitId));
        }

        return (query, null);
    }
}
