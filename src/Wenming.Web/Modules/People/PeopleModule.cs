using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Modules.People.Features;
using Wenming.Web.Modules.People.Features.AnonymizePerson;
using Wenming.Web.Modules.People.Features.GetPerson;
using Wenming.Web.Modules.People.Features.RegisterPerson;
using Wenming.Web.Modules.People.Features.SearchPeople;
using Wenming.Web.Modules.People.Features.UpdatePerson;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Modules.People;

/// <summary>People registered by real name (DESIGN §3).</summary>
public static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<IPeopleDirectory, PeopleDirectory>();
        services.AddScoped<IHouseholdRoster, HouseholdRoster>();
        services.AddScoped<RegisterPersonHandler>();
        services.AddScoped<IPeopleRegistry, PeopleRegistry>();
        services.AddScoped<IPersonPhone, Features.OwnPhone.PersonPhone>();
        services.AddScoped<GetPersonHandler>();
        services.AddScoped<SearchPeopleHandler>();
        services.AddScoped<UpdatePersonHandler>();
        services.AddScoped<IPiiCipherSample, PersonCipherSample>();
        services.AddScoped<AnonymizePersonHandler>();
        services.AddScoped<AnonymizeInactive>();
        services.AddJob<AnonymizeInactiveJob>();
        return services;
    }

    public static RouteGroupBuilder MapPeople(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("people");

        group.MapGet("/", SearchPeopleEndpoints.SearchPeople)
            .WithSummary("按姓名、手机号或完整身份证号查找人员");

        group.MapGet("/{id:long}", GetPersonEndpoints.GetPerson)
            .WithSummary("查看人员（身份证号仅显示脱敏形式）");

        group.MapPost("/", RegisterPersonEndpoints.RegisterPerson)
            .WithSummary("实名登记人员");

        group.MapPut("/{id:long}", UpdatePersonEndpoints.UpdatePerson)
            .WithSummary("修改人员信息");

        group.MapPost("/{id:long}/anonymize", AnonymizePersonEndpoints.AnonymizePerson)
            .WithSummary("匿名化人员（删除姓名、身份证号、手机号等个人信息，保留服务记录与积分）");

        return api;
    }

    /// <summary>A few stored ID-number ciphers, so the start-up key check can try them (ADR 0021).</summary>
    private sealed class PersonCipherSample(AppDbContext db) : IPiiCipherSample
    {
        public async Task<IReadOnlyList<string>> SampleAsync(int count, CancellationToken ct) =>
            await db.Set<Person>().Unscoped(because: Why.SystemOperation).AsNoTracking().OrderBy(p => p.Id).Select(p => p.IdNumberCipher).Take(count).ToListAsync(ct);
    }

    private sealed class PeopleDirectory(AppDbContext db) : IPeopleDirectory
    {
        private static readonly NamesById Names = new((db, ids) => db.Set<Person>().Where(p => ids.Contains(p.Id)).Select(p => new KeyValuePair<long, string>(p.Id, p.Name)));

        /// <summary>A person by id: read by many requests (a redemption, an award, an order), so compiled (ADR 0081).</summary>
        private static readonly CompiledPerModel<Func<AppDbContext, long, CancellationToken, Task<PersonInfo?>>> ById = new(_ =>
            EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken ct) => db.Set<Person>().Where(p => p.Id == id)
                .Select(p => new PersonInfo(p.Id, p.Name, p.OrgUnitId, p.CountyId, p.BirthDate, p.Phone)).SingleOrDefault()));

        public Task<PersonInfo?> FindAsync(long id, CancellationToken ct = default) => ById.For(db)(db, id, ct);

        public Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
            Names.ReadAsync(db, ids, ct);

        public Task<int> VisibleCountAsync(CancellationToken ct = default) => db.Set<Person>().CountAsync(ct);

        public IQueryable<long> IdsNamed(string text)
        {
            var like = QueryExtensions.LikeContains(text.Trim());
            return db.Set<Person>().Where(p => EF.Functions.Like(p.Name, like, "\\")).Select(p => p.Id);
        }

        public async Task<IReadOnlyList<PersonInfo>> InUnitAsync(long orgUnitId, int take, CancellationToken ct = default) =>
            await db.Set<Person>().AsNoTracking().Where(p => p.OrgUnitId == orgUnitId).OrderBy(p => p.Id).Take(take)
                .Select(p => new PersonInfo(p.Id, p.Name, p.OrgUnitId, p.CountyId, p.BirthDate, p.Phone))
                .ToListAsync(ct);

        public async Task<IReadOnlyList<PersonInfo>> FindInUnitAsync(long orgUnitId, string? text, int take, CancellationToken ct = default)
        {
            var people = db.Set<Person>().AsNoTracking().Where(p => p.OrgUnitId == orgUnitId);
            if (text?.Trim() is { Length: > 0 } q)
            {
                people = people.Where(p => p.Name.Contains(q) || p.Phone == q);
            }

            return await people.OrderBy(p => p.Id).Take(take)
                .Select(p => new PersonInfo(p.Id, p.Name, p.OrgUnitId, p.CountyId, p.BirthDate, p.Phone))
                .ToListAsync(ct);
        }

        public async Task<string?> MaskedIdNumberAsync(long id, CancellationToken ct = default) =>
            await db.Set<Person>().AsNoTracking().Where(p => p.Id == id).Select(p => p.IdNumberMasked).SingleOrDefaultAsync(ct);

        // Unscoped: a household's members may be registered in different units, and its total is the sum of all of them.
        public async Task<HouseholdMembers?> HouseholdUnscopedAsync(long personId, CancellationToken ct = default)
        {
            var people = db.Set<Person>().Unscoped(because: Why.CrossUnitReference).AsNoTracking();
            var household = await people.Where(p => p.Id == personId).Select(p => p.HouseholdId).SingleOrDefaultAsync(ct);
            return household is not { } id
                ? null
                : new HouseholdMembers(id, await people.Where(p => p.HouseholdId == id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct));
        }
    }

    private sealed class HouseholdRoster(AppDbContext db, PiiProtector pii, TimeProvider clock) : IHouseholdRoster
    {
        public async Task<(bool Valid, RosterPerson? Person)> FindByIdNumberAsync(string idNumber, CancellationToken ct = default)
        {
            var parsed = ChineseIdNumber.Parse(idNumber, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (!parsed.IsSuccess)
            {
                return (false, null);
            }

            // Found by the keyed hash, never by the clear number; the scope filter keeps it to the caller's subtree.
            var hash = pii.Hash(parsed.Value.Value);
            var person = await db.Set<Person>().AsNoTracking().Where(p => p.IdNumberHash == hash && p.AnonymizedAt == null).OrderBy(p => p.Id)
                .Select(p => new RosterPerson(p.Id, p.Name, p.OrgUnitId, p.HouseholdId, p.PoliticalStatus == PoliticalStatus.PartyMember || p.PoliticalStatus == PoliticalStatus.ProbationaryPartyMember, p.IdNumberMasked, p.BirthDate))
                .FirstOrDefaultAsync(ct);
            return (true, person);
        }

        public async Task<RosterPerson?> FindAsync(long personId, CancellationToken ct = default) =>
            await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new RosterPerson(p.Id, p.Name, p.OrgUnitId, p.HouseholdId, p.PoliticalStatus == PoliticalStatus.PartyMember || p.PoliticalStatus == PoliticalStatus.ProbationaryPartyMember, p.IdNumberMasked, p.BirthDate))
                .SingleOrDefaultAsync(ct);

        // Unscoped: a household's members may be registered in different units; the caller has shown the household is visible.
        public async Task<IReadOnlyList<RosterPerson>> MembersUnscopedAsync(IReadOnlyCollection<long> householdIds, CancellationToken ct = default) =>
            await db.Set<Person>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
                .Where(p => p.HouseholdId != null && householdIds.Contains(p.HouseholdId.Value)).OrderBy(p => p.Id)
                .Select(p => new RosterPerson(p.Id, p.Name, p.OrgUnitId, p.HouseholdId, p.PoliticalStatus == PoliticalStatus.PartyMember || p.PoliticalStatus == PoliticalStatus.ProbationaryPartyMember, p.IdNumberMasked, p.BirthDate))
                .ToListAsync(ct);

        public async Task<IReadOnlyList<RosterPerson>> InUnitAsync(long orgUnitId, CancellationToken ct = default) =>
            await db.Set<Person>().AsNoTracking().Where(p => p.OrgUnitId == orgUnitId && p.AnonymizedAt == null).OrderBy(p => p.Name).ThenBy(p => p.Id).Take(500)
                .Select(p => new RosterPerson(p.Id, p.Name, p.OrgUnitId, p.HouseholdId, p.PoliticalStatus == PoliticalStatus.PartyMember || p.PoliticalStatus == PoliticalStatus.ProbationaryPartyMember, p.IdNumberMasked, p.BirthDate))
                .ToListAsync(ct);

        public async Task<bool> MoveAsync(long personId, long? householdId, CancellationToken ct = default)
        {
            var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == personId, ct);
            if (person is null)
            {
                return false;
            }

            person.MoveToHousehold(householdId, clock.GetUtcNow().UtcDateTime);
            return true;
        }
    }
}
