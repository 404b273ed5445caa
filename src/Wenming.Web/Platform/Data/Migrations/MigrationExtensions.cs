using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Helpers that keep the hand-written migrations provider-neutral.</summary>
internal static class MigrationExtensions
{
    /// <summary>An auto-generated key on both providers: AUTOINCREMENT on SQLite, an identity column on PostgreSQL.</summary>
    public static OperationBuilder<T> Identity<T>(this OperationBuilder<T> column)
        where T : Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
