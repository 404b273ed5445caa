using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Points are <c>long</c> (ADR 0029): balances, ledger amounts, award points, earning rules, award limits and goods
/// prices. PostgreSQL widens each column from integer to bigint in place (constraints and indexes stay). SQLite
/// stores every INTEGER as up to 64 bits already and reports the same declared type for int and long, so there
/// is nothing to change there; an AlterColumn would make EF rebuild each table for no difference.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202100000_PointsAsLong")]
public sealed class PointsAsLong : Migration
{
    private static readonly (string Table, string Column, bool Nullable)[] Columns =
    [
        ("pts_accounts", "Balance", false),
        ("pts_accounts", "Earned", false),
        ("pts_transactions", "Amount", false),
        ("pts_transactions", "BalanceAfter", false),
        ("pts_transactions", "EarnedAfter", false),
        ("pts_rules", "PerServiceHour", true),
        ("pts_rules", "PerActivityAttended", true),
        ("pts_rules", "PerCompletedOrder", true),
        ("pts_rules", "AwardMaxPoints", true),
        ("pts_awards", "Points", false),
        ("pts_awards", "AppliedPoints", true),
        ("mkt_goods", "PricePoints", false),
        ("mkt_redemptions", "UnitPrice", false),
        ("mkt_redemptions", "Points", false),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            return;
        }

        foreach (var (table, column, nullable) in Columns)
        {
            migrationBuilder.AlterColumn<long>(column, table, nullable: nullable, oldClrType: typeof(int), oldNullable: nullable);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            return;
        }

        foreach (var (table, column, nullable) in Columns)
        {
            migrationBuilder.AlterColumn<int>(column, table, nullable: nullable, oldClrType: typeof(long), oldNullable: nullable);
        }
    }
}
