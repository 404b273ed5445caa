using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Orders.Features.Privacy;

/// <summary>
/// Orders' part of anonymizing a person (ADR 0023): the contact phone and address of the orders they asked for go
/// (also from the earlier audit entries); what was asked, who served and the rating stay. An order counts as activity.
/// </summary>
internal sealed class OrdersPersonData(AppDbContext db) : IPersonDataEraser, IPersonActivity
{
    public async Task EraseAsync(AnonymizedPerson person, CancellationToken ct)
    {
        var orders = await db.Set<Order>().Unscoped(because: Why.PersonalData).Where(o => o.RequesterPersonId == person.PersonId).ToListAsync(ct);
        foreach (var order in orders)
        {
            order.EraseContact();
        }

        await db.ScrubFieldsAsync(nameof(Order), [.. orders.Select(o => o.Id)], [nameof(Order.ContactPhone), nameof(Order.Address)], ct);
    }

    public async Task<IReadOnlySet<long>> ActiveSinceAsync(IReadOnlyCollection<long> personIds, DateTime sinceUtc, CancellationToken ct) =>
        (await db.Set<Order>().Unscoped(because: Why.PersonalData).AsNoTracking()
            .Where(o => personIds.Contains(o.RequesterPersonId) && o.SubmittedAt >= sinceUtc)
            .Select(o => o.RequesterPersonId).Distinct().ToListAsync(ct)).ToHashSet();
}
