using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund.Features.Disclosure;

/// <summary>A donation as the public sees it: the donor's name only when they did not ask to be anonymous (then 爱心人士).</summary>
public sealed record PublicDonationDto(long Id, string Donor, long AmountFen, string AmountYuan, string Channel, DateOnly ReceivedOn, bool Reversal);

/// <summary>A project as the public sees it: no applicant account, no reasons of refusal (refused projects are not listed).</summary>
public sealed record PublicProjectDto(long Id, string Title, string Unit, string? Beneficiaries, long ApprovedFen, long PaidFen, string ApprovedYuan, string PaidYuan, string Status, int? PeopleServed, string? Outcome);

/// <summary>
/// API.md's disclosure: totals, donations (anonymous donors as 爱心人士), projects and their spending, as of now.
/// The lists are complete, so that they sum to the totals: donations (reversals included, negative) to
/// <paramref name="DonationsFen"/>, the projects' paid amounts to <paramref name="PaymentsFen"/>.
/// </summary>
public sealed record PublicFundDto(
    long CountyId, string County, long DonationsFen, long PaymentsFen, long BalanceFen, string DonationsYuan, string PaymentsYuan, string BalanceYuan,
    IReadOnlyList<PublicDonationDto> Donations, IReadOnlyList<PublicProjectDto> Projects, DateTimeOffset AsOf);

/// <summary>The fund's balance for signed-in overseers and the anonymous public disclosure (RULES.md: public, updated at once).</summary>
public sealed class DisclosureHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, FundBooks books, TimeProvider clock)
{
    /// <summary>The fund of the county of <paramref name="orgUnitId"/> (a unit the caller sees), else of the caller's county.</summary>
    public async Task<Result<FundBalanceDto>> BalanceAsync(long? orgUnitId, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        long? countyId;
        if (orgUnitId is { } unitId)
        {
            if (await orgs.FindAsync(unitId, ct) is not { } unit)
            {
                return Error.NotFound("org.not_found");
            }

            countyId = unit.CountyId;
        }
        else
        {
            countyId = actor.CountyId;
        }

        if (countyId is not { } county)
        {
            return FieldErrors.Required("orgUnitId", "Fund.field.orgUnitId");
        }

        var account = await books.BalanceAsync(county, ct);
        return new FundBalanceDto(county, account?.DonationsFen ?? 0, account?.PaymentsFen ?? 0, account?.BalanceFen ?? 0, Yuan.Format(account?.BalanceFen ?? 0));
    }

    /// <summary>Anyone, signed in or not: the county of <paramref name="orgUnitId"/> (any unit in it).</summary>
    public async Task<Result<PublicFundDto>> PublicAsync(long? orgUnitId, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId)
        {
            return FieldErrors.Required("orgUnitId", "Fund.field.orgUnitId");
        }

        if (await orgs.FindUnscopedAsync(unitId, ct) is not { CountyId: { } countyId })
        {
            return Error.NotFound("org.not_found");
        }

        var county = await orgs.FindUnscopedAsync(countyId, ct);
        var account = await books.BalanceAsync(countyId, ct);
        var donations = await db.Set<Donation>().Unscoped(because: Why.PublicDisclosure).AsNoTracking()
            .Where(d => d.CountyId == countyId)
            .OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Anonymous, d.DonorName, d.AmountFen, d.Channel, d.ReceivedOn, d.ReversesId })
            .ToListAsync(ct);
        var projects = await db.Set<FundProject>().Unscoped(because: Why.PublicDisclosure).AsNoTracking()
            .Where(p => p.CountyId == countyId && (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.Closed))
            .OrderByDescending(p => p.Id)
            .ToListAsync(ct);
        var units = new Dictionary<long, string>();
        foreach (var id in projects.Select(p => p.OrgUnitId).Distinct())
        {
            units[id] = (await orgs.FindUnscopedAsync(id, ct))?.Name ?? "";
        }

        return new PublicFundDto(
            countyId, county?.Name ?? "", account?.DonationsFen ?? 0, account?.PaymentsFen ?? 0, account?.BalanceFen ?? 0,
            Yuan.Format(account?.DonationsFen ?? 0), Yuan.Format(account?.PaymentsFen ?? 0), Yuan.Format(account?.BalanceFen ?? 0),
            [.. donations.Select(d => new PublicDonationDto(d.Id, FundLabels.PublicDonor(d.Anonymous, d.DonorName), d.AmountFen, Yuan.Format(d.AmountFen), FundLabels.Channel(d.Channel), d.ReceivedOn, d.ReversesId is not null))],
            [.. projects.Select(p => new PublicProjectDto(p.Id, p.Title, units[p.OrgUnitId], p.Beneficiaries, p.ApprovedFen, p.PaidFen, Yuan.Format(p.ApprovedFen), Yuan.Format(p.PaidFen),
                FundLabels.Status(p.Status), p.PeopleServed, p.OutcomeSummary))],
            Platform.Localization.Text.ToChinaTime(clock.GetUtcNow().UtcDateTime));
    }
}
