using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Households.Contracts;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Households.Features.Households;

/// <summary>The household of a person for other modules (the points module's household total).</summary>
internal sealed class HouseholdDirectory(AppDbContext db, IPeopleDirectory people) : IHouseholdDirectory
{
    // Unscoped: a household's members may be registered in different units, and its total is the sum of all of them.
    public async Task<HouseholdOfPerson?> OfPersonUnscopedAsync(long personId, CancellationToken ct = default)
    {
        if (await people.HouseholdUnscopedAsync(personId, ct) is not { } members)
        {
            return null;
        }

        var address = await db.Set<Household>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(h => h.Id == members.HouseholdId).Select(h => h.Address).SingleOrDefaultAsync(ct);
        return new HouseholdOfPerson(members.HouseholdId, address, members.PersonIds);
    }
}
