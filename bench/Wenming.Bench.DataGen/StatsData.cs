using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Statistics.Features.Rollups;
using Wenming.Web.Platform.Data;

namespace Wenming.Bench.DataGen;

/// <summary>
/// Issue 12's large county (<c>--Bench:Stats=&lt;records&gt;</c>): for <c>records</c> service records it adds
/// records/5 approved volunteers (the first people of each village), <c>records</c> confirmed service records over
/// the last 12 months (1 in 100 reversed by a record of negative minutes, as a correction is), records/5 orders in
/// their final states and <c>records</c> points ledger rows (four earnings and one redemption per volunteer, with
/// running balances) into the 基准县. 1,000,000 gives the issue's sizes. The rows go in with plain ADO.NET: multi-row
/// INSERTs of 200 rows, one transaction per 20,000 (no change tracking, no
/// interceptors, so no roll-up marks); the roll-ups are then rebuilt through the same code as
/// <c>wenming stats-rebuild</c>, and the statistics refreshed with ANALYZE.
/// </summary>
internal static class StatsData
{
    private const int Chunk = 20_000;
    private const int Batch = 200;

    public static async Task FillAsync(AppDbContext db, StatRollupStore rollups, long countyId, int records)
    {
        var clock = Stopwatch.StartNew();
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync();
        }

        if (await ScalarAsync(conn, $"SELECT COUNT(*) FROM \"vol_volunteers\" WHERE \"CountyId\" = {countyId}") > 0)
        {
            Console.WriteLine("stats: the 基准县 has volunteers already, nothing added");
            return;
        }

        // The people of the county's villages, in village order: the first volunteers/500 of each become volunteers.
        var people = new List<(long Person, long Unit)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT \"Id\", \"OrgUnitId\" FROM \"ppl_people\" WHERE \"CountyId\" = {countyId} ORDER BY \"OrgUnitId\", \"Id\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                people.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        var perVillage = Math.Max(1, records / 5 / 500);
        var chosen = people.GroupBy(p => p.Unit).SelectMany(g => g.Take(perVillage)).ToList();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var rng = new Random(12);

        // Volunteers: approved a year and a bit ago (registered in every window of the last 12 months).
        await InsertAsync(conn, "vol_volunteers",
            ["CountyId", "OrgUnitId", "PersonId", "VolunteerNumber", "Status", "AppliedAt", "ReviewedAt"],
            chosen.Select((p, i) => new object?[]
            {
                countyId, p.Unit, p.Person, "JZ" + i.ToString("D7", CultureInfo.InvariantCulture), "Approved",
                now.AddDays(-400 - (i % 30)), now.AddDays(-395 - (i % 30)),
            }));
        var volunteers = new List<(long Id, long Person, long Unit)>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT \"Id\", \"PersonId\", \"OrgUnitId\" FROM \"vol_volunteers\" WHERE \"CountyId\" = {countyId} ORDER BY \"Id\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                volunteers.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        Console.WriteLine($"stats: {volunteers.Count} volunteers, {clock.Elapsed.TotalSeconds:F0}s");

        // Service records: spread evenly over the volunteers and the last 365 days, 30 to 240 minutes.
        await InsertAsync(conn, "vol_service_records",
            ["CountyId", "OrgUnitId", "VolunteerId", "SourceKind", "ServiceDate", "Place", "Content", "Minutes", "Status", "ConfirmedAt", "CreatedAt"],
            Enumerable.Range(0, records).Select(i =>
            {
                var v = volunteers[i % volunteers.Count];
                var day = today.AddDays(-rng.Next(365));
                var confirmed = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                return new object?[] { countyId, v.Unit, v.Id, "Manual", day, "村新时代文明实践站", "基准服务", 30 * rng.Next(1, 9), "Confirmed", confirmed, confirmed };
            }));
        // 1 in 100 corrected: a confirmed reversal of negative minutes pointing at the original.
        await ExecAsync(conn, $"""
            INSERT INTO "vol_service_records" ("CountyId", "OrgUnitId", "VolunteerId", "SourceKind", "ServiceDate", "Place", "Content", "Minutes", "Status", "ConfirmedAt", "ReversesRecordId", "Reason", "CreatedAt")
            SELECT "CountyId", "OrgUnitId", "VolunteerId", "SourceKind", "ServiceDate", "Place", "Content", -"Minutes", "Status", "ConfirmedAt", "Id", '基准更正', "CreatedAt"
            FROM "vol_service_records" WHERE "CountyId" = {countyId} AND "Id" % 100 = 0
            """);
        Console.WriteLine($"stats: {records} service records and their reversals, {clock.Elapsed.TotalSeconds:F0}s");

        // Orders in their final states, submitted over the last 12 months: 70 % rated, 15 % completed unrated,
        // 10 % withdrawn, 5 % rejected; one in five completed after its due time.
        var orders = records / 5;
        await InsertAsync(conn, "ord_orders",
            ["CountyId", "OrgUnitId", "HandlingUnitId", "Description", "ContactPhone", "RequesterPersonId", "OnBehalf", "Status", "DispatchMode",
                "DueAt", "StepStartedAt", "Flagged", "Stars", "SubmittedAt", "CompletedAt", "Version"],
            Enumerable.Range(0, orders).Select(i =>
            {
                var p = people[(int)((long)i * 7919 % people.Count)];
                var submitted = now.AddMinutes(-rng.Next(60, 365 * 24 * 60));
                var due = submitted.AddDays(3);
                var roll = i % 20;
                var status = roll < 14 ? "Rated" : roll < 17 ? "Completed" : roll < 19 ? "Withdrawn" : "Rejected";
                DateTime? completed = roll < 17 ? submitted.AddHours(i % 5 == 0 ? 80 : rng.Next(2, 70)) : null;
                int? stars = roll < 14 ? 3 + rng.Next(3) : null;
                return new object?[]
                {
                    countyId, p.Unit, p.Unit, "基准需求", "13900000000", p.Person, false, status, "Pool",
                    due, completed ?? submitted, false, stars, submitted, completed > now ? now : completed, 1,
                };
            }));
        Console.WriteLine($"stats: {orders} orders, {clock.Elapsed.TotalSeconds:F0}s");

        // Points: one account per volunteer; per volunteer four earnings for service hours and one redemption
        // (a fifth of those rows), booked in date order with the running balance.
        var rowsPerVolunteer = Math.Max(1, records / volunteers.Count);
        await InsertAsync(conn, "pts_accounts", ["PersonId", "OrgUnitId", "CountyId", "Balance", "Earned", "Version", "UpdatedAt"],
            volunteers.Select(v => new object?[] { v.Person, v.Unit, countyId, 0, 0, 1, now }));
        var accounts = new Dictionary<long, long>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT \"Id\", \"PersonId\" FROM \"pts_accounts\" WHERE \"CountyId\" = {countyId}";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                accounts[reader.GetInt64(1)] = reader.GetInt64(0);
            }
        }

        var balances = new List<(long Account, int Balance, int Earned)>();
        await InsertAsync(conn, "pts_transactions",
            ["AccountId", "PersonId", "OrgUnitId", "CountyId", "Amount", "Kind", "SourceKey", "Reason", "BalanceAfter", "EarnedAfter", "At"],
            volunteers.SelectMany(v =>
            {
                var account = accounts[v.Person];
                var (balance, earned) = (0, 0);
                var rows = new List<object?[]>(rowsPerVolunteer);
                for (var j = 0; j < rowsPerVolunteer; j++)
                {
                    var at = now.AddDays(-360 + (j * 360 / rowsPerVolunteer) + rng.Next(30)).AddMinutes(-rng.Next(1440));
                    var redeem = j % 5 == 4 && balance > 0;
                    var amount = redeem ? -Math.Min(balance, 10 * rng.Next(1, 6)) : rng.Next(1, 9);
                    balance += amount;
                    earned += redeem ? 0 : amount;
                    rows.Add([account, v.Person, v.Unit, countyId, amount, redeem ? "Redemption" : "ServiceHours",
                        "bench:" + j.ToString(CultureInfo.InvariantCulture), redeem ? "积分兑换" : "志愿服务时长", balance, earned, at > now ? now : at]);
                }

                balances.Add((account, balance, earned));
                return rows;
            }));
        await using (var tx = await conn.BeginTransactionAsync())
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE \"pts_accounts\" SET \"Balance\" = @b, \"Earned\" = @e WHERE \"Id\" = @id";
            var (b, e, id) = (Param(cmd, "@b"), Param(cmd, "@e"), Param(cmd, "@id"));
            foreach (var (account, balance, earned) in balances)
            {
                (b.Value, e.Value, id.Value) = (balance, earned, account);
                await cmd.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        Console.WriteLine($"stats: {volunteers.Count * rowsPerVolunteer} ledger rows, {clock.Elapsed.TotalSeconds:F0}s");

        var rolled = await rollups.RebuildAsync(CancellationToken.None);
        Console.WriteLine($"stats: roll-ups rebuilt, {rolled} rows, {clock.Elapsed.TotalSeconds:F0}s");
        await ExecAsync(conn, "ANALYZE");
        Console.WriteLine($"stats: done in {clock.Elapsed.TotalSeconds:F0}s");
    }

    private static DbParameter Param(DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>
    /// Multi-row INSERTs of <see cref="Batch"/> rows (one round trip each, well under either database's parameter
    /// limit), committed every <see cref="Chunk"/> rows.
    /// </summary>
    private static async Task InsertAsync(DbConnection conn, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
        foreach (var chunk in rows.Chunk(Chunk))
        {
            await using var tx = await conn.BeginTransactionAsync();
            foreach (var batch in chunk.Chunk(Batch))
            {
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                var values = new System.Text.StringBuilder(head);
                for (var r = 0; r < batch.Length; r++)
                {
                    values.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                        values.Append(c == 0 ? name : ", " + name);
                        Param(cmd, name).Value = batch[r][c] ?? DBNull.Value;
                    }

                    values.Append(')');
                }

                cmd.CommandText = values.ToString();
                await cmd.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }
    }

    private static async Task ExecAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
