using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Content;

/// <summary>Articles on the home page: admins see what waits for their review; everyone the portal of their unit.</summary>
public sealed class ContentHome(ArticlesHandler articles, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return [];
        }

        // Their own unit's portal; a caller above the counties (the system admin) gets the first county's.
        var portal = actor.CountyId is not null && actor.OrgUnitId is { } unit ? $"/portal?unit={unit}" : "/portal";
        if (actor.IsAdmin)
        {
            var waiting = await articles.AwaitingMyReviewAsync(ct);
            return
            [
                new(Text.Get("Content.nav.articles"), 60,
                [
                    new(Text.Get("Content.home.to_review"), "/content?review=true", Count: waiting, Alert: waiting > 0, TestId: "todo-articles"),
                    new(Text.Get("Content.home.write"), "/content/edit", TestId: "write-article"),
                    new(Text.Get("Content.home.portal"), portal, TestId: "go-portal"),
                ], "home-content", ForDepartments: true),
            ];
        }

        return
        [
            new(Text.Get("Content.home.news"), 70,
            [
                new(Text.Get("Content.home.portal"), portal, TestId: "go-portal"),
            ], "home-content"),
        ];
    }
}
