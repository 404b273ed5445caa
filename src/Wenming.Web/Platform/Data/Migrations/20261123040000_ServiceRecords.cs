using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Volunteer service records (hours, confirmation, reversals). Hand-written and provider-neutral like
/// <see cref="Foundation"/>; SchemaMatchesModelTests checks it on both providers.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123040000_ServiceRecords")]
public sealed class ServiceRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "vol_service_records",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                VolunteerId = t.Column<long>(nullable: false),
                SourceKind = t.Column<string>(maxLength: 16, nullable: false),
                SourceId = t.Column<long>(nullable: true),
                ServiceDate = t.Column<DateOnly>(nullable: false),
                Place = t.Column<string>(maxLength: 100, nullable: false),
                Content = t.Column<string>(maxLength: 500, nullable: false),
                Minutes = t.Column<int>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                ConfirmedAt = t.Column<DateTime>(nullable: true),
                ConfirmedByUserId = t.Column<long>(nullable: true),
                ReversesRecordId = t.Column<long>(nullable: true),
                Reason = t.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_vol_service_records", x => x.Id));
        migrationBuilder.CreateIndex("IX_vol_service_records_OrgUnitId_ServiceDate", "vol_service_records", ["OrgUnitId", "ServiceDate"]);
        migrationBuilder.CreateIndex("IX_vol_service_records_ReversesRecordId", "vol_service_records", "ReversesRecordId", unique: true);
        migrationBuilder.CreateIndex("IX_vol_service_records_SourceKind_SourceId_VolunteerId", "vol_service_records", ["SourceKind", "SourceId", "VolunteerId"], unique: true);
        migrationBuilder.CreateIndex("IX_vol_service_records_VolunteerId_ServiceDate", "vol_service_records", ["VolunteerId", "ServiceDate"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("vol_service_records");
}
