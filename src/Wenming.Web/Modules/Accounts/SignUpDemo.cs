using System.Globalization;
using Wenming.Web.Modules.Accounts.Features.PasswordReset;
using Wenming.Web.Modules.Accounts.Features.SignUp;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts;

/// <summary>
/// What waits for the first village's station on the demo's first day: two residents who signed up from the portal
/// (one of them already registered by the village, so the registration is flagged 已有此人) and a resident who
/// forgot their password. Sign-ups and the request go through the anonymous handlers, as from a phone.
/// </summary>
internal sealed class SignUpDemo(IServiceScopeFactory scopes, IOrgDirectory orgs) : IDemoSeedStep
{
    public int Order => 460;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var village = demo.VillageIds[0];
        const string password = "Chunmei@2026";
        await AnonymousAsync(async sp => Check(await sp.GetRequiredService<SignUpHandler>().HandleAsync(
            new("王春梅", IdNumber(new DateOnly(1986, 3, 14), 902), "13957990001", village, password), ct)));

        // 李德顺 is on the village's roll already; signing up again must not make a second person.
        var known = IdNumber(new DateOnly(1958, 11, 2), 901);
        await AsStationAsync(demo, village, async sp => Check(await sp.GetRequiredService<IPeopleRegistry>().RegisterAsync(new("李德顺", known, "13957990002", village), ct)));
        await AnonymousAsync(async sp => Check(await sp.GetRequiredService<SignUpHandler>().HandleAsync(
            new("李德顺", known, "13957990003", village, "Deshun@2026"), ct)));

        await AnonymousAsync(async sp => Check(await sp.GetRequiredService<ForgotPasswordHandler>().RequestAsync(new("resident2"), ct)));
    }

    /// <summary>
    /// A checksum-valid ID number in the demo's fictional region 339901 (云溪县); the serial's last digit is the 性别 it
    /// gives: odd for a man (李德顺, 901), even for a woman (王春梅, 902).
    /// </summary>
    private static string IdNumber(DateOnly birth, int serial)
    {
        var first17 = "339901" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + serial.ToString("D3", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    private async Task AnonymousAsync(Func<IServiceProvider, Task> step)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().From("demo");
        await step(scope.ServiceProvider);
    }

    private async Task AsStationAsync(DemoCountyData demo, long unitId, Func<IServiceProvider, Task> step)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var unit = await orgs.FindUnscopedAsync(unitId) ?? throw new InvalidOperationException("Demo unit missing");
        sp.GetRequiredService<CurrentActor>().SignedIn(demo.UserIdByLogin["village1"], "village1", [Role.StationAdmin], unit.Id, unit.CountyId, null);
        sp.GetRequiredService<OrgScope>().RestrictTo(unit.Path);
        await step(sp);
    }

    private static void Check<T>(Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Demo sign-up refused: " + result.Error!.Code + " " + result.Error.Message);
        }
    }
}
