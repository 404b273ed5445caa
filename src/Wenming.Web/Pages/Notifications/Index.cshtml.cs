using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Notifications.Features.ListNotifications;
using Wenming.Web.Modules.Notifications.Features.ReadNotifications;
using Wenming.Web.Modules.Notifications.Features.ReminderPreferences;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Notifications;

/// <summary>消息: the signed-in account's messages, and the person's reminder choices.</summary>
[Authorize]
public sealed class IndexModel(ListNotificationsHandler list, ReadNotificationsHandler read, ReminderPreferencesHandler preferences, ICalendarSubscription calendar) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "unread")]
    public bool UnreadOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public PageOf<NotificationDto> Result { get; private set; } = new([], 1, 20, 0);

    /// <summary>Null for accounts without a person (admins): they get no activity reminders.</summary>
    public ReminderPreferencesDto? Preferences { get; private set; }

    /// <summary>The person's iCal address, once made.</summary>
    public string? CalendarUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Preferences is { } p)
        {
            Input = new PreferencesInput { ActivityReminders = p.ActivityReminders, ReminderLeadHours = p.ReminderLeadHours };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        var result = await read.ReadOneAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? RedirectToPage();
        }

        // Opening a message from the list marks it read and goes where it points.
        return result.Value.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage(new { unread = UnreadOnly, p = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await read.ReadAllAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken ct)
    {
        var result = await calendar.ResetAsync(SiteUrl.Root(Request), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? RedirectToPage();
        }

        Notice = Text.Get("Calendar.Created");
        return Redirect(Url.Page("/Notifications/Index") + "#calendar");
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await preferences.ChangeAsync(new ChangeReminderPreferencesRequest(Input.ActivityReminders, Input.ReminderLeadHours), ct);
            if (result.IsSuccess)
            {
                Notice = Text.Get("Notify.Saved");
                return RedirectToPage();
            }

            if (Refuse(result.Error!) is { } refused)
            {
                return refused;
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var found = await list.HandleAsync(new ListNotificationsRequest { UnreadOnly = UnreadOnly, Page = Math.Max(1, PageNumber) }, ct);
        if (found.IsSuccess)
        {
            Result = found.Value;
        }

        var chosen = await preferences.GetAsync(ct);
        Preferences = chosen.IsSuccess ? chosen.Value : null;
        var feed = await calendar.GetAsync(SiteUrl.Root(Request), ct);
        CalendarUrl = feed.IsSuccess ? feed.Value.Url : null;
    }

    public sealed class PreferencesInput
    {
        public bool ActivityReminders { get; set; } = true;

        [Required]
        public int? ReminderLeadHours { get; set; }
    }
}
