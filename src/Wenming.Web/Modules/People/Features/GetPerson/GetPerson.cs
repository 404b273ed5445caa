using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.People.Features.GetPerson;

/// <summary>
/// Admins and supervisors see the people of their subtree; everyone else sees only their own
/// record (anything else is "not found", so ids do not leak).
/// </summary>
public sealed class GetPersonHandler(AppDbContext db, CurrentActor actor)
{
    private static readonly CompiledPerModel<Func<AppDbContext, long, CancellationToken, Task<Person?>>> ById = new(_ =>
        EF.CompileAsyncQuery((AppDbContext db, long id, CancellationToken ct) => db.Set<Person>().AsNoTracking().SingleOrDefault(p => p.Id == id)));

    public async Task<Result<PersonDto>> HandleAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is not null && actor.PersonId != id)
        {
            return Error.NotFound("person.not_found");
        }

        var person = await ById.For(db)(db, id, ct);
        return person is null ? Error.NotFound("person.not_found") : PersonDto.From(person);
    }
}
