using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Errors;

/// <summary>
/// The one field-error helper: every 400 that names its fields is built here or by a FluentValidation
/// validator through <c>Validation.Check</c>. Messages are resource keys, so a module passes its own
/// prefixed key (<c>Orders.error.unit_not_allowed</c>) while the code stays API.md's (<c>order.unit_not_allowed</c>).
/// A handler whose checks depend on each other (a source decides what a quantity may be) collects them in an
/// instance and answers all of them at once.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _fields = new(StringComparer.Ordinal);

    public int Count => _fields.Count;

    /// <summary>A 400 for one field with its own code and the text under <paramref name="key"/>.</summary>
    public static Error One(string field, string code, string key, params object[] args)
    {
        var message = Text.Get(key, args);
        return new Error(code, ErrorKind.Validation, message) { Fields = new Dictionary<string, string[]> { [field] = [message] } };
    }

    /// <summary>The field is missing; <paramref name="label"/> is the resource key of the field's name.</summary>
    public static Error Required(string field, string label) => One(field, "validation.required", "validation.required", Text.Get(label));

    public static Error TooLong(string field, string label, int maxLength) => One(field, "validation.too_long", "validation.too_long", Text.Get(label), maxLength);

    /// <summary>Sets the field's message (a later check of the same field replaces an earlier one).</summary>
    public void Add(string field, string key, params object[] args) => _fields[field] = [Text.Get(key, args)];

    public void AddRequired(string field, string label) => Add(field, "validation.required", Text.Get(label));

    public void AddTooLong(string field, string label, int maxLength) => Add(field, "validation.too_long", Text.Get(label), maxLength);

    /// <summary>One 400 with every collected field under the generic code, or null when nothing was refused.</summary>
    public Error? ToError() => _fields.Count == 0 ? null : Error.Validation(_fields);
}
