using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Fund.Features.Donations;
using Wenming.Web.Modules.Fund.Features.Payments;
using Wenming.Web.Modules.Fund.Features.Projects;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund.Features.Export;

/// <summary>
/// The fund's Excel exports for admins (ADR 0010): donations, projects and payments of the caller's subtree
/// (optionally one unit's), up to <see cref="ExcelExport.MaxRows"/> rows. Money in yuan with two decimals, as
/// text, so that a spreadsheet never turns it into a float. Each export leaves an audit row: who took what.
/// </summary>
public sealed class FundExportsHandler(
    AppDbContext db, CurrentActor actor, DonationsHandler donations, ProjectsHandler projects, PaymentsHandler payments, IOrgDirectory orgs, TimeProvider clock)
{
    public async Task<Result<ExcelFile>> DonationsAsync(long? orgUnitId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var (query, error) = await donations.QueryAsync(orgUnitId, ct);
        if (query is null)
        {
            return error!;
        }

        var rows = await Limited(query.OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Id), ct);
        if (!rows.IsSuccess)
        {
            return rows.Error!;
        }

        var units = await UnitNamesAsync(ct);
        string[] headers = [H("number"), H("receivedOn"), H("donor"), H("anonymous"), H("amount"), H("channel"), H("receipt"), H("unit"), H("reverses"), H("reason"), H("by")];
        var data = rows.Value.Select(d => (IReadOnlyList<object?>)
        [
            d.Id, d.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.DonorName, YesNo(d.Anonymous), Yuan.Format(d.AmountFen),
            FundLabels.Channel(d.Channel), d.ReceiptNumber, units.GetValueOrDefault(d.OrgUnitId), d.ReversesId, d.Reason, d.CreatedByName,
        ]);
        return await FileAsync("donations", "Fund.export.donations_file", rows.Value.Count, new ExcelSheet(Text.Get("Fund.export.donations_sheet"), headers, data), ct);
    }

    public async Task<Result<ExcelFile>> ProjectsAsync(long? orgUnitId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var (query, error) = await projects.QueryAsync(orgUnitId, null, ct);
        if (query is null)
        {
            return error!;
        }

        var rows = await Limited(query.OrderByDescending(p => p.Id), ct);
        if (!rows.IsSuccess)
        {
            return rows.Error!;
        }

        var units = await UnitNamesAsync(ct);
        string[] headers = [H("number"), H("title"), H("unit"), H("applicant"), H("beneficiaries"), H("requested"), H("approved"), H("paid"), H("status"), H("appliedAt"), H("reviewedBy"), H("peopleServed")];
        var data = rows.Value.Select(p => (IReadOnlyList<object?>)
        [
            p.Id, p.Title, units.GetValueOrDefault(p.OrgUnitId), p.Applicant, p.Beneficiaries, Yuan.Format(p.RequestedFen), Yuan.Format(p.ApprovedFen), Yuan.Format(p.PaidFen),
            FundLabels.Status(p.Status), p.AppliedAt, p.ReviewedByName, p.PeopleServed,
        ]);
        return await FileAsync("projects", "Fund.export.projects_file", rows.Value.Count, new ExcelSheet(Text.Get("Fund.export.projects_sheet"), headers, data), ct);
    }

    public async Task<Result<ExcelFile>> PaymentsAsync(long? orgUnitId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var (query, error) = await payments.QueryAsync(orgUnitId, null, ct);
        if (query is null)
        {
            return error!;
        }

        var rows = await Limited(query.OrderByDescending(p => p.Id), ct);
        if (!rows.IsSuccess)
        {
            return rows.Error!;
        }

        var ids = rows.Value.Select(p => p.ProjectId).Distinct().ToList();
        var titles = await db.Set<FundProject>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        string[] headers = [H("number"), H("paidOn"), H("project"), H("amount"), H("payee"), H("purpose"), H("status"), H("reverses"), H("reason"), H("by"), H("approvedBy")];
        var data = rows.Value.Select(p => (IReadOnlyList<object?>)
        [
            p.Id, p.PaidOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), titles.GetValueOrDefault(p.ProjectId), Yuan.Format(p.AmountFen), p.Payee, p.Purpose,
            FundLabels.Payment(p.Status), p.ReversesId, p.Reason, p.CreatedByName, p.ApprovedByName,
        ]);
        return await FileAsync("payments", "Fund.export.payments_file", rows.Value.Count, new ExcelSheet(Text.Get("Fund.export.payments_sheet"), headers, data), ct);
    }

    private static async Task<Result<List<T>>> Limited<T>(IQueryable<T> query, CancellationToken ct)
    {
        var count = await query.CountAsync(ct);
        return count > ExcelExport.MaxRows ? ExcelExport.TooMany(count) : await query.ToListAsync(ct);
    }

    /// <summary>The file, and an audit row saying who exported which list and how many rows (nothing else is written).</summary>
    private async Task<Result<ExcelFile>> FileAsync(string kind, string fileKey, int count, ExcelSheet sheet, CancellationToken ct)
    {
        db.AuditDirectWrite(AuditAction.Created, "FundExport", 0, actor.OrgUnitId ?? 0, new Dictionary<string, object?> { ["Kind"] = kind, ["Rows"] = count });
        await db.SaveChangesAsync(ct);
        return ExcelExport.File(fileKey, clock.GetUtcNow().UtcDateTime, sheet);
    }

    private async Task<Dictionary<long, string>> UnitNamesAsync(CancellationToken ct) => (await orgs.VisibleUnitsAsync(ct)).ToDictionary(u => u.Id, u => u.Name);

    private static string YesNo(bool value) => Text.Get(value ? "Fund.export.yes" : "Fund.export.no");

    private static string H(string column) => Text.Get("Fund.col." + column);
}
