namespace Wenming.Web.Platform.Hosting;

/// <summary>What the demo county's base seed created, for the modules that add their own demo data.</summary>
/// <param name="PersonIdByLogin">The person behind each demo login that has one (leader1, volunteer1…5, resident1…5).</param>
/// <param name="UserIdByLogin">Every demo account's id.</param>
public sealed record DemoCountyData(
    long CityId,
    long CountyId,
    IReadOnlyList<long> TownshipIds,
    IReadOnlyList<long> VillageIds,
    IReadOnlyDictionary<string, long> PersonIdByLogin,
    IReadOnlyDictionary<string, long> UserIdByLogin);

/// <summary>
/// A module's part of the demo county (its volunteers, teams, partners …). Registered by the module
/// in its AddX method; run in <see cref="Order"/> after the org tree, people and accounts exist, with
/// the system operator acting and the scope open.
/// </summary>
public interface IDemoSeedStep
{
    int Order { get; }

    Task SeedAsync(DemoCountyData demo, CancellationToken ct);
}
