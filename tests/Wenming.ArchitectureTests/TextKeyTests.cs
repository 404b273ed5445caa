using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Wenming.Web.Platform.Localization;

namespace Wenming.ArchitectureTests;

/// <summary>
/// The text keys (ADR 0028): each defined once, each used in code or a page defined, each defined one used.
/// Keys built at run time ("Orders.status." + status) are declared below with the enum they cover, or as an
/// open family when the tail is a string (field names, error codes); an undeclared dynamic prefix fails.
/// </summary>
public partial class TextKeyTests
{
    /// <summary>A key family built at run time: the prefix, and the enum whose names complete it (null: open, any tail).</summary>
    public sealed record Family(string Prefix, string? Enum, params string[] Extra)
    {
        /// <summary>Enum values the code never looks up.</summary>
        public string[] Except { get; init; } = [];

        public IEnumerable<string> Keys(Func<string, IEnumerable<string>> enumNames) =>
            enumNames(Enum!).Except(Except).Concat(Extra).Select(n => Prefix + n);
    }

    public static readonly Family[] Dynamic =
    [
        new("Archive.gap.", "AttachmentKind") { Except = ["Other"] }, // only ActivityArchive.RequiredAttachments leave a gap
        new("Archive.kind.", "AttachmentKind"),
        new("Archive.step.", "ChecklistStep"),
        new("Assessment.code.", null), // AssessmentSchemesHandler.Label: indicator codes, guarded by Text.Has
        new("Assessment.level.", null), // AssessmentSchemesHandler.Title: "Township", "Village"
        new("Assessment.status.", "AssessmentStatus"),
        new("Attendance.", null), // AttendanceErrors: "Attendance." + error code
        new("Audit.prop.", null), // AuditVocabulary.Field: the log's glossary of property names, guarded by Text.Has
        new("Award.category.", "AwardCategory"),
        new("Award.status.", "AwardStatus"),
        new("Award.field.", null), // ProposeAward: field names
        new("Award.ui.tab.", null), // Awards/Index: tab names
        new("Content.field.", null), // ArticlesHandler: field names
        new("Content.kind.", "ArticleKind"),
        new("Content.status.", "ArticleStatus"),
        new("Excel.col.", null), // column names
        new("Fieldwork.item.", "SiteItem"),
        new("Fieldwork.light.", "Light"),
        new("Fund.channel.", "DonationChannel"),
        new("Fund.col.", null), // FundExports: column names
        new("Fund.field.", null), // field names of the fund's requests
        new("Fund.payment.", "PaymentStatus"),
        new("Fund.status.", "ProjectStatus"),
        new("Households.col.", null), // HouseholdsHandler.ExportAsync: column names
        new("Households.field.", null), // HouseholdsHandler.Required: field names
        new("Households.kind.", "HouseholdEventKind"),
        new("Households.light.", "HouseholdEventLight"),
        new("Households.status.", "HouseholdEventStatus"),
        new("Households.tag.", "HouseholdTag"),
        new("Market.col.", null),
        new("Market.field.", null),
        new("Market.source.", "StockSource"),
        new("Market.status.", "RedemptionStatus"),
        new("Orders.action.", "OrderAction", "Submit"),
        new("Orders.field.", null),
        new("Orders.light.", "OrderLight"),
        new("Orders.status.", "OrderStatus"),
        new("Orders.ui.tab.", null), // Orders/Board: tab names
        new("Points.field.", null),
        new("Points.kind.", "PointKind"),
        new("Points.source.", "PointRuleSource"),
        new("activity.category.", "ActivityCategory"),
        new("activity.status.", "ActivityStatus"),
        new("field.", null), // ApiResults: "field." + the validated property's name
        new("identity.", null), // ChineseIdentityErrorDescriber: ASP.NET Identity's error codes
        new("problem.title.", null), // HTTP status codes
        new("service_record.status.", "ServiceRecordStatus", "Reversal"),
        new("team.category.", "TeamCategory"),
        new("volunteer.status.", "VolunteerStatus"),
        new("Shell.audit.action.", "AuditAction"),
        new("Shell.entity.", null), // AuditModule names the platform entities; an open family for the earlier Labels.Entity
        new("Shell.gender.", "Gender"),
        new("Shell.level.", "OrgLevel"),
        new("Shell.political.", "PoliticalStatus"),
        new("Shell.prop.", null), // AuditVocabulary.Field: guarded by Text.Has
        new("Shell.role.", "Role"),
        new("Shell.status.", "OrgUnitStatus"),
        new("SocialOrgs.so.kind.", "SocialOrgKind"),
        new("SocialOrgs.so.status.", "SocialOrgStatus"),
        new("Supervision.entry.", "SupervisionEntryKind"),
        new("Supervision.field.", null), // SupervisionTasks: field names
        new("Supervision.light.", "SupervisionLight"),
        new("Supervision.light_hint.", "SupervisionLight"),
        new("Supervision.source.", "SupervisionSource"),
        new("Supervision.status.", "SupervisionStatus"),
        new("Supervision.category.", "InfoReportCategory"),
        new("Supervision.col.", null), // InfoReports export: column names
        new("Supervision.report_light_hint.", "SupervisionLight"),
        new("Supervision.ui.box.", null), // Reports: box tabs
    ];

    /// <summary>Key-shaped literals that are not looked up.</summary>
    public static readonly string[] NotKeys =
    [
        "org.", // ImportVolunteers: tells an org.* error code apart, the text comes with the error
    ];

    /// <summary>Notice keys passed whole to a helper that appends these (OrderNotices.Of, DecideAward.Notice).</summary>
    public static readonly string[] StemSuffixes = [".title", ".body"];

    private static readonly System.Reflection.Assembly Web = typeof(Text).Assembly;

    [Fact]
    public void NoKey_IsDefinedTwice()
    {
        var duplicates = Duplicates(DefinedKeys());
        Assert.True(duplicates.Count == 0, "Keys defined in more than one .resx:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void EveryKey_HasExactlyOneOwner_AndEveryPrefix_OneClaim()
    {
        var claims = Web.GetCustomAttributes(typeof(TextsAttribute), false).Cast<TextsAttribute>().Select(a => (a.Resource, a.Prefixes)).ToList();
        var files = Web.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal) && !n.EndsWith(".g.resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length])
            .Select(n => (n, TextOwners.Keys(new System.Resources.ResourceManager(n, Web))))
            .ToList();

        Assert.True(files.Count > 10, "expected the module .resx files");
        var problems = TextOwners.Problems(claims, files);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryKeyUsedInCode_IsDefined()
    {
        var missing = Missing(DefinedKeys().Select(k => k.Key).ToHashSet(StringComparer.Ordinal), Sources(), Dynamic, EnumNames);
        Assert.True(missing.Count == 0, "Keys used but not defined:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryDefinedKey_IsUsed()
    {
        var unused = Unused(DefinedKeys().Select(k => k.Key).Distinct().ToList(), Sources(), Dynamic, EnumNames);
        Assert.True(unused.Count == 0, "Keys defined but never used (delete them, or declare the dynamic family that uses them):\n" + string.Join("\n", unused));
    }

    // Proofs: each check reports a sample that breaks it.
    [Fact]
    public void DuplicateCheck_ReportsAKeyInTwoFiles() =>
        Assert.Equal(["Orders.x: Orders.resx, Platform.resx"], Duplicates([("Orders.resx", "Orders.x"), ("Platform.resx", "Orders.x"), ("Orders.resx", "Orders.y")]));

    [Fact]
    public void OwnerCheck_ReportsAPrefixClaimedTwice_AndAnUnownedKey()
    {
        var problems = TextOwners.Problems(
            [("A", ["Orders"]), ("B", ["Orders"])],
            [("A", ["Orders.x"]), ("B", []), ("Wenming.Web.Resources.Ui", ["ui.new_button"])]);

        Assert.Contains(problems, p => p.Contains("prefix 'Orders.' is claimed by both A and B", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("key 'ui.new_button' in Wenming.Web.Resources.Ui has no owner", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingCheck_ReportsAnUndefinedKey_AnUndeclaredDynamicPrefix_AndAnEnumValueWithoutText()
    {
        var defined = new HashSet<string>(["Orders.title", "Orders.status.Open"], StringComparer.Ordinal);
        var source = """Text.Get("Orders.title"); Text.Get("Orders.gone"); Text.Get("Orders.kind." + k); Text.Get("Orders.status." + s);""";

        var missing = Missing(defined, [("Sample.cs", source)], [new("Orders.status.", "Sample")], _ => ["Open", "Closed"]);

        Assert.Equal(["Sample.cs: Orders.gone", "Sample.cs: dynamic prefix Orders.kind. is not declared in TextKeyTests.Dynamic", "Orders.status.Closed (enum Sample)"], missing);
    }

    [Fact]
    public void UnusedCheck_ReportsAKeyNoCodeUses()
    {
        var unused = Unused(["Orders.title", "Orders.status.Open", "Orders.status.Gone", "Orders.orphan"], [("Sample.cs", """Get("Orders.title"); Get("Orders.status." + s);""")],
            [new("Orders.status.", "Sample")], _ => ["Open"]);

        Assert.Equal(["Orders.status.Gone", "Orders.orphan"], unused);
    }

    public static List<string> Duplicates(IEnumerable<(string File, string Key)> defined) =>
        defined.GroupBy(d => d.Key, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(d => d.File).Order(StringComparer.Ordinal))).ToList();

    public static List<string> Missing(IReadOnlySet<string> defined, IEnumerable<(string File, string Text)> sources, IReadOnlyList<Family> dynamic, Func<string, IEnumerable<string>> enumNames)
    {
        var prefixes = defined.Select(Prefix).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (file, text) in sources)
        {
            foreach (var literal in Literals(text).Where(l => prefixes.Contains(Prefix(l)) && !NotKeys.Contains(l)).Distinct())
            {
                if (literal.EndsWith('.'))
                {
                    if (!dynamic.Any(f => f.Prefix == literal))
                    {
                        missing.Add($"{file}: dynamic prefix {literal} is not declared in TextKeyTests.Dynamic");
                    }
                }
                else if (!defined.Contains(literal) && !StemSuffixes.All(s => defined.Contains(literal + s)))
                {
                    missing.Add($"{file}: {literal}");
                }
            }
        }

        foreach (var family in dynamic.Where(f => f.Enum is not null))
        {
            missing.AddRange(family.Keys(enumNames).Where(k => !defined.Contains(k)).Select(k => $"{k} (enum {family.Enum})"));
        }

        return missing;
    }

    public static List<string> Unused(IReadOnlyList<string> defined, IEnumerable<(string File, string Text)> sources, IReadOnlyList<Family> dynamic, Func<string, IEnumerable<string>> enumNames)
    {
        var used = sources.SelectMany(s => Literals(s.Text)).ToHashSet(StringComparer.Ordinal);
        foreach (var family in dynamic.Where(f => used.Contains(f.Prefix) && f.Enum is not null))
        {
            used.UnionWith(family.Keys(enumNames));
        }

        var open = dynamic.Where(f => f.Enum is null && used.Contains(f.Prefix)).Select(f => f.Prefix).ToList();
        return defined.Where(k => !used.Contains(k)
            && !open.Any(p => k.StartsWith(p, StringComparison.Ordinal))
            && !StemSuffixes.Any(s => k.EndsWith(s, StringComparison.Ordinal) && used.Contains(k[..^s.Length]))).ToList();
    }

    private static string Prefix(string key) => key.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot ? key[..dot] : key;

    /// <summary>Every double-quoted, key-shaped string; overlapping, so <c>"@Text.Get("ui.x")"</c> in a page attribute is found too.</summary>
    private static IEnumerable<string> Literals(string text) => KeyLiteral().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"(?=""([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_.]*)"")")]
    private static partial Regex KeyLiteral();

    private static IEnumerable<string> EnumNames(string name) =>
        Web.GetTypes().Single(t => t.IsEnum && t.Name == name).GetEnumNames();

    private static List<(string File, string Key)> DefinedKeys() =>
        Directory.EnumerateFiles(WebRoot(), "*.resx", SearchOption.AllDirectories)
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (Path.GetRelativePath(WebRoot(), f), (string)d.Attribute("name")!)))
            .ToList();

    private static List<(string File, string Text)> Sources() =>
        Directory.EnumerateFiles(WebRoot(), "*.cs*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(WebRoot(), f), File.ReadAllText(f)))
            .ToList();

    private static string WebRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "Wenming.Web"));
}
