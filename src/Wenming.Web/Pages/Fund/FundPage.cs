using System.Globalization;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Fund;

/// <summary>Small display helpers shared by the fund pages.</summary>
public static class FundPage
{
    public static string Money(long fen) => "¥" + Yuan.Format(fen);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToOffset(Text.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Badge(ProjectStatus status) => status switch
    {
        ProjectStatus.Applied => "badge badge-warn",
        ProjectStatus.Approved => "badge badge-ok",
        _ => "badge badge-off",
    };

    /// <summary>A handler's message on its fen field shown on the form's yuan box (or dropped when <paramref name="to"/> is null).</summary>
    public static void MoveErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string from, string? to)
    {
        if (state[from] is not { Errors.Count: > 0 } entry)
        {
            return;
        }

        var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
        state.Remove(from);
        foreach (var message in to is null ? [] : messages)
        {
            state.AddModelError(to!, message);
        }
    }

    /// <summary>Today in China, the default date of a form.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset);
}
