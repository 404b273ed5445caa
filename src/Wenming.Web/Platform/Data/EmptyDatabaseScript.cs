using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// An empty database's whole schema as one SQL script, written ahead of time by EF Core's migrator (every migration
/// and its row in the history table, without transaction statements), one per database, embedded in the assembly
/// (issue 19, ADR 0080). Start-up runs it in one transaction on a database with no tables at all, instead of EF
/// Core's migrator: that builds the history table's model through the model-building conventions and generates the
/// SQL of every migration first, ~0.7 s of JIT on the main thread of the README's run command before its first page.
/// tests/Wenming.UnitTests/EmptyDatabaseScriptTests write the scripts and fail when they differ from what the
/// migrator writes; a build whose script lacks its last migration does not use it (<see cref="DatabaseSetup"/>).
/// </summary>
internal static class EmptyDatabaseScript
{
    /// <summary>Where the scripts are, from the repository's root.</summary>
    public const string Folder = "src/Wenming.Web/Platform/Data/Migrations/EmptyDatabase";

    public static string FileName(DatabaseProvider provider) => $"{provider}.sql";

    /// <summary>The embedded script for this database, or null.</summary>
    public static string? Read(DatabaseProvider provider)
    {
        using var stream = typeof(EmptyDatabaseScript).Assembly.GetManifestResourceStream($"Wenming.EmptyDatabase.{FileName(provider)}");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The script as EF Core's migrator writes it now, for the context's database.</summary>
    public static string Generate(DbContext db) =>
        db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions).ReplaceLineEndings("\n");
}
