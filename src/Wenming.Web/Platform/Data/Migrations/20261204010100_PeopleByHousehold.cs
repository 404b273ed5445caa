using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>A household's members are read by the person's household number (issue 15): index it.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204010100_PeopleByHousehold")]
public sealed class PeopleByHousehold : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_ppl_people_HouseholdId", "ppl_people", "HouseholdId");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_ppl_people_HouseholdId", "ppl_people");
}
