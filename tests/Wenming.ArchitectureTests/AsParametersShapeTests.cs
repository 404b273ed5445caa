using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Wenming.ArchitectureTests;

/// <summary>
/// The request delegate generator (ADR 0073) binds an [AsParameters] type through its constructor if it has one with
/// parameters, ignoring its other properties, and a non-nullable value property is required (no query string → 400).
/// So every such type has only the parameterless constructor and settable properties with nullable values, the
/// defaults applied in code: then the generator and the runtime binder bind it alike (ADR 0069).
/// </summary>
public class AsParametersShapeTests
{
    private static readonly Assembly Web = typeof(Wenming.Web.Composition).Assembly;

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void AsParametersTypes_HaveOnlySettableNullableProperties()
    {
        var types = Web.GetTypes()
            .SelectMany(t => t.GetMethods(Everything))
            .SelectMany(m => m.GetParameters())
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
            .Select(p => p.ParameterType)
            .Distinct()
            .ToList();

        Assert.True(types.Count >= 30, $"expected the app's [AsParameters] types, found {types.Count}");
        var violations = types.SelectMany(Violations).ToList();
        Assert.True(violations.Count == 0, "[AsParameters] types the generator would bind wrongly:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheRule_CatchesAConstructorAndARequiredValue()
    {
        Assert.Equal(3, Violations(typeof(PositionalSample)).Count()); // the constructor, two init-only properties
        Assert.Single(Violations(typeof(RequiredValueSample)));
        Assert.Empty(Violations(typeof(GoodSample)));
    }

    private static IEnumerable<string> Violations(Type type)
    {
        var constructors = type.GetConstructors();
        if (constructors.Length != 1 || constructors[0].GetParameters().Length != 0)
        {
            yield return $"{type.Name}: a constructor with parameters (only the parameterless one is bound alike)";
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // A get-only (computed) property is not bound by either binder: PageRequest.SafePage.
            if (property.SetMethod is not { } setter)
            {
                continue;
            }

            var initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            if (!setter.IsPublic || initOnly)
            {
                yield return $"{type.Name}.{property.Name}: not {{ get; set; }}";
            }
            else if (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                yield return $"{type.Name}.{property.Name}: a non-nullable value is required when bound as a property";
            }
        }
    }

    private sealed record PositionalSample(string? Q, int Page = 1);

    private sealed record RequiredValueSample
    {
        public int Page { get; set; }
    }

    private sealed record GoodSample
    {
        public string? Q { get; set; }

        public int? Page { get; set; }
    }
}
