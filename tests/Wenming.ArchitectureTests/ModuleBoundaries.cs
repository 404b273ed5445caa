using System.Reflection;
using System.Text.RegularExpressions;

namespace Wenming.ArchitectureTests;

/// <summary>
/// The rule of the modular monolith (STYLE.md): code in Modules/X may use another module Y only
/// through Y's Contracts namespace. Checked two ways — the compiled types' signatures and
/// constructor dependencies (how handlers couple through DI), and the source's namespace
/// references (which also catches uses inside method bodies).
/// </summary>
public static partial class ModuleBoundaries
{
    public const string ModulesNamespace = "Wenming.Web.Modules.";

    [GeneratedRegex(@"Wenming\.Web\.Modules\.(?<module>[A-Za-z]+)\.(?<part>[A-Za-z]+)")]
    private static partial Regex ModuleReference();

    /// <summary>The module a namespace belongs to, or null outside Modules.</summary>
    public static string? ModuleOf(string? ns)
    {
        if (ns is null || !ns.StartsWith(ModulesNamespace, StringComparison.Ordinal))
        {
            return null;
        }

        return ns[ModulesNamespace.Length..].Split('.')[0];
    }

    public static bool IsAllowed(string fromModule, string? targetNamespace)
    {
        var target = ModuleOf(targetNamespace);
        if (target is null || target == fromModule)
        {
            return true;
        }

        var rest = targetNamespace![(ModulesNamespace.Length + target.Length)..];
        // The module's root class (XModule: AddX/MapX) is for the composition root only, so it is not allowed either.
        return rest.StartsWith(".Contracts", StringComparison.Ordinal);
    }

    /// <summary>
    /// The shared context's shortcut properties name no namespace, so they are mapped to the module
    /// that owns their table here.
    /// </summary>
    private static readonly Dictionary<string, string> ContextShortcuts = new()
    {
        ["OrgUnits"] = "Organization",
        ["Users"] = "Accounts",
    };

    [GeneratedRegex(@"\bdb\.(?<set>[A-Za-z]+)\b")]
    private static partial Regex ContextSetUse();

    /// <summary>Violations found in one source file of module <paramref name="module"/>.</summary>
    public static IEnumerable<string> SourceViolations(string module, string fileName, string source)
    {
        foreach (Match m in ContextSetUse().Matches(source))
        {
            if (ContextShortcuts.TryGetValue(m.Groups["set"].Value, out var owner) && owner != module)
            {
                yield return $"{fileName}: {module} reads {owner}'s table through {m.Value}";
            }
        }

        foreach (Match m in ModuleReference().Matches(source))
        {
            var target = m.Groups["module"].Value;
            if (target != module && m.Groups["part"].Value != "Contracts")
            {
                yield return $"{fileName}: {module} uses {m.Value}";
            }
        }
    }

    public static IEnumerable<string> TypeViolations(Type type)
    {
        var module = ModuleOf(type.Namespace);
        if (module is null)
        {
            yield break;
        }

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type>();
        if (type.BaseType is not null)
        {
            used.Add(type.BaseType);
        }

        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(all).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                used.Add(info.ReturnType);
            }
        }

        foreach (var usedType in used.SelectMany(Flatten).Distinct())
        {
            if (!IsAllowed(module, usedType.Namespace))
            {
                yield return $"{type.FullName} ({module}) uses {usedType.FullName}";
            }
        }
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        if (t.HasElementType)
        {
            foreach (var inner in Flatten(t.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        yield return t;
        if (t.IsGenericType)
        {
            foreach (var arg in t.GetGenericArguments().SelectMany(Flatten))
            {
                yield return arg;
            }
        }
    }
}
