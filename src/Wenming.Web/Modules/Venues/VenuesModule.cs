using Wenming.Web.Modules.Venues.Features;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Venues;

/// <summary>Venues 场馆/功能室 (DESIGN §3): the county's rooms and halls, booked by any of its units, never twice at once.</summary>
public static class VenuesModule
{
    public static IServiceCollection AddVenues(this IServiceCollection services)
    {
        services.AddScoped<VenuesHandler>();
        services.AddScoped<BookingsHandler>();
        services.AddScoped<VenuePhotosHandler>();
        services.AddScoped<Contracts.IVenueBookings, VenueBookings>();
        services.AddScoped<IDemoSeedStep, VenuesDemo>();
        return services;
    }

    public static RouteGroupBuilder MapVenues(this RouteGroupBuilder api)
    {
        var venues = api.MapGroup("/venues").WithTags("venues");
        venues.MapPost("/", VenueEndpoints.Create).WithSummary("登记场馆（本单位或下级单位）：名称、容纳人数，可选开放时间（HH:mm，默认 08:00–21:00）、地址、设施、是否须审批");
        venues.MapGet("/", VenueEndpoints.List).WithSummary("本县全部场馆（县内各单位都可预约）");
        venues.MapGet("/usage", VenueEndpoints.Usage).WithSummary("各场馆逐月使用情况（已确认的预约次数和小时数）");
        venues.MapGet("/{id:long}", VenueEndpoints.Get).WithSummary("查看场馆");
        venues.MapPost("/{id:long}/photos", VenueEndpoints.AddPhotos)
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("上传场馆照片（所属单位管理员；multipart：photos，可多张，仅 JPEG、PNG、WebP，每个场馆最多 6 张；有一张不合格则都不保存）");
        venues.MapDelete("/{id:long}/photos/{photoId:long}", VenueEndpoints.RemovePhoto).WithSummary("删除场馆照片（所属单位管理员）");
        venues.MapGet("/{id:long}/photos/{photoId:long}", VenueEndpoints.OpenPhoto).WithSummary("场馆照片（本县能查看场馆的人）");
        venues.MapGet("/{id:long}/bookings", VenueEndpoints.Calendar).WithSummary("场馆日历：from（默认今天）起 days 天（默认 7）内占用的预约");
        venues.MapPost("/{id:long}/bookings", VenueEndpoints.Book)
            .WithSummary("预约场馆：30 分钟至 1 天，最多提前 60 天，在开放时间内；时间重叠 409 booking.overlap；须审批的场馆先为待审批")
            .WithIdempotency();

        var bookings = api.MapGroup("/venue-bookings").WithTags("venues");
        bookings.MapGet("/", VenueEndpoints.Bookings).WithSummary("本单位的预约和本单位场馆收到的预约，开始时间新的在前");
        bookings.MapPost("/{id:long}/approve", VenueEndpoints.Approve).WithSummary("场馆所属单位批准预约");
        bookings.MapPost("/{id:long}/reject", VenueEndpoints.Reject).WithSummary("场馆所属单位不批准预约（须填原因）");
        bookings.MapPost("/{id:long}/cancel", VenueEndpoints.Cancel).WithSummary("取消预约（预约单位或场馆所属单位），时段随即空出");
        return api;
    }
}
