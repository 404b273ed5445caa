using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Errors;

/// <summary>HTTP-facing category of an expected failure; the numeric value is the status code.</summary>
public enum ErrorKind
{
    Validation = 400,
    Unauthorized = 401,
    Forbidden = 403,
    NotFound = 404,
    Conflict = 409,
    Locked = 423,
    PayloadTooLarge = 413,
    TooManyRequests = 429,
    Unavailable = 503,
}

/// <summary>
/// An expected failure with a stable machine code (e.g. <c>person.id_number_invalid</c>) and a
/// Chinese message taken from the resources under the same key. Exceptions are for bugs and outages.
/// </summary>
public record Error(string Code, ErrorKind Kind, string Message)
{
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    public static Error Of(string code, ErrorKind kind, params object[] args) => new(code, kind, Text.Get(code, args));

    /// <summary>
    /// A failure whose text lives under a module's own key: API.md's codes (<c>order.not_pool</c>) are older than the
    /// modules' resource prefixes (<c>Orders.error.not_pool</c>), and neither may change.
    /// </summary>
    public static Error Keyed(string code, ErrorKind kind, string key, params object[] args) => new(code, kind, Text.Get(key, args));

    public static Error NotFound(string code = "common.not_found") => Of(code, ErrorKind.NotFound);

    public static Error Forbidden() => Of("common.forbidden", ErrorKind.Forbidden);

    public static Error Conflict(string code, params object[] args) => Of(code, ErrorKind.Conflict, args);

    /// <summary>A 400 for one field; the code is both the problem code and the resource key of the message (see <see cref="FieldErrors"/>).</summary>
    public static Error Field(string field, string code, params object[] args) => FieldErrors.One(field, code, code, args);

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields, string? code = null) =>
        new(code ?? "validation.failed", ErrorKind.Validation, Text.Get("validation.failed")) { Fields = fields };
}

/// <summary>Either a value or an <see cref="Error"/>.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("Result holds an error: " + Error!.Code);

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>Thrown when code tries to touch a row outside the caller's org subtree; the API answers 404.</summary>
public sealed class OutOfScopeException(string message) : Exception(message);
