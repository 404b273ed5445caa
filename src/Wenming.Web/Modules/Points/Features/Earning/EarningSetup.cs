using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Orders.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Events;

namespace Wenming.Web.Modules.Points.Features.Earning;

public static class EarningSetup
{
    /// <summary>Automatic earning: the points module's reactions to the other modules' events (ADR 0014).</summary>
    public static IServiceCollection AddPointEarning(this IServiceCollection services) => services
        .AddEventHandler<ServiceRecordConfirmed, ServiceHoursEarning>()
        .AddEventHandler<ServiceRecordReversed, ServiceHoursEarning>()
        .AddEventHandler<ActivityFinished, AttendanceAndOrderEarning>()
        .AddEventHandler<OrderCompleted, AttendanceAndOrderEarning>();
}
