using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Audit.Features.BrowseAudit;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Audit;

/// <summary>The audit log of the caller's subtree, newest first, filtered by entity type and China dates.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(BrowseAuditHandler browse, AuditVocabulary words) : AppPageModel
{
    /// <summary>Entity and field names, states, flags and times in words (ADR 0039).</summary>
    public AuditVocabulary Words => words;

    /// <summary>The audited entity types a person can filter by (class names, as the log stores them), by their Chinese names.</summary>
    public IReadOnlyList<string> EntityTypes => words.EntityTypes;

    /// <summary>A login, or 系统自动 for the platform's own jobs, event handlers and the demo seeding (system, job:…, event:…).</summary>
    public static string Who(string? login) =>
        login is null ? "—"
        : login == "system" || login.StartsWith("job:", StringComparison.Ordinal) || login.StartsWith("event:", StringComparison.Ordinal) ? Platform.Localization.Text.Get("Audit.audit.system")
        : login;

    /// <summary>A value in words; the account's role list is a comma list of role names, not one enum.</summary>
    public string? Value(string entityType, string field, string? value) =>
        field == "RoleList" ? Labels.FieldValue(field, value) : words.Value(entityType, field, value);

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<AuditEntryDto> Result { get; private set; } = new([], 1, 20, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return Page();
        }

        var result = await browse.HandleAsync(new BrowseAuditRequest { EntityType = EntityType, From = From, To = To, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }

    /// <summary>
    /// One line per field: a created row's value, or an update's old → new. Sensitive values already
    /// arrive as "***" from the audit writer.
    /// </summary>
    public static IEnumerable<(string Field, string? Old, string? New, bool IsChange)> Lines(JsonElement changes)
    {
        if (changes.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var p in changes.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("old", out var old) && p.Value.TryGetProperty("new", out var @new))
            {
                yield return (p.Name, Show(old), Show(@new), true);
            }
            else
            {
                yield return (p.Name, null, Show(p.Value), false);
            }
        }
    }

    private static string? Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
