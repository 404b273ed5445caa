using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Volunteer service certificates (志愿服务证明) and their per-county, per-year number counter.
/// Hand-written and provider-neutral like <see cref="Foundation"/>; SchemaMatchesModelTests checks it.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123070000_Certificates")]
public sealed class Certificates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "vol_certificates",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                VolunteerId = t.Column<long>(nullable: false),
                CertificateNumber = t.Column<string>(maxLength: 16, nullable: false),
                VerificationCode = t.Column<string>(maxLength: 32, nullable: false),
                HolderNameMasked = t.Column<string>(maxLength: 50, nullable: false),
                VolunteerNumber = t.Column<string>(maxLength: 12, nullable: false),
                TotalMinutes = t.Column<long>(nullable: false),
                ItemCount = t.Column<int>(nullable: false),
                LastRecordId = t.Column<long>(nullable: false),
                IssuerName = t.Column<string>(maxLength: 100, nullable: false),
                IssuedAt = t.Column<DateTime>(nullable: false),
                IssuedByUserId = t.Column<long>(nullable: true),
                HandlerName = t.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_vol_certificates", x => x.Id));
        migrationBuilder.CreateIndex("IX_vol_certificates_CertificateNumber", "vol_certificates", "CertificateNumber", unique: true);
        migrationBuilder.CreateIndex("IX_vol_certificates_OrgUnitId", "vol_certificates", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_vol_certificates_VerificationCode", "vol_certificates", "VerificationCode", unique: true);
        migrationBuilder.CreateIndex("IX_vol_certificates_VolunteerId_IssuedAt", "vol_certificates", ["VolunteerId", "IssuedAt"]);

        migrationBuilder.CreateTable(
            name: "vol_certificate_counters",
            columns: t => new
            {
                CountyId = t.Column<long>(nullable: false),
                Year = t.Column<int>(nullable: false),
                LastSequence = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_vol_certificate_counters", x => new { x.CountyId, x.Year }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("vol_certificate_counters");
        migrationBuilder.DropTable("vol_certificates");
    }
}
