using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Accounts;
using Wenming.Web.Modules.Points.Features.Statement;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.ExportLedger;

/// <summary>
/// The points ledger as .xlsx for admins: the same filters and scope as <c>GET /api/v1/points/transactions</c>
/// (unit subtree, person, kind, China-time dates), in ledger order, amounts and balances as numbers so the
/// sheet can sum them.
/// </summary>
public sealed class ExportLedgerHandler(StatementHandler statement, CurrentActor actor, IOrgDirectory orgs, IPeopleDirectory people, TimeProvider clock)
{
    public async Task<Result<ExcelFile>> HandleAsync(LedgerRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var (filtered, error) = await statement.LedgerQueryAsync(request, ct);
        if (filtered is not { } query)
        {
            return error!;
        }

        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var rows = await statement.RowsAsync(query.OrderBy(t => t.Id), ct);
        var names = await people.NamesAsync([.. rows.Select(r => r.PersonId).Distinct()], ct);
        var units = (await orgs.VisibleUnitsAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        string[] headers =
        [
            Text.Get("Points.export.id"), Text.Get("Points.export.at"), Text.Get("Points.export.name"), Text.Get("Points.export.unit"),
            Text.Get("Points.export.kind"), Text.Get("Points.export.amount"), Text.Get("Points.export.balanceAfter"), Text.Get("Points.export.reason"),
            Text.Get("Points.export.source"), Text.Get("Points.export.by"), Text.Get("Points.export.reverses"),
        ];
        var sheetRows = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Id, Text.ToChinaTime(r.At), names.GetValueOrDefault(r.PersonId), units.GetValueOrDefault(r.OrgUnitId), PointKindLabels.Of(r.Kind),
            r.Amount, r.BalanceAfter, r.Reason, PointBookingWords.Source(r.SourceKey), r.ByName is { } by ? PointBookingWords.By(by) : null, r.ReversesTransactionId,
        ]);
        return ExcelExport.File("Points.export.file", clock.GetUtcNow().UtcDateTime, new ExcelSheet(Text.Get("Points.export.sheet"), headers, sheetRows));
    }
}
