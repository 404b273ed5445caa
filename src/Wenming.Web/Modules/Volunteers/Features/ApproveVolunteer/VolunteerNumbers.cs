using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;

/// <summary>
/// Volunteer numbers: the county's 6-digit division code prefix and a 6-digit per-county sequence from
/// the counter row (RULES.md: the public key, never the ID number). Approval takes one, an import a block.
/// </summary>
internal static class VolunteerNumbers
{
    public static async Task<string> PrefixAsync(IOrgDirectory orgs, long countyId, CancellationToken ct)
    {
        var county = await orgs.FindUnscopedAsync(countyId, ct);
        return county?.DivisionCode is { Length: >= 6 } code ? code[..6] : countyId.ToString("D6", CultureInfo.InvariantCulture);
    }

    public static string Format(string prefix, long sequence) => prefix + sequence.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive sequences and returns the first. Must run in the
    /// caller's transaction: the counter's row lock (PostgreSQL) or the write lock (SQLite) is held until
    /// commit, so concurrent approvals take numbers one after the other, and a rollback gives them back.
    /// </summary>
    public static async Task<long> TakeAsync(AppDbContext db, long countyId, int count, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO vol_number_counters ("CountyId", "LastSequence") VALUES ({countyId}, 0) ON CONFLICT ("CountyId") DO NOTHING""", ct);
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE vol_number_counters SET "LastSequence" = "LastSequence" + {count} WHERE "CountyId" = {countyId}""", ct);
        var last = await db.Database.SqlQuery<long>(
            $"""SELECT "LastSequence" AS "Value" FROM vol_number_counters WHERE "CountyId" = {countyId}""").SingleAsync(ct);
        return last - count + 1;
    }
}
