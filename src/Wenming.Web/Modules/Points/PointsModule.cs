using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Features;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Modules.Points.Features.Earning;
using Wenming.Web.Modules.Points.Features.Ledger;
using Wenming.Web.Modules.Points.Features.Rules;

namespace Wenming.Web.Modules.Points;

/// <summary>Points, credit stars, hand awards and the point rules (DESIGN §6).</summary>
public static class PointsModule
{
    public static IServiceCollection AddPoints(this IServiceCollection services)
    {
        services.AddScoped<PointRulesReader>();
        services.AddScoped<Platform.Indicators.IIndicatorSource, Features.Indicators.PointsIndicators>();
        services.AddScoped<IPointsLedger, PointsLedger>();
        services.AddScoped<People.Contracts.IPersonActivity, Features.Privacy.PointsPersonActivity>();
        services.AddPointsReadSide();
        services.AddPointEarning();
        services.AddPointAwards();
        return services;
    }

    public static RouteGroupBuilder MapPoints(this RouteGroupBuilder api)
    {
        api.MapPointsReadSide();
        api.MapPointAwards();
        return api;
    }
}
