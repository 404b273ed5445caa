using System.Globalization;
using Wenming.Web.Modules.People.Domain;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// Unique, valid test data, so every test owns its rows and tests do not depend on order. Values are
/// unique per process: fixtures share none, but tests of one class share a database.
/// </summary>
public static class TestData
{
    private static int _counter = Random.Shared.Next(0, 20_000);

    private static int Next() => Interlocked.Increment(ref _counter);

    /// <summary>A checksum-valid ID number (region 110105, not the demo county's 339901).</summary>
    public static string IdNumber(DateOnly? birth = null, bool male = true)
    {
        var n = Next();
        var date = birth ?? new DateOnly(1950, 1, 1).AddDays(n % 20_000);
        // With a fixed birth date only the sequence tells numbers apart, so it must follow the counter.
        var sequence = birth is null ? (n / 20_000 * 2 % 998) + 1 : (n % 499 * 2) + 1;
        var withGender = male ? sequence | 1 : sequence & ~1;
        var first17 = "110105" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + withGender.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ChineseIdNumber.ComputeCheckChar(first17);
    }

    /// <summary>A valid mainland mobile number.</summary>
    public static string Phone() => "186" + (Next() % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public static string Name(string prefix) => prefix + Next().ToString(CultureInfo.InvariantCulture);

    public static string Login(string prefix) => prefix + "." + Next().ToString(CultureInfo.InvariantCulture);

    /// <summary>A township segment (3 digits) not used by the demo county (001-004).</summary>
    public static string TownshipSegment() => (100 + (Next() % 899)).ToString("D3", CultureInfo.InvariantCulture);

    public const string StrongPassword = "Practice@2026";
}
