using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.AddAttachment;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CreateActivity;
using Wenming.Web.Modules.Activities.Features.MarkChecklistStep;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities;

/// <summary>
/// Two activities of 桃花村 that took place last week, made through the handlers: one whose archive is
/// complete (every step, a photo, a sign-in sheet) and waits to be archived, one still missing steps
/// and its sign-in sheet. The photos are pictures generated here, so the demo needs no binary files.
/// </summary>
internal sealed class ActivityArchiveDemo(
    CreateActivityHandler create, ChangeActivityStatusHandler change, MarkChecklistStepHandler checklist, AddAttachmentHandler attach, TimeProvider clock)
    : IDemoSeedStep
{
    // After the other activities (110).
    public int Order => 120;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var today = Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).Date;
        DateTimeOffset At(int days, int hour) => new(today.AddDays(days).AddHours(hour), Text.ChinaOffset);
        var village = demo.VillageIds[0];

        var complete = await FinishedAsync(new CreateActivityRequest(
            village, null, "“爱国歌曲大家唱”主题实践活动", ActivityCategory.CultivateValues, "桃花村新时代文明实践站", At(-6, 9), At(-6, 11), 30, null, null, null,
            "按标准流程开展：唱响爱国歌曲、志愿宣誓、诵读金句、开展活动、群众评单、资料留存。", null), ct);
        foreach (var step in Enum.GetValues<ChecklistStep>())
        {
            Check(await checklist.HandleAsync(complete, step.ToString(), new MarkChecklistStepRequest(true, step == ChecklistStep.PublicReview ? "群众评单 28 份，满意 27 份" : null), ct));
        }

        await AttachAsync(complete, "合唱.png", SampleFiles.Png(320, 200, Sunrise), AttachmentKind.Photo, "全体合唱《我和我的祖国》", ct);
        await AttachAsync(complete, "qiandao.pdf", SampleFiles.Pdf("Sign-in sheet", "Taohua village, 28 participants"), AttachmentKind.SignInSheet, "签到表", ct);

        var incomplete = await FinishedAsync(new CreateActivityRequest(
            village, null, "垃圾分类入户宣传", ActivityCategory.ReformCustoms, "桃花村各村民小组", At(-4, 14), At(-4, 17), 15, null, null, null,
            "志愿者入户讲解垃圾分类，发放分类指南。", null), ct);
        foreach (var step in new[] { ChecklistStep.SingAnthem, ChecklistStep.VolunteerOath, ChecklistStep.CarryOut })
        {
            Check(await checklist.HandleAsync(incomplete, step.ToString(), new MarkChecklistStepRequest(true, null), ct));
        }

        await AttachAsync(incomplete, "入户宣传.png", SampleFiles.Png(240, 160, Meadow), AttachmentKind.Photo, "志愿者入户讲解", ct);
    }

    /// <summary>An activity taken along the transition table to Finished, as the check-out slice will do after the event.</summary>
    private async Task<long> FinishedAsync(CreateActivityRequest request, CancellationToken ct)
    {
        var id = Check(await create.HandleAsync(request, ct)).Id;
        foreach (var action in new[] { ActivityAction.Publish, ActivityAction.Start, ActivityAction.Finish })
        {
            Check(await change.HandleAsync(id, action, ct));
        }

        return id;
    }

    private async Task AttachAsync(long activityId, string name, byte[] bytes, AttachmentKind kind, string caption, CancellationToken ct)
    {
        using var content = new MemoryStream(bytes);
        Check(await attach.HandleAsync(activityId, new AddAttachmentRequest(name, content, kind.ToString(), caption), ct));
    }

    /// <summary>A red sky over a yellow sun over green fields.</summary>
    private static (byte, byte, byte) Sunrise(int x, int y)
    {
        var (dx, dy) = (x - 160, y - 120);
        return y > 130 ? ((byte)40, (byte)(140 + (y % 20)), (byte)60)
            : (dx * dx) + (dy * dy) < 1600 ? ((byte)255, (byte)210, (byte)40)
            : ((byte)(200 + (y / 5)), (byte)(40 + (y / 2)), (byte)50);
    }

    private static (byte, byte, byte) Meadow(int x, int y) =>
        y < 70 ? ((byte)120, (byte)180, (byte)(230 - y)) : ((byte)(60 + (x % 30)), (byte)160, (byte)70);

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo archive: {result.Error!.Code} {result.Error.Message}");
}
