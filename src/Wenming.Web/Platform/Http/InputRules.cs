using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// The rules every input obeys before any handler sees it (ADR 0020), found by walking the bound
/// request object: a non-nullable text or object is present; text has no control characters
/// (newline and tab only in multi-line fields) and a maximum length; an enum holds a defined value
/// (also when sent as a number); an id is positive. The features' own validators add the specific
/// rules (phone formats, ranges) on top. Used by the API (an endpoint filter on /api/v1), by
/// <see cref="Validation.Check{T}"/> (so pages and every caller of a validated handler get them),
/// and by the pages' filter.
/// </summary>
public static class InputRules
{
    /// <summary>The longest single-line text (names, titles, places) unless a field says otherwise.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>The longest multi-line text (descriptions, reasons, notes, comments).</summary>
    public const int MultiLineMaxLength = 4000;

    private const int MaxDepth = 4;

    // Field names whose text may span lines (newline and tab allowed) and be long.
    private static readonly HashSet<string> MultiLine = new(StringComparer.OrdinalIgnoreCase)
    {
        "Description", "ItemDescription", "ActivityDescription", "Content", "ServiceContent", "Note", "ChecklistNote", "Reason", "DecisionReason",
        "RejectReason", "RevokeReason", "ReversalReason", "Comment", "RatingComment", "Summary", "Body", "Message", "RecruitmentConditions",
    };

    private static readonly ConcurrentDictionary<Type, Member[]> Shapes = new();
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly Lock NullabilityLock = new();

    /// <summary>A refusal of one field: its JSON path, the problem code and the Chinese message.</summary>
    public sealed record Violation(string Field, string Code, string Message);

    /// <summary>The longest text a field takes, by its name.</summary>
    public static int MaxLengthOf(string name) =>
        MultiLine.Contains(name) ? MultiLineMaxLength
        : name.EndsWith("Phone", StringComparison.OrdinalIgnoreCase) ? 20
        : name.EndsWith("Token", StringComparison.OrdinalIgnoreCase) || name.Equals("Password", StringComparison.OrdinalIgnoreCase) ? 4096
        : name.EndsWith("Url", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Link", StringComparison.OrdinalIgnoreCase) ? 2048
        : DefaultMaxLength;

    /// <summary>Checks <paramref name="value"/> (a request object or a single bound value named <paramref name="name"/>).</summary>
    /// <param name="requirePresent">Report null in non-nullable properties (JSON: missing or null).</param>
    public static List<Violation> Check(object? value, string name = "", bool requirePresent = true)
    {
        var found = new List<Violation>();
        if (value is not null)
        {
            CheckValue(value, value.GetType(), name, LastSegment(name), found, requirePresent, 0);
        }

        return found;
    }

    /// <summary>One 400 for what <see cref="Check"/> found: the single code when all agree, else <c>validation.failed</c>.</summary>
    public static Error ToError(IReadOnlyCollection<Violation> violations)
    {
        var fields = violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).Distinct().ToArray());
        var codes = violations.Select(v => v.Code).Distinct().ToList();
        return Error.Validation(fields, codes.Count == 1 ? codes[0] : null);
    }

    public static bool IsChecked(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsEnum || t == typeof(long) || t == typeof(int) || IsOwnModel(t) || IsCollection(t);
    }

    private static bool IsOwnModel(Type t) =>
        t.Namespace?.StartsWith("Wenming.Web", StringComparison.Ordinal) == true && !t.IsEnum && (t.IsClass || t.IsValueType)
        && !typeof(Delegate).IsAssignableFrom(t);

    private static bool IsCollection(Type t) => t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && ElementType(t) is { } e && IsChecked(e);

    private static Type? ElementType(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Concat([t]).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        var name = dot < 0 ? path : path[(dot + 1)..];
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? name : name[..bracket];
    }

    private static void CheckValue(object value, Type declared, string path, string name, List<Violation> found, bool requirePresent, int depth)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? value.GetType();
        switch (value)
        {
            case string text:
                CheckText(text, path, name, found);
                return;
            case Enum:
                if (!Enum.IsDefined(type, value))
                {
                    found.Add(Refuse(path, "validation.enum_undefined"));
                }

                return;
            case long number:
                CheckId(number, path, name, found);
                return;
            case int number:
                CheckId(number, path, name, found);
                return;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        if (value is IEnumerable items && IsCollection(type))
        {
            var element = ElementType(type)!;
            // An id list ("personIds") holds ids: each must be positive like a single one.
            var elementName = name.EndsWith("Ids", StringComparison.Ordinal) ? name[..^1] : name;
            var index = 0;
            foreach (var item in items)
            {
                var itemPath = $"{path}[{index++}]";
                if (item is null)
                {
                    continue;
                }

                CheckValue(item, element, itemPath, elementName, found, requirePresent, depth + 1);
            }

            return;
        }

        if (!IsOwnModel(type))
        {
            return;
        }

        foreach (var member in Shape(type))
        {
            var memberPath = path.Length == 0 ? member.JsonName : path + "." + member.JsonName;
            var memberValue = member.Property.GetValue(value);
            if (memberValue is null)
            {
                if (requirePresent && member.Required)
                {
                    found.Add(Refuse(memberPath, "validation.missing"));
                }

                continue;
            }

            CheckValue(memberValue, member.Property.PropertyType, memberPath, member.Property.Name, found, requirePresent, depth + 1);
        }
    }

    private static void CheckText(string text, string path, string name, List<Violation> found)
    {
        var multiLine = MultiLine.Contains(name);
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                found.Add(Refuse(path, multiLine ? "validation.control_character_multiline" : "validation.control_character"));
                break;
            }
        }

        var max = MaxLengthOf(name);
        if (text.Length > max)
        {
            found.Add(Refuse(path, "validation.text_too_long", max));
        }
    }

    private static void CheckId(long number, string path, string name, List<Violation> found)
    {
        if (number <= 0 && (name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Id", StringComparison.Ordinal)))
        {
            found.Add(Refuse(path, "validation.id_not_positive"));
        }
    }

    private static Violation Refuse(string path, string code, params object[] args) => new(path, code, Text.Get(code, args));

    private static Member[] Shape(Type type) => Shapes.GetOrAdd(type, t =>
    {
        lock (NullabilityLock)
        {
            return [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic && IsChecked(p.PropertyType))
                .Select(p => new Member(
                    p,
                    char.ToLowerInvariant(p.Name[0]) + p.Name[1..],
                    !p.PropertyType.IsValueType && Nullability.Create(p).ReadState == NullabilityState.NotNull))];
        }
    });

    private sealed record Member(PropertyInfo Property, string JsonName, bool Required);

    /// <summary>
    /// The endpoint filter for the API: each bound argument that is a request object (body, form,
    /// [AsParameters]) or a route/query value is checked before the handler runs; a refusal is one 400.
    /// </summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checkedArguments = CheckedArguments(context.MethodInfo, context.ApplicationServices);
        if (checkedArguments.Length == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var found = new List<Violation>();
            foreach (var (index, name) in checkedArguments)
            {
                if (index < invocation.Arguments.Count)
                {
                    found.AddRange(Check(invocation.Arguments[index], name));
                }
            }

            return found.Count == 0 ? await next(invocation) : ApiResults.Problem(ToError(found));
        };
    }

    /// <summary>The handler's arguments the rules check, by position: request objects and route or query values, not services.</summary>
    private static (int Index, string Name)[] CheckedArguments(MethodInfo method, IServiceProvider services)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        return [.. method.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(a => a.Parameter.ParameterType != typeof(CancellationToken) && IsChecked(a.Parameter.ParameterType)
                && isService?.IsService(a.Parameter.ParameterType) != true)
            .Select(a => (a.Index, Name: IsOwnModel(Nullable.GetUnderlyingType(a.Parameter.ParameterType) ?? a.Parameter.ParameterType) ? "" : a.Parameter.Name ?? ""))];
    }

    /// <summary>
    /// Adds the API's input rules to every API endpoint below <paramref name="builder"/> that takes something to check. An
    /// endpoint with nothing to check (<c>GET /me</c>: only services) gets no filter at all: any endpoint filter, even one
    /// that hands the call straight on, puts the handler on the framework's filtered path, which boxes its arguments and
    /// its result and looks the result's type up again on every request (issue 19).
    /// </summary>
    public static TBuilder WithInputRules<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            // A handler without its MethodInfo in the metadata is not one to judge here: it keeps the filter.
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } method
                || CheckedArguments(method, endpoint.ApplicationServices).Length > 0)
            {
                endpoint.FilterFactories.Add(Filter);
            }
        });
        return builder;
    }
}

/// <summary>
/// The same rules on the pages: the bound form models ([BindProperty]) and handler arguments of a
/// post are checked, and what fails lands next to its field in Chinese. A page re-shows its form when
/// the model state is invalid (<c>BindingFailed</c>), and the handlers' own validation refuses as well.
/// </summary>
public sealed class InputRulesPageFilter : IAsyncPageFilter
{
    /// <summary>HttpContext item holding the model-state keys this filter refused, so their messages are kept.</summary>
    public const string RefusedKeys = "wenming.input-rules.refused";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && context.HandlerInstance is PageModel page)
        {
            var refused = new HashSet<string>(StringComparer.Ordinal);
            var bindAll = page.GetType().GetCustomAttribute<BindPropertiesAttribute>() is not null;
            foreach (var property in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if ((bindAll || property.GetCustomAttribute<BindPropertyAttribute>() is not null) && InputRules.IsChecked(property.PropertyType))
                {
                    Add(page, property.Name, InputRules.Check(property.GetValue(page), property.Name, requirePresent: false), refused);
                }
            }

            foreach (var (name, value) in context.HandlerArguments)
            {
                Add(page, name, InputRules.Check(value, name, requirePresent: false), refused);
            }

            if (refused.Count > 0)
            {
                context.HttpContext.Items[RefusedKeys] = refused;
            }
        }

        await next();
    }

    private static void Add(PageModel page, string prefix, List<InputRules.Violation> violations, HashSet<string> refused)
    {
        foreach (var violation in violations)
        {
            // "Input.name" → "Input.Name", as the form's asp-for names it.
            var key = string.Join('.', violation.Field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
            page.ModelState.AddModelError(key, violation.Message);
            refused.Add(key);
        }
    }
}
