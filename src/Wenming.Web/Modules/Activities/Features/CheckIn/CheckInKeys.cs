using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Activities.Features.CheckIn;

/// <summary>
/// The per-activity secret of the rotating codes, in the database so that every web node derives the same
/// codes. Created by one insert-if-absent (two nodes racing keep the first), written with raw SQL so the
/// secret never reaches the audit log.
/// </summary>
public sealed class CheckInKeys(AppDbContext db)
{
    public Task<byte[]?> FindAsync(long activityId, CancellationToken ct) =>
        db.Set<CheckInKey>().AsNoTracking().Where(k => k.ActivityId == activityId).Select(k => k.Secret).SingleOrDefaultAsync(ct);

    public async Task<byte[]> GetOrCreateAsync(long activityId, CancellationToken ct)
    {
        if (await FindAsync(activityId, ct) is { } existing)
        {
            return existing;
        }

        var fresh = RandomNumberGenerator.GetBytes(32);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO act_check_in_keys ("ActivityId", "Secret") VALUES ({activityId}, {fresh}) ON CONFLICT ("ActivityId") DO NOTHING""", ct);
        return await FindAsync(activityId, ct) ?? throw new InvalidOperationException("The check-in key was not stored.");
    }
}
