using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Orders.Domain;

/// <summary>
/// The orders module's typed failures. The codes are API.md's (<c>order.invalid_transition</c>); the
/// Chinese text lives under the module's own key prefix in Resources/Orders.resx, so codes and resource
/// keys differ here, unlike <see cref="Error.Of"/>.
/// </summary>
public static class OrderErrors
{
    public static Error InvalidTransition() => Of("order.invalid_transition", ErrorKind.Conflict, "Orders.error.invalid_transition");

    public static Error NotFound() => Of("order.not_found", ErrorKind.NotFound, "Orders.error.not_found");

    public static Error ItemNotFound() => Of("service_item.not_found", ErrorKind.NotFound, "Orders.error.item_not_found");

    public static Error AlreadyRated() => Of("order.already_rated", ErrorKind.Conflict, "Orders.error.already_rated");

    public static Error NotPool() => Of("order.not_pool", ErrorKind.Conflict, "Orders.error.not_pool");

    public static Error NotDirected() => Of("order.not_directed", ErrorKind.Conflict, "Orders.error.not_directed");

    public static Error NoParent() => Of("order.no_parent", ErrorKind.Conflict, "Orders.error.no_parent");

    public static Error Conflict(string code, string key, params object[] args) => Of(code, ErrorKind.Conflict, key, args);

    /// <summary>A 400 for one field; <paramref name="key"/> is the Orders.* message.</summary>
    public static Error Field(string field, string code, string key, params object[] args)
    {
        var message = Text.Get(key, args);
        return new Error(code, ErrorKind.Validation, message) { Fields = new Dictionary<string, string[]> { [field] = [message] } };
    }

    public static Error Required(string field) => Field(field, "validation.required", "validation.required", Text.Get("Orders.field." + field));

    private static Error Of(string code, ErrorKind kind, string key, params object[] args) => new(code, kind, Text.Get(key, args));
}
