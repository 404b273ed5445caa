using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Orders.Domain;

/// <summary>
/// The orders module's typed failures. The codes are API.md's (<c>order.invalid_transition</c>); the
/// Chinese text lives under the module's own key prefix in Resources/Orders.resx, so codes and resource
/// keys differ (<see cref="Error.Keyed"/>); field errors go through <see cref="FieldErrors"/>.
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

    public static Error Forbidden(string code, string key) => Of(code, ErrorKind.Forbidden, key);

    public static Error Conflict(string code, string key, params object[] args) => Error.Keyed(code, ErrorKind.Conflict, key, args);

    private static Error Of(string code, ErrorKind kind, string key) => Error.Keyed(code, kind, key);
}
