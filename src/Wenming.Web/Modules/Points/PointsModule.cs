using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Features;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Modules.Points.Features.Earning;
using Wenming.Web.Modules.Points.Features.Ledger;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Points;

/// <summary>Points, credit stars, hand awards and the point rules (DESIGN §6).</summary>
public static class PointsModule
{
    public static IServiceCollection AddPoints(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<PointRulesReader>();
        services.AddScoped<Platform.Indicators.IIndicatorSource, Features.Indicators.PointsIndicators>();
        services.AddRollupTrigger<Features.Indicators.PointsIndicators, Domain.PointTransaction>(Features.Indicators.PointsIndicators.Touched);
        services.AddScoped<IPointsLedger, PointsLedger>();
        services.AddScoped<IDemoSeedStep, StartingPointsDemo>();
        services.AddScoped<IDemoSeedStep, PointsHistoryDemo>();
        services.AddScoped<IPublicPointsBoard, Features.PublicBoard.PublicPointsBoard>();
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

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Domain.PointAccount), "Points.entity.PointAccount").Entity(nameof(Domain.PointTransaction), "Points.entity.PointTransaction")
        .Entity(nameof(Domain.PointAward), "Points.entity.PointAward").Entity(nameof(Domain.PointRuleSet), "Points.entity.PointRuleSet")
        .Enum<Contracts.PointKind>(k => Text.Get("Points.kind." + k)).Enum<Domain.AwardStatus>(s => Text.Get("Award.status." + s))
        .Enum<Domain.AwardCategory>(c => Text.Get("Award.category." + c));
}
