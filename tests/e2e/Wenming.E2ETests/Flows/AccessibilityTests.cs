using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Wenming.E2ETests.Infrastructure;

namespace Wenming.E2ETests.Flows;

/// <summary>
/// The axe engine audits each role's everyday pages against WCAG 2.1 A and AA (issue 11): labels,
/// contrast, names of buttons and links, landmarks. Phones for residents and volunteers, desktops for
/// the offices. Any violation fails, with what and where, so a new page cannot quietly regress.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture app)
{
    public static TheoryData<string, int, string[]> Journeys => new()
    {
        { "", 360, ["/portal", "/portal/activities", "/portal/services", "/portal/points", "/account/login", "/account/signup", "/account/forgot"] },
        { "resident1", 360, ["/", "/activities/nearby", "/orders/mine", "/points", "/awards/notices", "/market", "/households/mine", "/calendar", "/me", "/volunteers/me"] },
        { "volunteer1", 360, ["/", "/activities/mine", "/households/contacted", "/volunteers/me", "/notifications"] },
        { "leader1", 1280, ["/", "/orders/inbox", "/teams", "/fund/projects"] },
        { "village1", 360, ["/", "/households/events", "/supervision/reports/new", "/accounts/registrations"] },
        { "admin", 1280, ["/", "/stats", "/stats/map", "/org", "/people", "/volunteers", "/activities", "/orders/board", "/points/ledger", "/awards", "/market/goods", "/supervision/tasks", "/supervision/reports", "/assessments", "/sites", "/fund", "/households", "/venues", "/calendar", "/content", "/audit"] },
        { "supervisor1", 1280, ["/", "/fieldwork/mine", "/fieldwork/leaders"] },
    };

    [BrowserTheory]
    [MemberData(nameof(Journeys))]
    public async Task EveryPageOfTheRole_PassesWcag21AA(string login, int width, string[] paths)
    {
        var page = login.Length == 0 ? await app.NewPageAsync(width, 740) : await app.SignInAsync(login, width, 800);
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } };
        var found = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe(options);
            found.AddRange(result.Violations.Select(v =>
                $"{path}: [{v.Impact}] {v.Id} — {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}"));
        }

        await page.Context.CloseAsync();
        Assert.True(found.Count == 0, $"{(login.Length == 0 ? "anonymous" : login)} at {width} px:\n" + string.Join("\n", found));
    }
}
