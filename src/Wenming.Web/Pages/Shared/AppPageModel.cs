using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Shared;

/// <summary>
/// What every page model shares: turning a handler's <see cref="Error"/> into what the browser
/// should see (404, 403, or messages next to the form fields), and a one-shot notice after a redirect.
/// </summary>
public abstract class AppPageModel : PageModel
{
    /// <summary>Shown once on the next page (post/redirect/get), e.g. "已保存".</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>An empty or blank text box means "none", not a stored blank.</summary>
    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// NotFound and Forbidden end the request as such (the API answers 404 outside the subtree, so
    /// the pages do too); anything else becomes messages on the form and the caller re-shows it.
    /// </summary>
    /// <param name="error">The handler's refusal.</param>
    /// <param name="prefix">The bound model's name, so that "idNumber" lands on "Input.IdNumber".</param>
    /// <param name="fieldOf">Codes without a field that still belong to one input (e.g. a taken login).</param>
    protected IActionResult? Refuse(Error error, string prefix = "Input", IReadOnlyDictionary<string, string>? fieldOf = null)
    {
        if (fieldOf is not null && fieldOf.TryGetValue(error.Code, out var owner) && error.Fields is null)
        {
            ModelState.AddModelError(Key(prefix, owner), error.Message);
            return null;
        }

        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFoundPage();
        }

        if (error.Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }

        if (error.Fields is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(Key(prefix, field), message);
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, error.Message);
        }

        return null;
    }

    /// <summary>
    /// A 404 with a page a person can read (an empty 404 shows the browser's own error screen), saying
    /// the same as the API: not found, or not in your scope.
    /// </summary>
    protected IActionResult NotFoundPage()
    {
        var page = Partial("_NotFound");
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    /// <summary>
    /// The model binder's own messages are English ("The value 'x' is not valid"); the handlers never
    /// saw such input, so replace them with the Chinese "wrong format" message before re-showing the form.
    /// </summary>
    protected bool BindingFailed()
    {
        var broken = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        // The input rules' own messages (too long, control characters, ADR 0020) are Chinese already.
        var refused = HttpContext.Items[Platform.Http.InputRulesPageFilter.RefusedKeys] as HashSet<string>;
        foreach (var key in broken.Where(k => refused?.Contains(k) != true))
        {
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, Text.Get("validation.field_malformed"));
        }

        return broken.Count > 0;
    }

    private static string Key(string prefix, string field)
    {
        var pascal = field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
        return prefix.Length == 0 ? pascal : prefix + "." + pascal;
    }
}
