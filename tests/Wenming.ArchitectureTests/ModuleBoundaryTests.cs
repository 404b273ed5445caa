using System.Runtime.CompilerServices;

namespace Wenming.ArchitectureTests;

public class ModuleBoundaryTests
{
    private static readonly System.Reflection.Assembly Web = typeof(Wenming.Web.Composition).Assembly;

    [Fact]
    public void Modules_UseEachOtherOnlyThroughContracts_InCompiledTypes()
    {
        var violations = Web.GetTypes().SelectMany(ModuleBoundaries.TypeViolations).ToList();

        Assert.True(violations.Count == 0, "Module boundary violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Modules_UseEachOtherOnlyThroughContracts_InSource()
    {
        var modules = Path.Combine(RepoRoot(), "src", "Wenming.Web", "Modules");
        var files = Directory.EnumerateDirectories(modules)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories).Select(f => (Module: Path.GetFileName(dir), File: f)))
            .ToList();

        Assert.True(files.Count > 10, "expected the module sources under " + modules);
        var violations = files.SelectMany(f => ModuleBoundaries.SourceViolations(f.Module, Path.GetRelativePath(modules, f.File), File.ReadAllText(f.File))).ToList();
        Assert.True(violations.Count == 0, "Module boundary violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheRule_CatchesAReferenceToAnotherModulesInternals()
    {
        // Proof that the checks can fail: what a violation looks like to each of them.
        const string source = """
            using Wenming.Web.Modules.People.Domain;
            using Wenming.Web.Modules.Organization.Contracts;
            namespace Wenming.Web.Modules.Accounts.Features.Something;
            """;

        var found = ModuleBoundaries.SourceViolations("Accounts", "Something.cs", source).ToList();

        Assert.Single(found);
        Assert.Single(ModuleBoundaries.SourceViolations("People", "X.cs", "var ids = db.OrgUnits.Select(u => u.Id);"));
        Assert.Contains("Wenming.Web.Modules.People.Domain", found[0], StringComparison.Ordinal);
        Assert.False(ModuleBoundaries.IsAllowed("Accounts", "Wenming.Web.Modules.People.Features.RegisterPerson"));
        Assert.False(ModuleBoundaries.IsAllowed("Accounts", "Wenming.Web.Modules.People"));
        Assert.True(ModuleBoundaries.IsAllowed("Accounts", "Wenming.Web.Modules.People.Contracts"));
        Assert.True(ModuleBoundaries.IsAllowed("Accounts", "Wenming.Web.Platform.Data"));
        Assert.NotEmpty(ModuleBoundaries.TypeViolations(typeof(Wenming.Web.Modules.Accounts.Features.ArchitectureFixture.LeakyHandler)));
    }

    [Fact]
    public void Domain_DoesNotDependOnAspNetOrEf()
    {
        var violations = Web.GetTypes()
            .Where(t => t.Namespace?.Contains(".Domain", StringComparison.Ordinal) == true && t.Namespace.StartsWith(ModuleBoundaries.ModulesNamespace, StringComparison.Ordinal))
            .Where(t => t.Name != "AppUser") // Identity's user type is an EF/Identity entity by design (ADR 0003).
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
                .Concat(t.GetProperties().Select(p => p.PropertyType))
                .Where(u => u.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true || u.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true)
                .Select(u => $"{t.FullName} uses {u.FullName}"))
            .ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
