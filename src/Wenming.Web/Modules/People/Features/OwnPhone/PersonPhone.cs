using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.People.Features.OwnPhone;

/// <summary>The People rule for mobile numbers, offered to the account holder's own phone change.</summary>
public sealed class PersonPhone(AppDbContext db, TimeProvider clock) : IPersonPhone
{
    public Result<string> Parse(string? phone, string field = "phone") => MobileNumber.Parse(phone, field);

    public async Task<Result<string>> StageChangeAsync(long personId, string phone, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Error.NotFound("person.not_found");
        }

        person.ChangePhone(phone, clock.GetUtcNow().UtcDateTime);
        return phone;
    }
}
