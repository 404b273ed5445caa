using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;

namespace Wenming.UnitTests;

/// <summary>
/// The script start-up runs on an empty database (src/Wenming.Web/Platform/Data/Migrations/EmptyDatabase, ADR 0080)
/// must be what EF Core's migrator writes for all the migrations. After adding a migration, regenerate it with
/// <c>WENMING_WRITE_EMPTY_DATABASE_SCRIPT=1 dotnet test tests/Wenming.UnitTests --filter EmptyDatabaseScriptTests</c>
/// (docs/testing.md) and commit the changed files. No database is opened: the SQL is only generated.
/// </summary>
public sealed class EmptyDatabaseScriptTests
{
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public void CommittedScript_IsWhatTheMigratorWritesForAllMigrations(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=none" : "Data Source=:memory:");
        using var db = new AppDbContext(options.Options);
        var generated = EmptyDatabaseScript.Generate(db);
        if (Environment.GetEnvironmentVariable("WENMING_WRITE_EMPTY_DATABASE_SCRIPT") == "1")
        {
            // Embedded at build time: the comparison below is with the next build's copy.
            File.WriteAllText(Path.Combine(Repository.Root(), EmptyDatabaseScript.Folder, EmptyDatabaseScript.FileName(provider)), generated);
            return;
        }

        Assert.True(generated == EmptyDatabaseScript.Read(provider),
            $"The {provider} empty-database script is not what the migrations write; regenerate it " +
            "(WENMING_WRITE_EMPTY_DATABASE_SCRIPT=1 dotnet test tests/Wenming.UnitTests --filter EmptyDatabaseScriptTests) and build again.");
        Assert.Contains($"'{db.Database.GetMigrations().Last()}'", generated, StringComparison.Ordinal);

        // The script runs as one command text, so each statement must end with a semicolon; EF Core's own statements
        // do, a migration's hand-written migrationBuilder.Sql(…) must too.
        var unended = generated.Split("\n\n").Select(s => s.Trim()).Where(s => s.Length > 0 && !s.EndsWith(';')).ToList();
        Assert.True(unended.Count == 0, "End these migrationBuilder.Sql statements with a semicolon:\n" + string.Join("\n", unended));
    }
}
