using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.CalendarFeed;

/// <summary>The HTTP side of <see cref="CalendarFeedHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class CalendarFeedEndpoints
{
    public static async Task<IResult> Render(string token, HttpRequest request, CalendarFeedHandler handler, CancellationToken ct) =>
        await handler.RenderAsync(token, SiteUrl.Root(request), ct) is { } ics ? TypedResults.Text(ics, "text/calendar; charset=utf-8") : TypedResults.NotFound();

    public static async Task<Results<Ok<CalendarFeedDto>, ProblemHttpResult>> Get(HttpRequest request, CalendarFeedHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(SiteUrl.Root(request), ct));

    public static async Task<Results<Ok<CalendarFeedDto>, ProblemHttpResult>> Reset(HttpRequest request, CalendarFeedHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ResetAsync(SiteUrl.Root(request), ct));
}
