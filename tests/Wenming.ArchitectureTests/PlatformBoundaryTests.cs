using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Wenming.ArchitectureTests;

/// <summary>
/// Platform/ is what the modules stand on, so it depends on none of them (ADR 0027): no file under Platform/
/// names a Wenming.Web.Modules namespace, and no compiled platform type uses a module type in its signatures,
/// fields or dependencies. What a module must give the platform goes through a platform-owned interface
/// (IOrgUnitNode, IActorResolver, IEntityTypeConfiguration found in the assembly).
/// </summary>
public partial class PlatformBoundaryTests
{
    private static readonly Assembly Web = typeof(Wenming.Web.Composition).Assembly;

    [Fact]
    public void Platform_UsesNoModule_InSource()
    {
        var platform = Path.Combine(RepoRoot(), "src", "Wenming.Web", "Platform");
        var files = Directory.EnumerateFiles(platform, "*.cs", SearchOption.AllDirectories).ToList();

        Assert.True(files.Count > 20, "expected the platform sources under " + platform);
        var violations = files.SelectMany(f => SourceViolations(Path.GetRelativePath(platform, f), File.ReadAllText(f))).ToList();
        Assert.True(violations.Count == 0, "Platform depends on modules:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Platform_UsesNoModule_InCompiledTypes()
    {
        var violations = Web.GetTypes().SelectMany(TypeViolations).ToList();

        Assert.True(violations.Count == 0, "Platform depends on modules:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheRule_CatchesAPlatformFileOrTypeThatUsesAModule()
    {
        // Proof that both checks can fail: what a violation looks like to each of them.
        Assert.Single(SourceViolations("Data/AppDbContext.cs", "using Wenming.Web.Modules.Organization.Domain;\nnamespace Wenming.Web.Platform.Data;"));
        Assert.Single(SourceViolations("Scope/CurrentActor.cs", "public bool IsAdmin => Roles.Any(Modules.Accounts.Contracts.Roles.IsAdmin);"));
        Assert.Empty(SourceViolations("Scope/OrgScope.cs", "// Modules/ sit on top of this; Wenming.Web.Platform.Data is fine."));
        Assert.NotEmpty(TypeViolations(typeof(Wenming.Web.Platform.ArchitectureFixture.PlatformLeak)));
    }

    public static IEnumerable<string> SourceViolations(string fileName, string source) =>
        ModuleNamespace().Matches(source).Select(m => $"{fileName}: uses {m.Value}");

    public static IEnumerable<string> TypeViolations(Type type)
    {
        if (type.Namespace?.StartsWith("Wenming.Web.Platform", StringComparison.Ordinal) != true)
        {
            return [];
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

        return used.SelectMany(Flatten).Distinct()
            .Where(u => u.Namespace?.StartsWith(ModuleBoundaries.ModulesNamespace, StringComparison.Ordinal) == true)
            .Select(u => $"{type.FullName} uses {u.FullName}");
    }

    private static IEnumerable<Type> Flatten(Type t) =>
        t.HasElementType ? Flatten(t.GetElementType()!)
        : t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Prepend(t)
        : [t];

    // "Wenming.Web.Modules.X" and the relative "Modules.X." that code inside Wenming.Web may write.
    [GeneratedRegex(@"\b(?:Wenming\.Web\.)?Modules\.[A-Z]\w*")]
    private static partial Regex ModuleNamespace();

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
