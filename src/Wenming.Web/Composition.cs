using Wenming.Web.Modules.Accounts;
using Wenming.Web.Modules.Activities;
using Wenming.Web.Modules.Assessment;
using Wenming.Web.Modules.Audit;
using Wenming.Web.Modules.Calendar;
using Wenming.Web.Modules.Content;
using Wenming.Web.Modules.Fieldwork;
using Wenming.Web.Modules.Fund;
using Wenming.Web.Modules.Households;
using Wenming.Web.Modules.Market;
using Wenming.Web.Modules.Notifications;
using Wenming.Web.Modules.Orders;
using Wenming.Web.Modules.Organization;
using Wenming.Web.Modules.People;
using Wenming.Web.Modules.Points;
using Wenming.Web.Modules.SocialOrgs;
using Wenming.Web.Modules.Statistics;
using Wenming.Web.Modules.Supervision;
using Wenming.Web.Modules.Training;
using Wenming.Web.Modules.Venues;
using Wenming.Web.Modules.Volunteers;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web;

/// <summary>Wires the platform and the modules; shared by the web host and the operator CLI.</summary>
public static class Composition
{
    public static WebApplicationBuilder AddWenming(this WebApplicationBuilder builder)
    {
        builder.AddPlatform();
        // The API's bodies' metadata generated at compile time, ahead of reflection; the platform's naming, enum and
        // number rules still apply (ADR 0084).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services
            .AddOrganization()
            .AddPeople()
            .AddVolunteers()
            .AddActivities()
            .AddSocialOrgs()
            .AddOrders()
            .AddPoints()
            .AddMarket()
            .AddStatistics()
            .AddSupervision()
            .AddFieldwork()
            .AddAssessment()
            .AddFund()
            .AddHouseholds()
            .AddVenues()
            .AddTraining()
            .AddPracticeCalendar()
            .AddContent()
            .AddAccounts()
            .AddNotifications()
            .AddAuditLog()
            .AddFiles();
        return builder;
    }

    public static WebApplication MapWenming(this WebApplication app)
    {
        app.UsePlatform();
        var api = app.MapGroup("/api/v1").WithInputRules();
        api.MapAccountsAnonymous();
        api.MapFundAnonymous();
        api.MapContentAnonymous();
        app.MapActivitiesAnonymous();
        api.MapStatisticsAnonymous();
        api.MapGroup("").RequireAuthorization()
            .MapAccounts()
            .MapOrganization()
            .MapPeople()
            .MapVolunteers()
            .MapActivities()
            .MapSocialOrgs()
            .MapNotifications()
            .MapOrders()
            .MapPoints()
            .MapMarket()
            .MapStatistics()
            .MapSupervision()
            .MapFieldwork()
            .MapAssessment()
            .MapFund()
            .MapHouseholds()
            .MapVenues()
            .MapTraining()
            .MapPracticeCalendar()
            .MapContent()
            .MapAuditLog()
            .MapOps()
            .MapFiles();
        app.MapFilePages();
        app.MapOrderPhotoPages();
        app.MapContentFiles();
        return app;
    }
}
