using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CreateActivity;
using Wenming.Web.Modules.Activities.Features.Enroll;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities;

/// <summary>
/// Published activities of 桃花村 and the county in the coming weeks (relative to the clock), made through
/// the handlers; the village's 政策宣讲 is nearly full with volunteer1–3 enrolled.
/// </summary>
internal sealed class ActivitiesDemo(
    CreateActivityHandler create, ChangeActivityStatusHandler change, EnrollHandler enroll, IVolunteerDirectory volunteers, TimeProvider clock)
    : IDemoSeedStep
{
    // After the volunteers (100), whose approved volunteers sign up here.
    public int Order => 110;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        // Activities start at 9:00 China time on whole days ahead, as a station would plan them.
        var today = Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).Date;
        DateTimeOffset At(int days, int hour) => new(today.AddDays(days).AddHours(hour), Text.ChinaOffset);

        var village = demo.VillageIds[0];
        var nearlyFull = await PublishedAsync(new CreateActivityRequest(
            village, null, "“学习新思想”政策宣讲进院坝", ActivityCategory.PromotePolicy, "桃花村文化大院", At(3, 9), At(3, 11), 4, null, At(2, 18), 4,
            "宣讲党的二十届三中全会精神和惠农政策，欢迎村民参加。", "熟悉本村情况，普通话流利"), ct);
        await PublishedAsync(new CreateActivityRequest(
            village, null, "敬老院清洁与陪伴", ActivityCategory.ConvenienceService, "桃源镇敬老院", At(7, 14), At(7, 17), 10, null, null, null,
            "为老人打扫房间、理发、陪伴聊天。", null), ct);
        await PublishedAsync(new CreateActivityRequest(
            demo.CountyId, null, "移风易俗文明新风宣传", ActivityCategory.ReformCustoms, "云溪县人民广场", At(10, 9), At(10, 12), 30, null, null, null,
            "倡导红事新办、白事简办，发放倡议书。", null), ct);
        await PublishedAsync(new CreateActivityRequest(
            demo.CountyId, null, "周末文艺汇演", ActivityCategory.EnrichCulture, "云溪县文化馆", At(14, 19), At(14, 21), 50, null, null, null,
            "各村文艺队同台演出。", null), ct);

        foreach (var login in new[] { "volunteer1", "volunteer2", "volunteer3" })
        {
            if (await volunteers.FindByPersonUnscopedAsync(demo.PersonIdByLogin[login], ct) is { IsApproved: true } volunteer)
            {
                Check(await enroll.HandleAsync(nearlyFull, new EnrollRequest(volunteer.Id), ct));
            }
        }
    }

    private async Task<long> PublishedAsync(CreateActivityRequest request, CancellationToken ct)
    {
        var id = Check(await create.HandleAsync(request, ct)).Id;
        Check(await change.HandleAsync(id, ActivityAction.Publish, ct));
        return id;
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo activities: {result.Error!.Code} {result.Error.Message}");
}
