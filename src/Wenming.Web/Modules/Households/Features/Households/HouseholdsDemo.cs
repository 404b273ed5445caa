using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Modules.Households.Features.Households;

/// <summary>
/// The demo county's households: in 桃花村 (village1) resident1–5 each head a household (resident2's is 困难家庭/低保,
/// resident3's 空巢老人, resident4's 留守儿童), volunteer1–4 live in two more; volunteer5 (a party member) keeps in touch
/// with the residents' households and leader1 (a party member) with the rest. Every other village has three households
/// with its first party member as contact. Events over the past months are visited on time or late, the monthly
/// visits of the tagged households run for half a year, and one emergency in 桃花村 and one in 溪口村 are overdue now.
/// Three of 桃花村's visits carry photos (drawn in code), so the event page shows its thumbnails.
/// </summary>
internal sealed class HouseholdsDemo(AppDbContext db, IPeopleDirectory people, IHouseholdRoster roster, IFileStore files, TimeProvider clock) : IDemoSeedStep
{
    // After the org tree, people and accounts; before nothing that needs households.
    public int Order => 450;

    private static readonly string[] Streets = ["村东组", "村西组", "河湾组", "山脚组", "新村组", "中心组"];

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var village1 = demo.VillageIds[0];
        var login = demo.PersonIdByLogin;
        long P(string l) => login[l];
        var v1 = await people.InUnitAsync(village1, 20, ct);
        long At(int i) => v1[i].Id;

        var h1 = await HouseholdAsync(demo.CountyId, village1, "桃花村村东组12号", [P("resident1"), At(11), At(12)], [], ct);
        var h2 = await HouseholdAsync(demo.CountyId, village1, "桃花村村西组3号", [P("resident2"), At(13)], [HouseholdTag.Hardship, HouseholdTag.SubsistenceAllowance], ct);
        var h3 = await HouseholdAsync(demo.CountyId, village1, "桃花村河湾组7号", [P("resident3"), At(14)], [HouseholdTag.EmptyNestElder], ct);
        var h4 = await HouseholdAsync(demo.CountyId, village1, "桃花村山脚组21号", [P("resident4"), At(16), At(17)], [HouseholdTag.LeftBehindChild], ct);
        var h5 = await HouseholdAsync(demo.CountyId, village1, "桃花村新村组5号", [P("resident5"), At(18), At(19)], [], ct);
        var h6 = await HouseholdAsync(demo.CountyId, village1, "桃花村中心组16号", [P("volunteer1"), P("volunteer2")], [], ct);
        var h7 = await HouseholdAsync(demo.CountyId, village1, "桃花村村东组30号", [P("volunteer3"), P("volunteer4")], [HouseholdTag.Disability], ct);
        foreach (var h in new[] { h1, h2, h3, h4 })
        {
            h.AssignContact(P("volunteer5"), now);
        }

        foreach (var h in new[] { h5, h6, h7 })
        {
            h.AssignContact(P("leader1"), now);
        }

        await db.SaveChangesAsync(ct);

        // 桃花村's year: visits on time, some late, and one emergency waiting past its 24 hours right now.
        await EventAsync(h2, HouseholdEventKind.Hardship, now.AddDays(-150), "户主突发腰伤，家中农活无人照料。", (now.AddDays(-149), "联系人上门慰问，协调志愿者帮助秋收。", "volunteer5", P("volunteer5")), ct, photos: 2);
        await EventAsync(h1, HouseholdEventKind.Celebration, now.AddDays(-120), "长孙考上大学。", (now.AddDays(-117), "上门道贺，宣传助学政策。", "volunteer5", P("volunteer5")), ct);
        await EventAsync(h5, HouseholdEventKind.Illness, now.AddDays(-75), "户主住院手术。", (now.AddDays(-75).AddHours(30), "到医院探望，了解医保报销情况（超过 24 小时才走访）。", "leader1", P("leader1")), ct);
        await EventAsync(h7, HouseholdEventKind.Petition, now.AddDays(-60), "反映残疾人补贴未到账。", (now.AddDays(-59), "协助核对补贴发放记录，已向镇民政办反映。", "leader1", P("leader1")), ct, photos: 1);
        await EventAsync(h4, HouseholdEventKind.Dispute, now.AddDays(-40), "与邻居因宅基地边界发生争执。", (now.AddDays(-40).AddHours(10), "会同村调委会现场调解，双方达成一致。", "village1", null), ct, photos: 1);
        await EventAsync(h6, HouseholdEventKind.Enlistment, now.AddDays(-25), "儿子应征入伍。", (now.AddDays(-22), "送光荣牌上门，登记军属信息。", "leader1", P("leader1")), ct);
        await EventAsync(h2, HouseholdEventKind.Emergency, now.AddHours(-30), "房屋漏雨，急需修缮。", null, ct);
        await EventAsync(h6, HouseholdEventKind.Petition, now.AddHours(-10), "反映村道路灯损坏。", null, ct);

        // The monthly visits of the 空巢老人 and 留守儿童 households for half a year: one month visited only after it ended.
        await MonthlyAsync(h3, HouseholdEventKind.EmptyNestElder, now, lateMonth: 3, ct);
        await MonthlyAsync(h4, HouseholdEventKind.LeftBehindChild, now, lateMonth: -1, ct);

        // Every other village: three households, its first party member as their contact, a few events.
        for (var v = 1; v < demo.VillageIds.Count; v++)
        {
            var village = demo.VillageIds[v];
            var folk = await people.InUnitAsync(village, 7, ct);
            if (folk.Count < 7)
            {
                continue;
            }

            var street = Streets[v % Streets.Length];
            var a = await HouseholdAsync(demo.CountyId, village, $"{street}{v + 2}号", [folk[1].Id, folk[2].Id], [HouseholdTag.EmptyNestElder], ct);
            var b = await HouseholdAsync(demo.CountyId, village, $"{street}{v + 10}号", [folk[3].Id, folk[4].Id], [], ct);
            var c = await HouseholdAsync(demo.CountyId, village, $"{street}{v + 18}号", [folk[0].Id, folk[5].Id, folk[6].Id], [HouseholdTag.Hardship], ct);
            a.AssignContact(folk[0].Id, now);
            b.AssignContact(folk[0].Id, now);
            c.AssignContact(folk[5].Id, now);
            await db.SaveChangesAsync(ct);
            await MonthlyAsync(a, HouseholdEventKind.EmptyNestElder, now, lateMonth: v % 4 == 0 ? 2 : -1, ct);
            await EventAsync(b, HouseholdEventKind.Celebration, now.AddDays(-20 - v), "家中添丁。", (now.AddDays(-18 - v), "上门道贺，讲解新生儿医保参保。", null, folk[0].Id), ct);
            await EventAsync(c, HouseholdEventKind.Hardship, now.AddDays(-9 - v), "家中主要劳力外出受伤。", (now.AddDays(-9 - v).AddHours(v % 3 == 0 ? 60 : 20), "上门了解困难，申请临时救助。", null, folk[5].Id), ct);
            if (v == 3)
            {
                // 溪口村 (village2): an illness waiting past its time, for the station and 清溪镇 to see.
                await EventAsync(b, HouseholdEventKind.Illness, now.AddHours(-50), "老人摔伤卧床。", null, ct);
            }
        }
    }

    private async Task<Household> HouseholdAsync(long countyId, long village, string address, long[] members, HouseholdTag[] tags, CancellationToken ct)
    {
        var household = Household.Create(countyId, village, address, members[0], tags, clock.GetUtcNow().UtcDateTime.AddDays(-200));
        db.Add(household);
        await db.SaveChangesAsync(ct);
        foreach (var m in members)
        {
            await roster.MoveAsync(m, household.Id, ct);
        }

        await db.SaveChangesAsync(ct);
        return household;
    }

    private async Task EventAsync(Household h, HouseholdEventKind kind, DateTime occurred, string? description, (DateTime At, string Note, string? Login, long? PersonId)? visit, CancellationToken ct, int photos = 0)
    {
        var e = HouseholdEvent.Log(h, kind, occurred, description, "village1", occurred.AddHours(1));
        db.Add(e);
        await db.SaveChangesAsync(ct);
        if (visit is { } v)
        {
            e.Visited(v.At);
            var row = HouseholdVisit.Of(e, v.At, v.Note, v.PersonId, v.Login, v.At);
            db.Add(row);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < photos; i++)
            {
                // A small picture of a field and a roof in two shades, different per photo: no binary files in the repository.
                var shade = (byte)(40 * i);
                using var content = new MemoryStream(SampleFiles.Png(240, 180, (x, y) => y < 70 ? ((byte)(150 + (y / 2)), (byte)(60 + shade), (byte)50) : ((byte)(70 + (x / 6)), (byte)(140 + (y % 40)), (byte)(60 + shade))));
                var file = await files.AddAsync($"走访{i + 1}.png", content, h.OrgUnitId, ct);
                await db.SaveChangesAsync(ct);
                db.Add(HouseholdVisitPhoto.Of(row, file.Value.Id, v.At));
                await db.SaveChangesAsync(ct);
            }
        }
    }

    /// <summary>Six past months visited (one of them, <paramref name="lateMonth"/> months ago, only after the month ended) and this month's still open.</summary>
    private async Task MonthlyAsync(Household h, HouseholdEventKind kind, DateTime now, int lateMonth, CancellationToken ct)
    {
        for (var back = 6; back >= 1; back--)
        {
            var (_, start, due) = VisitDue.MonthOf(VisitDue.MonthOf(now).StartUtc.AddDays(-1 - (31 * (back - 1))));
            var visitAt = back == lateMonth ? due.AddDays(3) : start.AddDays(9 + back);
            var note = kind == HouseholdEventKind.EmptyNestElder ? "上门看望老人，身体状况良好，帮助打扫卫生。" : "看望孩子，了解学习情况，与外出务工的父母视频通话。";
            await EventAsync(h, kind, start, null, (visitAt, note, null, h.ContactPersonId), ct);
        }

        db.Add(HouseholdEvent.Log(h, kind, now, null, "system", now));
        await db.SaveChangesAsync(ct);
    }
}
