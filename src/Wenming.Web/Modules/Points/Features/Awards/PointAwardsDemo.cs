using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Awards;

/// <summary>
/// The demo village's hand awards, each through the handlers as the person who would do it: village1
/// proposes; center approves one that has been credited (its notice moved back in time, then the credit
/// job run, as the job would after three days), one award and one deduction now on the notice list, and
/// one proposal with a photo waiting for supervisor1; one proposal was rejected.
/// </summary>
internal sealed class PointAwardsDemo(IServiceProvider services, IOrgDirectory orgs, AppDbContext db, TimeProvider clock) : IDemoSeedStep
{
    // After the people, volunteers and orders; points earned elsewhere may already be there.
    public int Order => 320;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var person = demo.PersonIdByLogin;
        async Task<long> Propose(string residentLogin, int points, AwardCategory category, string reason, byte[]? photo = null) =>
            await AsAsync(demo, "village1", async sp =>
            {
                var evidence = photo is null ? [] : new[] { new AwardEvidenceUpload("现场照片.png", new MemoryStream(photo)) };
                return Check(await sp.GetRequiredService<ProposeAwardHandler>().HandleAsync(new ProposeAwardRequest(person[residentLogin], points, reason, category), evidence, ct)).Id;
            });
        Task Approve(long id) => AsAsync(demo, "center", async sp => Check(await sp.GetRequiredService<DecideAwardHandler>().ApproveAsync(id, ct)).Id);

        var credited = await Propose("resident2", 20, AwardCategory.GoodDeed, "拾到村民钱包（内有现金 1200 元）并主动归还失主");
        await Approve(credited);
        await ShiftNoticeAsync(credited, TimeSpan.FromDays(4), ct);
        await Jobs.RunOnceAsync<CreditAwardsJob>(services, clock.GetUtcNow().UtcDateTime, ct);

        await Approve(await Propose("resident3", 10, AwardCategory.FilialPiety, "常年照顾瘫痪在床的婆婆，被村民推荐为孝老爱亲典型"));
        await Approve(await Propose("volunteer1", -5, AwardCategory.Sanitation, "多次在村道旁堆放建筑垃圾，经劝导仍未清理"));
        await Propose("resident4", 15, AwardCategory.Bravery, "雨夜协助消防救出被困老人", SampleFiles.Png(48, 32, (x, y) => ((byte)(200 - y * 3), (byte)(80 + x * 2), 60)));
        var rejected = await Propose("resident5", 30, AwardCategory.VolunteerStar, "参加志愿服务");
        await AsAsync(demo, "center", async sp =>
            Check(await sp.GetRequiredService<DecideAwardHandler>().RejectAsync(rejected, new AwardReasonRequest("事迹不具体，请补充服务时间、内容和证明材料后重新提议。"), ct)).Id);
    }

    /// <summary>Moves an approval back in time (demo only), as if its notice had run its days.</summary>
    private async Task ShiftNoticeAsync(long id, TimeSpan back, CancellationToken ct)
    {
        var award = await db.Set<PointAward>().AsNoTracking().SingleAsync(a => a.Id == id, ct);
        await db.Set<PointAward>().Where(a => a.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.ProposedAt, award.ProposedAt - back)
                .SetProperty(a => a.DecidedAt, award.DecidedAt - back)
                .SetProperty(a => a.NoticeEndsAt, award.NoticeEndsAt - back), ct);
    }

    /// <summary>Runs a step as a demo login in its own DI scope, so the handlers see that account's roles and subtree.</summary>
    private async Task<long> AsAsync(DemoCountyData demo, string login, Func<IServiceProvider, Task<long>> step)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var (role, unitId) = login == "center" ? (Role.CenterAdmin, demo.CountyId) : (Role.StationAdmin, demo.VillageIds[0]);
        var unit = await orgs.FindUnscopedAsync(unitId) ?? throw new InvalidOperationException("Demo unit missing");
        sp.GetRequiredService<CurrentActor>().SignedIn(demo.UserIdByLogin[login], login, [role], unitId, unit.CountyId, null);
        sp.GetRequiredService<OrgScope>().RestrictTo(unit.Path);
        return await step(sp);
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo awards: {result.Error!.Code} {result.Error.Message}");
}
