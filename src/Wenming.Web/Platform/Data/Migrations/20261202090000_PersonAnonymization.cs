using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Anonymization of people (ADR 0023): when and why a person was anonymized, and each account's last
/// sign-in (the retention job's measure of activity). Every new column is nullable, so existing rows need no default.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202090000_PersonAnonymization")]
public sealed class PersonAnonymization : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("AnonymizedAt", "ppl_people", nullable: true);
        migrationBuilder.AddColumn<string>("AnonymizationReason", "ppl_people", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<DateTime>("LastSignInAt", "acct_users", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("LastSignInAt", "acct_users");
        migrationBuilder.DropColumn("AnonymizationReason", "ppl_people");
        migrationBuilder.DropColumn("AnonymizedAt", "ppl_people");
    }
}
