using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Notifications.Features.ReminderPreferences;

/// <summary>The HTTP side of <see cref="ReminderPreferencesHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ReminderPreferencesEndpoints
{
    public static async Task<Results<Ok<ReminderPreferencesDto>, ProblemHttpResult>> Get(ReminderPreferencesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(ct));

    public static async Task<Results<Ok<ReminderPreferencesDto>, ProblemHttpResult>> Change(ChangeReminderPreferencesRequest request, ReminderPreferencesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ChangeAsync(request, ct));
}
