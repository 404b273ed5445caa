using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.UnitTests;

/// <summary>
/// The menu put together from the modules' contributions (ADR 0026) must equal the menu the layout
/// used to build by hand, for every combination of roles, with and without a person record. The old
/// rules are kept here, verbatim in meaning, as the oracle.
/// </summary>
public class NavigationTests
{
    /// <summary>The URL each old page name stood for (what asp-page rendered).</summary>
    private static readonly Dictionary<string, string> UrlOf = new()
    {
        ["/Index"] = "/",
        ["/Statistics/Index"] = "/stats",
        ["/Statistics/Map"] = "/stats/map",
        ["/Org/Index"] = "/org",
        ["/People/Index"] = "/people",
        ["/SocialOrgs/Index"] = "/social-orgs",
        ["/Accounts/Index"] = "/accounts",
        ["/Volunteers/Index"] = "/volunteers",
        ["/Teams/Index"] = "/teams",
        ["/Activities/Index"] = "/activities",
        ["/Activities/Nearby"] = "/activities/nearby",
        ["/Activities/Mine"] = "/activities/mine",
        ["/Volunteers/Mine"] = "/volunteers/me",
        ["/Orders/Board"] = "/orders/board",
        ["/Orders/Inbox"] = "/orders/inbox",
        ["/Orders/Mine"] = "/orders/mine",
        ["/Points/Ledger"] = "/points/ledger",
        ["/Points/Mine"] = "/points",
        ["/Awards/Index"] = "/awards",
        ["/Awards/Notices"] = "/awards/notices",
        ["/Supervision/Index"] = "/supervision/tasks",
        ["/Supervision/Reports"] = "/supervision/reports",
        ["/Fieldwork/Mine"] = "/fieldwork/mine",
        ["/Fieldwork/Leaders"] = "/fieldwork/leaders",
        ["/Fieldwork/Sites"] = "/sites",
        ["/Assessment/Index"] = "/assessments",
        ["/Market/Goods"] = "/market/goods",
        ["/Market/Index"] = "/market",
        ["/Fund/Index"] = "/fund",
        ["/Fund/Projects"] = "/fund/projects",
        ["/Households/Index"] = "/households",
        ["/Households/Events"] = "/households/events",
        ["/Households/Mine"] = "/households/mine",
        ["/Households/Contacted"] = "/households/contacted",
        ["/Venues/Index"] = "/venues",
        ["/Training/Index"] = "/trainings",
        ["/Calendar/Index"] = "/calendar",
        ["/Content/Index"] = "/content",
        ["/Audit/Index"] = "/audit",
        ["/Ops/DeadLetters"] = "/ops/dead-letters",
        ["/Me"] = "/me",
    };

    /// <summary>Every page as it was named before the moves, with a URL it answers.</summary>
    private static readonly (string Page, string Url)[] Pages =
    [
        ("/Index", "/"), ("/Me", "/me"), ("/Error", "/error/404"), ("/Account/Login", "/account/login"), ("/Account/Denied", "/account/denied"),
        ("/Accounts/Index", "/accounts"), ("/Accounts/Create", "/accounts/create"), ("/Accounts/Detail", "/accounts/5"),
        ("/Activities/Index", "/activities"), ("/Activities/Nearby", "/activities/nearby"), ("/Activities/Mine", "/activities/mine"), ("/Activities/Detail", "/activities/5"),
        ("/Activities/Scan", "/activities/5/scan"), ("/Audit/Index", "/audit"),
        ("/Awards/Index", "/awards"), ("/Awards/New", "/awards/new"), ("/Awards/Notices", "/awards/notices"), ("/Awards/Detail", "/awards/5"),
        ("/Certificates/Download", "/volunteers/5/certificate"), ("/Certificates/Verify", "/verify/abc"),
        ("/Market/Index", "/market"), ("/Market/Goods", "/market/goods"), ("/Market/GoodsDetail", "/market/goods/5"), ("/Market/Mine", "/market/mine"),
        ("/Market/Counter", "/market/counter"), ("/Notifications/Index", "/notifications"), ("/Ops/DeadLetters", "/ops/dead-letters"),
        ("/Orders/Board", "/orders/board"), ("/Orders/Detail", "/orders/5"), ("/Orders/Mine", "/orders/mine"), ("/Orders/Inbox", "/orders/inbox"),
        ("/Org/Index", "/org"), ("/Org/Index", "/org/5"), ("/Org/Edit", "/org/5/edit"), ("/Org/Create", "/org/5/create"),
        ("/People/Index", "/people"), ("/People/Detail", "/people/5"), ("/People/Edit", "/people/5/edit"),
        ("/Points/Mine", "/points"), ("/Points/Ledger", "/points/ledger"), ("/Points/Person", "/points/people/5"), ("/Points/UnitRules", "/points/rules/units/5"),
        ("/SocialOrgs/Index", "/social-orgs"), ("/SocialOrgs/Detail", "/social-orgs/5"),
        ("/Households/Index", "/households"), ("/Households/Events", "/households/events"), ("/Households/Mine", "/households/mine"), ("/Households/Contacted", "/households/contacted"),
        ("/Supervision/Index", "/supervision/tasks"), ("/Supervision/Detail", "/supervision/tasks/5"), ("/Supervision/New", "/supervision/tasks/new"),
        ("/Supervision/Reports", "/supervision/reports"), ("/Supervision/ReportDetail", "/supervision/reports/5"), ("/Supervision/ReportNew", "/supervision/reports/new"),
        ("/Supervision/ReportLedger", "/supervision/reports/ledger"),
        ("/Fieldwork/Mine", "/fieldwork/mine"), ("/Fieldwork/VisitNew", "/fieldwork/visits/new"), ("/Fieldwork/Leaders", "/fieldwork/leaders"),
        ("/Fieldwork/Sites", "/sites"), ("/Fieldwork/Site", "/sites/5"),
        ("/Assessment/Index", "/assessments"), ("/Assessment/Detail", "/assessments/5"), ("/Assessment/New", "/assessments/new"),
        ("/Teams/Index", "/teams"), ("/Teams/Detail", "/teams/5"),
        ("/Volunteers/Index", "/volunteers"), ("/Volunteers/Mine", "/volunteers/me"), ("/Volunteers/Import", "/volunteers/import"), ("/Volunteers/ServiceRecords", "/service-records"),
    ];

    public static TheoryData<int, bool> Actors()
    {
        var data = new TheoryData<int, bool>();
        // Every subset of the eight roles (accounts hold one or several), with and without a person record.
        for (var mask = 1; mask < 1 << 8; mask++)
        {
            data.Add(mask, true);
            data.Add(mask, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Actors))]
    public void Menu_IsTheSameAsTheHandWrittenOne(int roleMask, bool hasPerson)
    {
        var actor = Actor(roleMask, hasPerson);

        var menu = Navigation.For(actor).Select(e => (e.Path, e.TextKey)).ToList();
        var old = OldLinks(actor).Select(l => (UrlOf[l.Page], l.Key)).ToList();

        Assert.Equal(old, menu);
        foreach (var (page, url) in Pages)
        {
            var marked = Navigation.For(actor).Where(e => e.IsCurrent(url)).Select(e => e.Path).ToList();
            var oldMarked = OldLinks(actor).Where(l => OldIsCurrent(page, l.Page)).Select(l => UrlOf[l.Page]).ToList();
            Assert.True(oldMarked.SequenceEqual(marked), $"{url}: marked [{string.Join(", ", marked)}], before [{string.Join(", ", oldMarked)}]");
        }
    }

    [Theory]
    [MemberData(nameof(Actors))]
    public void GroupedMenu_ShowsEveryLinkOnce_AndNoHeadingOverASingleLink(int roleMask, bool hasPerson)
    {
        var actor = Actor(roleMask, hasPerson);
        var links = Navigation.For(actor);

        var menu = Navigation.Menu(actor);

        Assert.Equal(links.OrderBy(l => l.Path).ThenBy(l => l.TextKey), menu.SelectMany(i => i.Links).OrderBy(l => l.Path).ThenBy(l => l.TextKey));
        Assert.All(menu.Where(i => i.Group is not null), i => Assert.True(i.Links.Count > 1, $"{i.Group!.TextKey} heads one link"));
        Assert.All(menu, i => Assert.True(i.Group is null || i.Links.All(l => l.Group == i.Group)));
        if (links.Count <= Navigation.FlatLimit)
        {
            Assert.All(menu, i => Assert.Null(i.Group));
        }
    }

    [Fact]
    public void CountyAdminsLongMenu_FitsUnderTenItems_WithStatisticsFirstAndMeLast()
    {
        var admin = new CurrentActor();
        admin.SignedIn(1, "admin", [Role.CenterAdmin], 10, 10, null);

        var menu = Navigation.Menu(admin);

        Assert.True(Navigation.For(admin).Count > Navigation.FlatLimit);
        Assert.InRange(menu.Count, 5, 10);
        Assert.Equal("Shell.nav.home", menu[0].Links[0].TextKey);
        Assert.Equal(NavGroups.Data, menu[1].Group);
        Assert.Equal(["/supervision/tasks", "/supervision/reports", "/assessments"], menu.Single(i => i.Group == NavGroups.Oversight).Links.Take(3).Select(l => l.Path));
    }

    [Fact]
    public void ResidentsShortMenu_StaysOnePlainList()
    {
        var resident = new CurrentActor();
        resident.SignedIn(1, "resident1", [Role.Resident], 10, 10, 7);

        var menu = Navigation.Menu(resident);

        Assert.All(menu, i => Assert.Null(i.Group));
        Assert.Equal(Navigation.For(resident).Select(l => l.Path), menu.Select(i => i.Links[0].Path));
    }

    [Fact]
    public void NobodySignedIn_SeesNoMenu() => Assert.Empty(Navigation.For(new CurrentActor()));

    private static CurrentActor Actor(int roleMask, bool hasPerson)
    {
        var roles = Enum.GetValues<Role>().Where(r => (roleMask & (1 << ((int)r - 1))) != 0).ToList();
        var actor = new CurrentActor();
        actor.SignedIn(1, "someone", roles, 10, 10, hasPerson ? 7 : null);
        return actor;
    }

    // The layout's rules before issue 18, page names and all.
    private static List<(string Page, string Key)> OldLinks(CurrentActor actor)
    {
        var isAdmin = actor.IsAdmin;
        var isOverseer = isAdmin || actor.Has(Role.Supervisor);
        var links = new List<(string Page, string Key)>();
        if (isAdmin || !isOverseer) links.Add(("/Index", "Shell.nav.home"));
        if (isOverseer) links.Add(("/Statistics/Index", "Statistics.nav.overview"));
        if (isOverseer) links.Add(("/Statistics/Map", "Statistics.nav.map")); // issue 12
        if (isOverseer) { links.Add(("/Org/Index", "Shell.nav.org")); links.Add(("/People/Index", "Shell.nav.people")); }
        if (actor.Has(Role.SystemAdmin) || actor.Has(Role.CenterAdmin) || actor.Has(Role.InstituteAdmin) || actor.Has(Role.Supervisor)) links.Add(("/SocialOrgs/Index", "Shell.nav.social_orgs"));
        if (isAdmin) links.Add(("/Accounts/Index", "Shell.nav.accounts"));
        if (isAdmin) links.Add(("/Volunteers/Index", "Shell.nav.volunteers"));
        if (isAdmin || actor.Has(Role.TeamLeader)) links.Add(("/Teams/Index", "Shell.nav.teams"));
        if (isOverseer) links.Add(("/Training/Index", "Training.nav.trainings")); // issue 17: volunteer training
        if (isAdmin) links.Add(("/Activities/Index", "Shell.nav.activities"));
        if (!isOverseer && actor.PersonId is not null) links.Add(("/Activities/Nearby", "Shell.nav.activities_nearby"));
        if (!isOverseer && actor.PersonId is not null) links.Add(("/Activities/Mine", "Activities.mine.title")); // issue 11
        if (!isOverseer && actor.PersonId is not null) links.Add(("/Volunteers/Mine", actor.Has(Role.Volunteer) || actor.Has(Role.TeamLeader) ? "Shell.nav.vol_mine" : "Shell.nav.vol_apply"));
        if (!isOverseer && actor.PersonId is not null && (actor.Has(Role.Volunteer) || actor.Has(Role.TeamLeader))) links.Add(("/Training/Index", "Training.nav.mine")); // issue 17
        links.Add(isOverseer ? ("/Orders/Board", "Orders.nav.board") : actor.Has(Role.TeamLeader) ? ("/Orders/Inbox", "Orders.nav.inbox") : ("/Orders/Mine", "Orders.nav.mine"));
        if (isOverseer || actor.PersonId is not null) links.Add(isOverseer ? ("/Points/Ledger", "Points.nav.ledger") : ("/Points/Mine", "Points.nav.mine"));
        links.Add(isOverseer ? ("/Awards/Index", "Award.nav.awards") : ("/Awards/Notices", "Award.nav.notices"));
        if (isOverseer) links.Add(("/Supervision/Index", "Supervision.nav.tasks"));
        if (isAdmin || actor.PersonId is not null) links.Add(isAdmin ? ("/Market/Goods", "Market.nav.manage") : ("/Market/Index", "Market.nav.shop"));
        if (isOverseer) links.Add(("/Supervision/Reports", "Supervision.nav.reports")); // issue 13: 信息报送
        if (isOverseer) links.Add(("/Assessment/Index", "Assessment.nav.title")); // issue 13: 考评
        // Issue 16: articles for admins.
        if (isAdmin) links.Add(("/Content/Index", "Content.nav.articles"));
        // Issue 14 (after the menu moved to the modules): the fund for overseers, its projects for team leaders.
        if (isOverseer) links.Add(("/Fund/Index", "Fund.nav.fund"));
        else if (actor.Has(Role.TeamLeader)) links.Add(("/Fund/Projects", "Fund.nav.projects"));
        // Issue 15: households for overseers, 十必联 for admins; 我的家庭 and 我联系的户 for people (residents are not contact persons' logins).
        if (isOverseer) links.Add(("/Households/Index", "Households.nav.households"));
        if (isAdmin) links.Add(("/Households/Events", "Households.nav.events"));
        if (!isOverseer && actor.PersonId is not null) links.Add(("/Households/Mine", "Households.nav.mine"));
        if (!isOverseer && actor.PersonId is not null && !actor.Has(Role.Resident)) links.Add(("/Households/Contacted", "Households.nav.contacted"));
        // Issue 17: the county's venues for overseers, the practice calendar for everyone signed in.
        if (isOverseer) links.Add(("/Venues/Index", "Venues.nav.venues"));
        links.Add(("/Calendar/Index", "Practice.nav.calendar"));
        if (isOverseer) links.Add(("/Audit/Index", "Shell.nav.audit"));
        // Issue 13: 联系点 for the county leaders, 包镇联村 and 阵地标准 for overseers.
        if (actor.Has(Role.Supervisor) || actor.Has(Role.CenterAdmin)) links.Add(("/Fieldwork/Mine", "Fieldwork.nav.mine"));
        if (isOverseer) links.Add(("/Fieldwork/Leaders", "Fieldwork.nav.leaders"));
        if (isOverseer) links.Add(("/Fieldwork/Sites", "Fieldwork.nav.sites"));
        if (actor.IsSystemAdmin) links.Add(("/Ops/DeadLetters", "Ops.nav.dead_letters"));
        if (!isOverseer) links.Add(("/Me", "Shell.nav.me"));
        return links;
    }

    // Issue 11's 我的活动 is marked on its own page only, and 附近的活动 not there.
    // Issue 13: 督办 tasks and 信息报送 each mark their own pages.
    private static bool OldIsCurrent(string current, string page) =>
        page == "/Supervision/Index" ? current is "/Supervision/Index" or "/Supervision/Detail" or "/Supervision/New"
        : page == "/Supervision/Reports" ? current.StartsWith("/Supervision/Report", StringComparison.Ordinal)
        : page == "/Activities/Mine" ? current == page
        : page == "/Fieldwork/Mine" ? current is "/Fieldwork/Mine" or "/Fieldwork/VisitNew"
        : page == "/Fieldwork/Leaders" ? current == page
        : page == "/Fieldwork/Sites" ? current is "/Fieldwork/Sites" or "/Fieldwork/Site"
        : current == "/Activities/Mine" && page == "/Activities/Nearby" ? false
        : page.LastIndexOf('/') == 0 ? current == page : current.StartsWith(page[..page.LastIndexOf('/')] + "/", StringComparison.Ordinal);
}
