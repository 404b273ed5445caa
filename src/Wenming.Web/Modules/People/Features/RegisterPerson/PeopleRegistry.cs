using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.People.Features.RegisterPerson;

/// <summary><see cref="IPeopleRegistry"/> over <see cref="RegisterPersonHandler"/>: one set of rules for the API, the pages and imports.</summary>
internal sealed class PeopleRegistry(AppDbContext db, RegisterPersonHandler register) : IPeopleRegistry
{
    public async Task<Result<PersonCheck>> CheckAsync(NewPerson person, CancellationToken ct = default)
    {
        var prepared = await register.PrepareAsync(Request(person), ct);
        if (!prepared.IsSuccess)
        {
            return prepared.Error!;
        }

        var (_, countyId, id, hash) = prepared.Value;
        // Uniqueness is per county whoever can see the other record (as in registration); whether the
        // caller may see them decides between "reuse" and "registered elsewhere".
        var existingId = await db.Set<Person>().Unscoped(because: Why.Uniqueness).Where(p => p.CountyId == countyId && p.IdNumberHash == hash).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        if (existingId is not { } found)
        {
            return new PersonCheck(id.BirthDate, hash, null, false);
        }

        var visible = await db.Set<Person>().AsNoTracking().Where(p => p.Id == found)
            .Select(p => new PersonInfo(p.Id, p.Name, p.OrgUnitId, p.CountyId, p.BirthDate, p.Phone))
            .SingleOrDefaultAsync(ct);
        return new PersonCheck(id.BirthDate, hash, visible, visible is null);
    }

    public async Task<Result<PersonInfo>> RegisterAsync(NewPerson person, CancellationToken ct = default)
    {
        var registered = await register.HandleAsync(Request(person), ct);
        if (!registered.IsSuccess)
        {
            return registered.Error!;
        }

        var p = registered.Value;
        return new PersonInfo(p.Id, p.Name, p.OrgUnitId, (await db.Set<Person>().AsNoTracking().SingleAsync(x => x.Id == p.Id, ct)).CountyId, p.BirthDate, p.Phone);
    }

    public async Task<IReadOnlyDictionary<long, PersonListing>> ListingsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
        await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PersonListing(p.Id, p.Name, p.IdNumberMasked, p.Phone))
            .ToDictionaryAsync(p => p.Id, ct);

    private static RegisterPersonRequest Request(NewPerson person) => new(person.Name, person.IdNumber, person.Phone, person.OrgUnitId);
}
