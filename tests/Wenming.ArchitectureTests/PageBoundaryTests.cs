using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Wenming.Web.Platform.Data;

namespace Wenming.ArchitectureTests;

/// <summary>
/// The pages follow the modules (ADR 0026): Pages/X holds module X's UI and may use X itself and
/// other modules' Contracts only; no page reads tables (AppDbContext) itself; the shell (the pages
/// at the root, Shared/, Ops/) sees modules only through their Contracts; every folder is a module
/// or a known shell folder.
/// </summary>
public partial class PageBoundaryTests
{
    private static readonly Assembly Web = typeof(Wenming.Web.Composition).Assembly;

    /// <summary>Folders of the app shell, not of a module (Ops belongs to Platform).</summary>
    private static readonly HashSet<string> ShellFolders = ["Shared", "Ops"];

    // Debt, not permission: the welcome page and 我的 still call Accounts' MeHandler (and 我的 People's
    // GetPersonHandler) because no contract offers the signed-in person's own record yet; the home pages
    // are rebuilt by the journeys issue (11), which takes these two off the list.
    private static readonly HashSet<string> Pending =
    [
        "Index.cshtml.cs",
        "Me.cshtml.cs",
    ];

    [GeneratedRegex(@"\bModules\.(?<module>[A-Z][A-Za-z]*)(?:\.(?<part>[A-Za-z]+))?")]
    private static partial Regex ModuleReference();

    private static HashSet<string> ModuleNames() =>
        Directory.EnumerateDirectories(Path.Combine(WebRoot(), "Modules")).Select(d => Path.GetFileName(d)).ToHashSet();

    /// <summary>
    /// Violations in one page file; <paramref name="relativePath"/> is under Pages/ ("People/Index.cshtml.cs").
    /// </summary>
    public static IEnumerable<string> SourceViolations(string relativePath, string source, IReadOnlySet<string> modules)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        var folder = parts.Length > 1 ? parts[0] : null;
        var isShell = folder is null || ShellFolders.Contains(folder);

        if (source.Contains("AppDbContext", StringComparison.Ordinal))
        {
            yield return $"{relativePath}: a page uses AppDbContext; read through a handler or a module's Contracts";
        }

        if (!isShell && !modules.Contains(folder!))
        {
            // Rule (d) is reported per folder; a page in an unknown folder has no module to check against.
            yield break;
        }

        foreach (Match m in ModuleReference().Matches(source))
        {
            var target = m.Groups["module"].Value;
            var part = m.Groups["part"].Value;
            if (part == "Contracts" || (!isShell && target == folder))
            {
                continue;
            }

            yield return isShell
                ? $"{relativePath}: the shell uses {m.Value}; only Contracts are for the shell"
                : $"{relativePath}: a {folder} page uses {m.Value}; another module only through its Contracts";
        }
    }

    /// <summary>Rule (d): folders under Pages/ that are neither a module nor a shell folder.</summary>
    public static IEnumerable<string> FolderViolations(IEnumerable<string> folders, IReadOnlySet<string> modules) =>
        folders.Where(f => !modules.Contains(f) && !ShellFolders.Contains(f))
            .Select(f => $"Pages/{f}: not a module's name (Modules/{f}) nor a shell folder");

    /// <summary>Rule (b) on the compiled types: a page type (or its helpers) takes or holds the context.</summary>
    public static IEnumerable<string> TypeViolations(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var held = type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetFields(all).Select(f => f.FieldType))
            .Concat(type.GetProperties(all).Select(p => p.PropertyType));
        if (held.Any(t => typeof(AppDbContext).IsAssignableFrom(t)))
        {
            yield return $"{type.FullName} takes AppDbContext";
        }
    }

    [Fact]
    public void Pages_UseOwnModuleAndOtherModulesContractsOnly_AndNoContext_InSource()
    {
        var pages = Path.Combine(WebRoot(), "Pages");
        var modules = ModuleNames();
        var files = Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(pages, f).Replace('\\', '/'))
            .ToList();

        Assert.True(files.Count > 50, "expected the page sources under " + pages);
        var violations = files
            .Where(f => !Pending.Contains(f))
            .SelectMany(f => SourceViolations(f, File.ReadAllText(Path.Combine(pages, f)), modules))
            .ToList();
        Assert.True(violations.Count == 0, "Page boundary violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void PageTypes_DoNotTakeTheContext()
    {
        var violations = Web.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Wenming.Web.Pages", StringComparison.Ordinal) == true)
            .Where(t => !IsExcepted(t))
            .SelectMany(TypeViolations)
            .ToList();

        Assert.True(violations.Count == 0, "Page types using AppDbContext:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void PageFolders_AreModulesOrShell()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(WebRoot(), "Pages")).Select(d => Path.GetFileName(d)!)
;

        var violations = FolderViolations(folders, ModuleNames()).ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void TheRules_CatchBadPages()
    {
        // Proof that each rule can fail: what a violation looks like to it.
        var modules = new HashSet<string> { "People", "Organization", "Accounts" };

        // (a) a People page using another module's features; its own module and Contracts are fine.
        Assert.Single(SourceViolations("People/Index.cshtml.cs", """
            using Wenming.Web.Modules.People.Features.SearchPeople;
            using Wenming.Web.Modules.Organization.Contracts;
            using Wenming.Web.Modules.Accounts.Features.Me;
            """, modules));

        // (b) a page reading tables itself, in source and in a compiled type.
        Assert.Single(SourceViolations("People/Detail.cshtml.cs", "public sealed class DetailModel(AppDbContext db) : AppPageModel", modules));
        Assert.Single(TypeViolations(typeof(ContextPage)));

        // (c) the shell using a module's internals, even through a relative name.
        Assert.Single(SourceViolations("Index.cshtml.cs", "var n = Modules.People.Domain.PoliticalStatus.Masses;", modules));
        Assert.Empty(SourceViolations("Shared/Labels.cs", "using Wenming.Web.Modules.People.Contracts;", modules));

        // (d) a folder named after no module.
        Assert.Single(FolderViolations(["People", "Shared", "Org"], modules));
    }

    /// <summary>A page model that takes the context: what rule (b) on compiled types must reject.</summary>
    private sealed class ContextPage(AppDbContext db)
    {
        public AppDbContext Db => db;
    }

    /// <summary>The exception lists name files; a compiled type is mapped back to its file by folder and name.</summary>
    private static bool IsExcepted(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        var folder = outer.Namespace!.Length > "Wenming.Web.Pages".Length
            ? outer.Namespace["Wenming.Web.Pages.".Length..].Replace('.', '/') + "/"
            : "";
        var name = outer.Name.EndsWith("Model", StringComparison.Ordinal) ? outer.Name[..^"Model".Length] + ".cshtml.cs" : outer.Name + ".cs";
        var file = folder + name;
        return Pending.Contains(file);
    }

    private static string WebRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "Wenming.Web"));
}
