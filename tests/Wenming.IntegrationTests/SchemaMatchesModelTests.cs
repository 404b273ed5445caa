using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// The hand-written migrations must build exactly the schema the model expects: one empty database is
/// migrated, another is made by EnsureCreated from the same model, and both are read back from the
/// database catalog and compared (tables, columns, types, nullability, keys, indexes, foreign keys).
/// A model change that no migration covers fails here with the difference spelled out. EF's own
/// bookkeeping (the history table, and SQLite's migration lock table) is not part of the comparison.
/// </summary>
public sealed class SchemaMatchesModelTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private DatabaseProvider Provider => provider.Provider;

    [DatabaseFact]
    public async Task MigratedSchema_EqualsTheSchemaTheModelCreates()
    {
        await using var migratedDb = await TestDatabase.CreateAsync(Provider);
        await using var modelDb = await TestDatabase.CreateAsync(Provider);

        await using (var migrated = CreateContext(migratedDb))
        {
            await migrated.Database.MigrateAsync();
        }

        await using (var created = CreateContext(modelDb))
        {
            Assert.True(await created.Database.EnsureCreatedAsync());
        }

        var fromMigrations = await ReadSchemaAsync(migratedDb);
        var fromModel = await ReadSchemaAsync(modelDb);

        Assert.Contains(fromModel, line => line.StartsWith("ppl_people.", StringComparison.Ordinal));
        var missing = fromModel.Except(fromMigrations).ToList();
        var extra = fromMigrations.Except(fromModel).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The migrations ({Provider}) do not build the schema the model expects. Add or fix a migration in src/Wenming.Web/Platform/Data/Migrations.\n" +
            $"Expected by the model but not made by the migrations:\n  {Lines(missing)}\n" +
            $"Made by the migrations but not in the model:\n  {Lines(extra)}");
    }

    /// <summary>
    /// An upgrade: start-up's check (<see cref="DatabaseSetup.MigrateAsync"/> reads the history with a plain command,
    /// ADR 0079) finds the one migration a database lacks and applies it, and on an up-to-date database does nothing.
    /// </summary>
    [DatabaseFact]
    public async Task StartUpMigration_AppliesWhatAnOlderDatabaseLacks_AndNothingElse()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var db = CreateContext(database);
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[^2]);
        Assert.Equal(all[^1], Assert.Single(await db.Database.GetPendingMigrationsAsync()));

        await DatabaseSetup.MigrateAsync(db);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());

        await DatabaseSetup.MigrateAsync(db);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    /// <summary>
    /// An empty database is made by the script EF Core's migrator wrote ahead of time (<see cref="DatabaseSetup.MigrateAsync"/>,
    /// ADR 0080): the same schema, rows and history as the migrations make one by one, and a second start does nothing.
    /// </summary>
    [DatabaseFact]
    public async Task EmptyDatabase_IsMadeByTheScript_AsTheMigrationsMakeIt()
    {
        await using var scriptedDb = await TestDatabase.CreateAsync(Provider);
        await using var migratedDb = await TestDatabase.CreateAsync(Provider);
        await using (var scripted = CreateContext(scriptedDb))
        {
            Assert.True(await DatabaseSetup.MigrateAsync(scripted));
            Assert.Equal(scripted.Database.GetMigrations(), await scripted.Database.GetAppliedMigrationsAsync());
            Assert.False(await DatabaseSetup.MigrateAsync(scripted));
        }

        await using (var migrated = CreateContext(migratedDb))
        {
            await migrated.Database.MigrateAsync();
        }

        var fromMigrations = await ReadSchemaAsync(migratedDb);
        Assert.Contains(fromMigrations, line => line.StartsWith("ppl_people.", StringComparison.Ordinal));
        Assert.Equal(fromMigrations, await ReadSchemaAsync(scriptedDb));
        Assert.Equal(await RowCountsAsync(migratedDb), await RowCountsAsync(scriptedDb));
    }

    /// <summary>Several nodes started at once on one empty database: one makes it with the script, the others find it made.</summary>
    [DatabaseFact]
    public async Task EmptyDatabase_StartedByFourNodesAtOnce_IsMadeOnce()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var made = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var db = CreateContext(database);
            return await DatabaseSetup.MigrateAsync(db);
        })));

        Assert.Equal(1, made.Count(m => m));
        await using var check = CreateContext(database);
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
        Assert.Contains("stat_rollup_state: 1", await RowCountsAsync(database));
    }

    /// <summary>"table: rows" for every table but SQLite's migration lock, by name.</summary>
    private async Task<List<string>> RowCountsAsync(TestDatabase database)
    {
        await using var context = CreateContext(database);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await QueryAsync(connection, Provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name");
        var counts = new List<string>();
        foreach (var table in tables)
        {
            counts.Add($"{table[0]}: {(await QueryAsync(connection, $"SELECT COUNT(*) FROM \"{table[0]}\""))[0][0]}");
        }

        return counts;
    }

    private static string Lines(List<string> facts) => facts.Count == 0 ? "(none)" : string.Join("\n  ", facts);

    private AppDbContext CreateContext(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, Provider, database.ConnectionString);
        return new AppDbContext(options.Options).Bind(new OrgScope(), new CurrentActor(), TimeProvider.System);
    }

    /// <summary>One line per fact of the schema, e.g. "org_units.Name column: varchar(100) not null".</summary>
    private async Task<SortedSet<string>> ReadSchemaAsync(TestDatabase database)
    {
        await using var context = CreateContext(database);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        return Provider == DatabaseProvider.Sqlite ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
    }

    private static async Task<SortedSet<string>> ReadSqliteAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__ef_migrations_history', '__EFMigrationsLock')");
        foreach (var table in tables)
        {
            var name = table[0];
            facts.Add($"{name} table{(table[1].Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " (autoincrement key)" : "")}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{name}')"))
            {
                facts.Add($"{name}.{c[0]} column: {c[1]} {(c[2] == "1" ? "not null" : "null")}{(c[4].Length > 0 ? " default " + c[4] : "")}");
                if (c[3] != "0")
                {
                    facts.Add($"{name} primary key part {c[3]}: {c[0]}");
                }
            }

            foreach (var index in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{name}') WHERE origin <> 'pk'"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                facts.Add($"{name}.{index[0]} index{(index[1] == "1" ? " unique" : "")} on ({string.Join(", ", columns.Select(r => r[0]))})");
            }

            foreach (var fk in await QueryAsync(connection, $"SELECT \"from\", \"table\", \"to\", on_delete, on_update FROM pragma_foreign_key_list('{name}') ORDER BY id, seq"))
            {
                facts.Add($"{name} foreign key ({fk[0]}) references {fk[1]}({fk[2]}) on delete {fk[3]} on update {fk[4]}");
            }
        }

        return facts;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        const string history = "'__ef_migrations_history'";
        foreach (var c in await QueryAsync(connection, $"""
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable,
                   is_identity, coalesce(identity_generation, ''), coalesce(column_default, ''), coalesce(collation_name, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> {history}
            """))
        {
            var length = c[3].Length > 0 ? $"({c[3]})" : "";
            var identity = c[5] == "YES" ? $" identity {c[6]}" : "";
            var fallback = c[7].Length > 0 ? $" default {c[7]}" : "";
            var collation = c[8].Length > 0 ? $" collate {c[8]}" : "";
            facts.Add($"{c[0]}.{c[1]} column: {c[2]}{length} {(c[4] == "NO" ? "not null" : "null")}{identity}{fallback}{collation}");
        }

        foreach (var k in await QueryAsync(connection, $"""
            SELECT rel.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = 'public' AND rel.relname <> {history}
            """))
        {
            facts.Add($"{k[0]}.{k[1]} constraint {k[2]}: {k[3]}");
        }

        foreach (var i in await QueryAsync(connection, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> {history}"))
        {
            facts.Add($"{i[0]}.{i[1]} index: {i[2]}");
        }

        foreach (var t in await QueryAsync(connection, $"SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> {history}"))
        {
            facts.Add($"{t[0]} table ({t[1]})");
        }

        return facts;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "")]);
        }

        return rows;
    }
}
