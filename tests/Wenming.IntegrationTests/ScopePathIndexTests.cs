using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Organization.Domain;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// The scope filter selects a subtree as an ordinal range of unit paths (ADR 0032): both databases must walk the
/// path index for it, the range must be exactly the subtree ("/1/5/" holds "/1/5/17/" but not "/1/50/"), and an
/// unrestricted scope must leave no predicate in the SQL at all.
/// </summary>
public sealed class ScopePathIndexTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private DatabaseProvider Provider => provider.Provider;

    [DatabaseFact]
    public async Task ScopedRead_WalksThePathIndex()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var db = await MigratedAsync(database, "/1/5/");

        using var command = db.Set<Person>().CreateDbCommand();
        Assert.DoesNotContain("LIKE", command.CommandText, StringComparison.OrdinalIgnoreCase);
        var plan = await ExplainAsync(db, command);

        Assert.Contains("IX_org_units_Path", plan, StringComparison.Ordinal);
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Before: "SCAN o" over every unit, matched one by one, into a temporary b-tree.
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN o", plan, StringComparison.Ordinal);
        }
    }

    [DatabaseFact]
    public async Task UnrestrictedRead_HasNoScopePredicate()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var db = await MigratedAsync(database, prefix: null);

        using var people = db.Set<Person>().CreateDbCommand();
        using var units = db.Set<OrgUnit>().CreateDbCommand();

        Assert.False(people.CommandText.Contains("org_units", StringComparison.Ordinal) || people.CommandText.Contains("WHERE", StringComparison.Ordinal), people.CommandText);
        Assert.False(units.CommandText.Contains("WHERE", StringComparison.Ordinal), units.CommandText);
    }

    [DatabaseTheory]
    [InlineData("/1/", "1,5,17,50")]
    [InlineData("/1/5/", "5,17")]
    [InlineData("/1/5/17/", "17")]
    [InlineData("/1/50/", "50")]
    [InlineData(null, "1,5,17,50")]
    public async Task Scope_SeesExactlyTheSubtree(string? prefix, string visible)
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using (var setup = await MigratedAsync(database, prefix: null))
        {
            foreach (var (id, parent, path) in new (long, long?, string)[] { (1, null, "/1/"), (5, 1, "/1/5/"), (17, 5, "/1/5/17/"), (50, 1, "/1/50/") })
            {
                await setup.Database.ExecuteSqlAsync($"""
                    INSERT INTO org_units ("Id", "ParentId", "Level", "Name", "Path", "Status", "CreatedAt")
                    VALUES ({id}, {parent}, 'Center', {"unit " + id}, {path}, 'Active', {DateTime.UtcNow})
                    """);
            }
        }

        await using var db = await MigratedAsync(database, prefix, migrate: false);
        var ids = await db.Set<OrgUnit>().OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();

        Assert.Equal(visible, string.Join(",", ids));
    }

    /// <summary>A context on <paramref name="database"/> scoped to <paramref name="prefix"/> (null: everything).</summary>
    private async Task<AppDbContext> MigratedAsync(TestDatabase database, string? prefix, bool migrate = true)
    {
        var scope = new OrgScope();
        if (prefix is null)
        {
            scope.AllowEverything();
        }
        else
        {
            scope.RestrictTo(prefix);
        }

        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, Provider, database.ConnectionString);
        var db = new AppDbContext(options.Options).Bind(scope, new CurrentActor(), TimeProvider.System);
        if (migrate)
        {
            await db.Database.MigrateAsync();
        }

        return db;
    }

    /// <summary>
    /// The plan of the command as the database would run it, one line per node. On PostgreSQL sequential scans are
    /// switched off for the one transaction, so that an empty table still shows whether an index can serve the query.
    /// </summary>
    private async Task<string> ExplainAsync(AppDbContext db, DbCommand command)
    {
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        }

        command.Connection = db.Database.GetDbConnection();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = (Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        await transaction.RollbackAsync();
        return string.Join("\n", lines);
    }
}
