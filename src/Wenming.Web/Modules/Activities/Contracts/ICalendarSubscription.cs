using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Activities.Contracts;

/// <summary>Where the person's calendar app subscribes: a secret address, shown only to its owner.</summary>
public sealed record CalendarFeedDto(string Url);

/// <summary>The signed-in person's calendar subscription, for the reminder settings on the notifications page.</summary>
public interface ICalendarSubscription
{
    Task<Result<CalendarFeedDto>> GetAsync(string baseUrl, CancellationToken ct);

    /// <summary>A new secret address; every old subscription stops.</summary>
    Task<Result<CalendarFeedDto>> ResetAsync(string baseUrl, CancellationToken ct);
}
