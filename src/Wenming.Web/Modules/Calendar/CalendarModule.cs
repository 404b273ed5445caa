using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Calendar.Features;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Calendar;

/// <summary>The practice calendar 文明实践日历 (DESIGN §4): 我们的节日, theme days and the county's own dates with their responsible units.</summary>
public static class CalendarModule
{
    public static IServiceCollection AddPracticeCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarHandler>();
        services.AddScoped<IDemoSeedStep, CalendarDemo>();
        return services;
    }

    public static RouteGroupBuilder MapPracticeCalendar(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("calendar");
        calendar.MapGet("/{year:int}", Year).WithSummary("文明实践日历：我们的节日（农历节日按当年公历日期）、纪念日和主题日、本县安排及负责单位；mine=true 只看本单位负责的");
        calendar.MapPost("/dates", Add).WithSummary("县中心添加日历日期及负责单位；与节日同名同日时为该节日指定负责单位");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<CalendarDayDto>>, ProblemHttpResult>> Year(int year, CalendarHandler handler, CancellationToken ct, bool mine = false) =>
        ApiResults.OkOr(await handler.YearAsync(year, mine, ct));

    private static async Task<Results<Created<CalendarDayDto>, ProblemHttpResult>> Add(AddCountyDateRequest request, CalendarHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.AddAsync(request, ct), d => $"/api/v1/calendar/{d.Date.Year}");
}
