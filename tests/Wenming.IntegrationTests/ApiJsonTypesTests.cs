using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web;

namespace Wenming.IntegrationTests;

/// <summary>
/// Every JSON body the API reads or writes has source-generated serialization metadata (<see cref="ApiJsonContext"/>,
/// ADR 0084): a type missing from the list still works, through System.Text.Json's reflection, but its metadata is
/// then made by reflection and JIT-compiled at start, before the first answer. After adding or changing an endpoint's
/// request or response type, regenerate the list with
/// <c>WENMING_WRITE_API_JSON_TYPES=1 dotnet test tests/Wenming.IntegrationTests --filter ApiJsonTypesTests</c>
/// (docs/testing.md) and build again.
/// </summary>
public sealed class ApiJsonTypesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string ListFile = "src/Wenming.Web/ApiJsonContext.Types.cs";

    [DatabaseFact]
    public void Every_request_and_response_type_of_the_API_has_generated_metadata()
    {
        var types = EndpointJsonTypes();
        Assert.True(types.Count > 100, $"only {types.Count} JSON types found on the endpoints");

        var generated = ListSource(types);
        var file = Path.Combine(Wenming.UnitTests.Repository.Root(), ListFile);
        if (Environment.GetEnvironmentVariable("WENMING_WRITE_API_JSON_TYPES") == "1")
        {
            File.WriteAllText(file, generated);
            return;
        }

        var missing = types.Where(t => ApiJsonContext.Default.GetTypeInfo(t) is null).Select(CSharpName).ToList();
        Assert.True(generated == File.ReadAllText(file) && missing.Count == 0,
            $"{ListFile} is not the list of the API's JSON types (without generated metadata: {string.Join(", ", missing)}); " +
            "regenerate it (WENMING_WRITE_API_JSON_TYPES=1 dotnet test tests/Wenming.IntegrationTests --filter ApiJsonTypesTests) and build again.");
    }

    /// <summary>The types the API's endpoints declare as their JSON request body or response, that code can name.</summary>
    private List<Type> EndpointJsonTypes()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal));
        var types = new HashSet<Type>();
        foreach (var endpoint in endpoints)
        {
            foreach (var produces in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>())
            {
                if (produces.Type is { } type && produces.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))
                {
                    types.Add(type);
                }
            }

            foreach (var accepts in endpoint.Metadata.OfType<IAcceptsMetadata>())
            {
                if (accepts.RequestType is { } type && accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))
                {
                    types.Add(type);
                }
            }
        }

        return [.. types.Where(Nameable).OrderBy(CSharpName, StringComparer.Ordinal)];
    }

    /// <summary>Only the app's own types (the framework's problem details have their own metadata), and only those C# can name.</summary>
    private static bool Nameable(Type type) =>
        type.Assembly == typeof(ApiJsonContext).Assembly || (type.IsGenericType && type.GetGenericArguments().Any(a => a.Assembly == typeof(ApiJsonContext).Assembly))
            ? Visible(type) && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null
            : type.IsArray && Nameable(type.GetElementType()!);

    private static bool Visible(Type type) =>
        (type.IsPublic || type.IsNestedPublic || type.IsNestedAssembly || type.IsNotPublic && !type.IsNested)
        && (type.DeclaringType is null || Visible(type.DeclaringType))
        && type.GetGenericArguments().All(a => a.IsGenericParameter || Visible(a) || a.IsPrimitive);

    /// <summary>The listed types and every type their properties reach, as the generator walks them.</summary>
    private static HashSet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            var inner = type.IsArray ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
            var properties = type.Assembly == typeof(ApiJsonContext).Assembly && !type.IsEnum
                ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.PropertyType)
                : [];
            foreach (var next in inner.Concat(properties).Where(t => !t.IsGenericParameter))
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    /// <summary>The generator's name for a type's metadata: its name, a generic one's with its arguments' names after it.</summary>
    private static string GeneratedName(Type type) =>
        type.IsArray ? GeneratedName(type.GetElementType()!) + "Array"
        : type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(GeneratedName))
        : type.Name;

    /// <summary>The module a type belongs to (Wenming.Web.Modules.&lt;Module&gt;…), or its first argument's.</summary>
    private static string Module(Type type) =>
        type.IsArray ? Module(type.GetElementType()!)
        : type.IsGenericType && type.Assembly != typeof(ApiJsonContext).Assembly ? Module(type.GetGenericArguments().First(a => a.Assembly == typeof(ApiJsonContext).Assembly))
        : (type.Namespace ?? "").Split('.').SkipWhile(p => p != "Modules").Skip(1).FirstOrDefault() ?? "Platform";

    private static string CSharpName(Type type)
    {
        if (type.IsArray)
        {
            return CSharpName(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return CSharpName(inner) + "?";
        }

        var name = type.IsNested ? CSharpName(type.DeclaringType!) + "." + type.Name : "global::" + type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        var own = type.IsNested ? type.GetGenericArguments().Skip(type.DeclaringType!.GetGenericArguments().Length) : type.GetGenericArguments();
        return name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", own.Select(CSharpName)) + ">";
    }

    private static string ListSource(List<Type> types)
    {
        var source = new StringBuilder();
        source.Append("// Generated by ApiJsonTypesTests (tests/Wenming.IntegrationTests): the JSON bodies of the API's endpoints.\n");
        source.Append("// Regenerate: WENMING_WRITE_API_JSON_TYPES=1 dotnet test tests/Wenming.IntegrationTests --filter ApiJsonTypesTests\n");
        source.Append("using System.Text.Json.Serialization;\n\nnamespace Wenming.Web;\n\n");
        // The generator names each type's metadata after the type's own name; two modules' types of one name (and the
        // lists of them) are listed with their module's name in front.
        var collisions = Reachable(types).GroupBy(GeneratedName).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        foreach (var type in types.Where(t => !collisions.Contains(t)))
        {
            source.Append("[JsonSerializable(typeof(").Append(CSharpName(type)).Append("))]\n");
        }

        foreach (var type in collisions.OrderBy(CSharpName, StringComparer.Ordinal))
        {
            source.Append("[JsonSerializable(typeof(").Append(CSharpName(type)).Append("), TypeInfoPropertyName = \"")
                .Append(Module(type)).Append(GeneratedName(type)).Append("\")]\n");
        }

        source.Append("internal sealed partial class ApiJsonContext;\n");
        return source.ToString();
    }
}
