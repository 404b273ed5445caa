using System.ComponentModel;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Http;

/// <summary>Turns typed errors into RFC 9457 problem details with a stable <c>code</c> and Chinese text.</summary>
public static class ApiResults
{
    public static ProblemHttpResult Problem(Error error)
    {
        var status = (int)error.Kind;
        var problem = new ProblemDetails
        {
            Type = "urn:wenming:problem:" + error.Code,
            Title = Text.Get("problem.title." + status),
            Status = status,
            Detail = error.Message,
        };
        problem.Extensions["code"] = error.Code;
        if (error.Fields is not null)
        {
            problem.Extensions["errors"] = error.Fields;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>The common shape of a handler's answer: the value, or a problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOr<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result.Error!);

    public static Results<Created<T>, ProblemHttpResult> CreatedOr<T>(Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : Problem(result.Error!);
}

/// <summary>Runs a FluentValidation validator and maps failures to one 400 with per-field Chinese messages.</summary>
public static class Validation
{
    public static Error? Check<T>(IValidator<T> validator, T request)
    {
        var result = validator.Validate(request);
        // The common input rules (ADR 0020) for every caller of a validated handler, pages included;
        // a field the feature's validator already refused keeps only the feature's message.
        var common = InputRules.Check(request);
        if (result.IsValid && common.Count == 0)
        {
            return null;
        }

        var failures = result.Errors.Select(f => (Field: ToCamelCase(f.PropertyName), Code: f.ErrorCode, Message: f.ErrorMessage)).ToList();
        var refused = failures.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        failures.AddRange(common.Where(v => !refused.Contains(v.Field)).Select(v => (v.Field, v.Code, v.Message)));
        var fields = failures
            .GroupBy(f => f.Field)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Message).Distinct().ToArray());
        // A single rule failure carries its own code (e.g. person.phone_invalid); several get the generic one.
        var codes = failures.Select(f => f.Code).Where(c => c.Contains('.', StringComparison.Ordinal)).Distinct().ToList();
        return Error.Validation(fields, codes.Count == 1 ? codes[0] : null);
    }

    private static string ToCamelCase(string name) =>
        string.Join('.', name.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    /// <summary>Rule helper: a required, trimmed, length-limited text.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, string field, int maxLength) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field." + field)))
            .Must(v => v is null || v.Trim().Length <= maxLength).WithErrorCode("validation.too_long").WithMessage(_ => Text.Get("validation.too_long", Text.Get("field." + field), maxLength));

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, string field, int maxLength) =>
        rule.Must(v => v is null || v.Trim().Length <= maxLength).WithErrorCode("validation.too_long").WithMessage(_ => Text.Get("validation.too_long", Text.Get("field." + field), maxLength));
}

/// <summary>API.md's list shape.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>
/// The paging query (<c>?page=&amp;pageSize=</c>). Only settable properties and nullable values: the request delegate
/// generator binds an [AsParameters] type through its parameterless constructor and properties, and there a
/// non-nullable value would be required (ADR 0069, 0073). The defaults apply here, in <see cref="SafePage"/> and
/// <see cref="SafePageSize"/>; [DefaultValue] keeps them in the OpenAPI document.
/// </summary>
public sealed record PageRequest
{
    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }

    public int SafePage => Math.Max(1, Page ?? 1);

    public int SafePageSize => Math.Clamp(PageSize ?? 20, 1, 100);

    public int Skip => (SafePage - 1) * SafePageSize;

    public Error? Check() =>
        Page < 1 ? Error.Field("page", "validation.page")
        : PageSize is < 1 or > 100 ? Error.Field("pageSize", "validation.page_size")
        : null;
}
