using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Wenming.ArchitectureTests;

/// <summary>
/// Reading past the org scope is one named call, <c>Unscoped(because: Why.X)</c> (ADR 0027), and only the
/// places on <see cref="Allowed"/> may make it, each for the purposes listed there. ADR 0005 promises that
/// such places are easy to find and review: this list is where a reviewer finds them.
/// </summary>
public class UnscopedReadsTests
{
    /// <summary>
    /// Every file (relative to src/Wenming.Web) that reads or writes past the org scope, the purposes it does
    /// it for, and why. Adding a place or a purpose here is a review decision: say why in one line.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string[] Purposes, string Reason)> Allowed = new Dictionary<string, (string[], string)>
    {
        ["Demo/DemoCounty.cs"] = (["SystemOperation"], "seeding checks whether any unit exists at all"),
        ["Modules/Accounts/Contracts/IAccountDirectory.cs"] = (["CrossUnitReference"], "notice recipients: a person's accounts and a unit's admins may be bound outside the caller's subtree"),
        ["Modules/Accounts/Features/CreateAccount/CreateAccount.cs"] = (["Uniqueness"], "login names are unique on the whole platform"),
        ["Modules/Accounts/Features/OwnPhone/ChangeOwnPhone.cs"] = (["Uniqueness"], "a mobile number signs in to one account on the whole platform"),
        ["Modules/Accounts/Features/Privacy/AccountsPersonData.cs"] = (["PersonalData"], "a person's accounts are exported and anonymized wherever they are bound"),
        ["Modules/Accounts/Features/PasswordReset/PasswordReset.cs"] = (["SignIn"], "a forgotten password finds its account before there is an actor"),
        ["Modules/Accounts/Features/SignIn/ActorResolver.cs"] = (["SignIn"], "each request re-reads its account before the actor is known"),
        ["Modules/Accounts/Features/SignIn/RefreshTokens.cs"] = (["SignIn"], "refreshing a token finds the account before the actor is known"),
        ["Modules/Accounts/Features/SignIn/SignInService.cs"] = (["SignIn"], "signing in finds the account before the actor is known"),
        ["Modules/Accounts/Features/SignUp/SignUp.cs"] = (["PublicDisclosure", "SignIn", "Uniqueness"], "a sign-up is taken before there is an actor (villages' names are public); ID numbers and sign-in numbers are unique county- and platform-wide"),
        ["Modules/Activities/Contracts/IActivityDirectory.cs"] = (["PublicDisclosure", "SystemOperation"], "reactions to events look up the activity their source already authorized; the public portal lists published activities"),
        ["Modules/Activities/Features/ActivityDto.cs"] = (["UnitAbove"], "activities of the units above the caller are open to them"),
        ["Modules/Activities/Features/CalendarFeed/CalendarFeed.cs"] = (["OwnRecords"], "the feed token stands in for its person, whose enrollments may be anywhere"),
        ["Modules/Activities/Features/CancelEnrollment/CancelEnrollment.cs"] = (["UnitAbove"], "a volunteer may cancel an enrollment in an activity of a unit above"),
        ["Modules/Activities/Features/CheckIn/CheckIn.cs"] = (["UnitAbove"], "a volunteer may check in to an activity of a unit above"),
        ["Modules/Activities/Features/Enroll/Enroll.cs"] = (["UnitAbove"], "a volunteer may enroll in an activity of a unit above"),
        ["Modules/Activities/Features/ListMyActivities/ListMyActivities.cs"] = (["OwnRecords"], "我的活动: a volunteer's own enrollments, whose activities may belong to a unit above"),
        ["Modules/Activities/Features/ListNearbyActivities/ListNearbyActivities.cs"] = (["UnitAbove"], "nearby activities include those of the units above"),
        ["Modules/Content/ContentDemo.cs"] = (["SystemOperation"], "the demo articles are written in several units at once"),
        ["Modules/Content/Features/PublicArticlesHandler.cs"] = (["PublicDisclosure"], "published articles of a unit and the units above it, and their pictures, for anyone"),
        ["Modules/Fund/Features/Disclosure/Disclosure.cs"] = (["PublicDisclosure"], "the fund's public disclosure: anyone sees a county's donations (anonymous donors masked), projects and spending"),
        ["Modules/Households/Features/Events/HouseholdEventsHandler.cs"] = (["CrossUnitReference", "OwnRecords"], "a contact person's households and their events wherever the login is bound; the village's name"),
        ["Modules/Households/Features/Events/MonthlyVisits.cs"] = (["SystemOperation"], "making the month's visit events checks the household's events whoever changed its tags"),
        ["Modules/Households/Features/Households/HouseholdDirectory.cs"] = (["CrossUnitReference"], "a household's total spans its members' units"),
        ["Modules/Households/Features/Households/HouseholdsHandler.cs"] = (["CrossUnitReference", "OwnRecords"], "my household and the households I keep in touch with; the household a person moves out of; names of contact person and village"),
        ["Modules/Market/Features/GoodsPhoto/GoodsPhotoHandler.cs"] = (["UnitAbove"], "a resident sees the photos of a township shelf above them"),
        ["Modules/Market/Features/ManageGoods/GoodsHandler.cs"] = (["UnitAbove"], "a resident's shelf includes the goods of the units above"),
        ["Modules/Market/Features/MarketAccess.cs"] = (["OwnRecords", "UnitAbove"], "goods on the shelves above; a resident's own redemptions"),
        ["Modules/Market/Features/Redeem/Redeem.cs"] = (["UnitAbove"], "redeeming at a shelf above (a pickup code clash is left to the unique index)"),
        ["Modules/Market/Features/Redemptions/RedemptionsHandler.cs"] = (["OwnRecords", "UnitAbove"], "a resident's own redemptions, which sit at the goods' unit"),
        ["Modules/Orders/Contracts/IServiceCatalogue.cs"] = (["PublicDisclosure"], "the portal's service menu: a unit's active catalog items, for anyone"),
        ["Modules/Orders/Features/DeadlineRules/DeadlineRules.cs"] = (["UnitAbove"], "the county's time limits apply in its every unit"),
        ["Modules/Orders/Features/FollowOrder/FollowOrder.cs"] = (["CrossUnitReference"], "a withdrawal notifies the order's team, which may be another unit's"),
        ["Modules/Orders/Features/ListOrders/ListOrders.cs"] = (["CrossUnitReference", "OwnRecords"], "my orders; a leader's team orders wherever the leader's account is bound; a department's orders passed to it (ADR 0060)"),
        ["Modules/Orders/Features/OrderAccess.cs"] = (["CrossUnitReference", "UnitAbove"], "an order is found for everyone with business in it; the county's time limits"),
        ["Modules/Orders/Features/OrderDto.cs"] = (["CrossUnitReference", "UnitAbove"], "an order names its catalog item (maybe the county's) and its team (maybe another unit's)"),
        ["Modules/Orders/Features/OrderPhotos/OrderPhotos.cs"] = (["CrossUnitReference"], "the order's photos are shared by requester, handling unit and team"),
        ["Modules/Orders/Features/OrderSteps.cs"] = (["CrossUnitReference"], "a step authorized on the order writes notices and records for other units"),
        ["Modules/Orders/Features/Privacy/OrdersPersonData.cs"] = (["PersonalData"], "a person's orders are exported and anonymized wherever they are"),
        ["Modules/Orders/Features/ServiceItems/ServiceItems.cs"] = (["UnitAbove"], "the catalog a resident may order from includes the units above"),
        ["Modules/Orders/Features/SubmitOrder/SubmitOrder.cs"] = (["UnitAbove"], "an order to a catalog item of a unit above is saved at that unit"),
        ["Modules/Organization/Features/CreateOrgUnit/CreateOrgUnit.cs"] = (["Uniqueness"], "division codes are unique on the whole platform"),
        ["Modules/Organization/Features/MoveOrgUnit/MoveOrgUnit.cs"] = (["Uniqueness"], "division codes are unique on the whole platform"),
        ["Modules/Organization/Features/SetOrgUnitStatus/SetOrgUnitStatus.cs"] = (["CrossUnitReference"], "a unit's status depends on its children and its parent"),
        ["Modules/Organization/OrganizationModule.cs"] = (["CrossUnitReference"], "the directory's unscoped look-ups of a unit and its contact"),
        ["Modules/People/Features/RegisterPerson/PeopleRegistry.cs"] = (["Uniqueness"], "an ID number is one person in the county"),
        ["Modules/People/Features/RegisterPerson/RegisterPerson.cs"] = (["Uniqueness"], "an ID number is one person in the county"),
        ["Modules/People/PeopleModule.cs"] = (["CrossUnitReference", "SystemOperation"], "a household spans units; the start-up key check samples any cipher"),
        ["Modules/Points/Features/Accounts/PointAccounts.cs"] = (["CrossUnitReference", "OwnRecords"], "one account per person whatever unit holds it; one's own account"),
        ["Modules/Points/Features/Earning/ServiceHoursEarning.cs"] = (["SystemOperation"], "reacting to a reversed service record finds its earning wherever it was posted"),
        ["Modules/Points/Features/Ledger/PointsLedger.cs"] = (["CrossUnitReference"], "the ledger posts to a person's one account, which follows them between units"),
        ["Modules/Points/Features/Privacy/PointsPersonActivity.cs"] = (["PersonalData"], "a person's last points activity, for the retention sweep"),
        ["Modules/Points/Features/Reversal/ReverseTransaction.cs"] = (["CrossUnitReference"], "the reversal row is shown after posting, wherever the account sits"),
        ["Modules/Points/Features/PublicBoard/PublicPointsBoard.cs"] = (["PublicDisclosure"], "the portal's points notices and ranking, names masked, for anyone"),
        ["Modules/Points/Features/Rules/PointRulesAdmin.cs"] = (["UnitAbove"], "the county's rules apply to the units below it"),
        ["Modules/Points/Features/Rules/PointRulesReader.cs"] = (["UnitAbove"], "the county's rules apply to the units below it"),
        ["Modules/Points/Features/Statement/Statement.cs"] = (["CrossUnitReference", "OwnRecords"], "one's own statement; the reversal of a listed row, wherever it is"),
        ["Modules/SocialOrgs/Features/PairingNames.cs"] = (["CrossUnitReference"], "a visible pairing names its partner organization registered above"),
        ["Modules/SocialOrgs/Features/RegisterSocialOrg/RegisterSocialOrg.cs"] = (["Uniqueness"], "organization names and codes are unique in the county"),
        ["Modules/SocialOrgs/Features/SocialOrgRules.cs"] = (["Uniqueness"], "organization names and codes are unique in the county"),
        ["Modules/Venues/Features/VenuePhotosHandler.cs"] = (["CrossUnitReference"], "a venue's photo opened by any unit of the county after the venue's check"),
        ["Modules/Venues/Features/VenuesHandler.cs"] = (["CrossUnitReference"], "a venue is seen county-wide, its photos are files of the owning unit"),
        ["Modules/Volunteers/Contracts/IVolunteerDirectory.cs"] = (["CrossUnitReference"], "the directory's unscoped look-ups of volunteers and teams for other modules"),
        ["Modules/Volunteers/Features/DecideServiceRecord/DecideServiceRecord.cs"] = (["CrossUnitReference"], "no one approves their own record, wherever they are registered"),
        ["Modules/Volunteers/Features/ExportServiceRecords/ExportServiceRecords.cs"] = (["CrossUnitReference"], "a record's volunteer may be registered outside the subtree"),
        ["Modules/Volunteers/Features/ImportVolunteers/ImportVolunteers.cs"] = (["Uniqueness"], "a person is a volunteer once in the county"),
        ["Modules/Volunteers/Features/IssueCertificate/IssueCertificate.cs"] = (["CrossUnitReference"], "a certificate counts service recorded by any unit"),
        ["Modules/Volunteers/Features/ListServiceRecords/ListServiceRecords.cs"] = (["CrossUnitReference"], "seeing a volunteer means seeing their whole record"),
        ["Pages/Orders/Board.cshtml.cs"] = (["CrossUnitReference"], "the board names the ordering and the handling unit, which may sit outside the caller's subtree"),
        ["Pages/Orders/Detail.cshtml.cs"] = (["CrossUnitReference"], "the dispatch list names the members of another unit's team the order went to"),
        ["Modules/Volunteers/Features/ListServiceRecords/ServiceRecordVolunteerNames.cs"] = (["CrossUnitReference"], "the hours report names volunteers who served here but are registered elsewhere"),
        ["Modules/Volunteers/Features/ListTeamMembers/ListTeamMembers.cs"] = (["CrossUnitReference"], "a county team has members from many villages"),
        ["Modules/Volunteers/Features/Privacy/VolunteersPersonData.cs"] = (["PersonalData"], "a person's volunteer rows are exported and anonymized wherever they are"),
        ["Modules/Volunteers/Features/RecordServiceHours/RecordServiceHours.cs"] = (["SystemOperation"], "the calling module authorized the source; the volunteer may be registered elsewhere"),
        ["Modules/Volunteers/Features/RegisterVolunteer/RegisterVolunteer.cs"] = (["Uniqueness"], "a person is a volunteer once in the county"),
        ["Modules/Volunteers/Features/ReverseServiceRecord/ReverseServiceRecord.cs"] = (["CrossUnitReference"], "one reversal per record and no self-reversal, wherever they live"),
        ["Modules/Volunteers/Features/ServiceRecordDto.cs"] = (["CrossUnitReference"], "a record's reversal and a volunteer's total come from any unit"),
        ["Modules/Volunteers/Features/ServiceRecordEventsOf.cs"] = (["SystemOperation"], "an event carries the volunteer's person, wherever they are registered"),
        ["Modules/Volunteers/Features/VerifyCertificate/VerifyCertificate.cs"] = (["PublicVerification"], "anyone may verify a certificate by its number"),
        ["Platform/Audit/AuditScrubber.cs"] = (["PersonalData"], "an anonymized person's audit entries are scrubbed in every unit"),
    };

    /// <summary>
    /// Page models that still lift the scope the old way; pagesA/pagesB move these reads into handlers and the
    /// rest are converted when the branches merge. Delete each entry as its file is converted.
    /// </summary>
    public static readonly IReadOnlySet<string> NotYetConverted = new HashSet<string>
    {
    };

    /// <summary>The one place allowed to call EF Core's IgnoreQueryFilters() and OrgScope.Unrestricted().</summary>
    public const string Implementation = "Platform/Data/UnscopedReads.cs";

    [Fact]
    public void EveryUnscopedRead_IsNamed_AndOnTheList()
    {
        var web = Path.Combine(RepoRoot(), "src", "Wenming.Web");
        var files = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(web, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .ToList();

        Assert.True(files.Count > 100, "expected the sources under " + web);
        var violations = UnscopedReadRules.Violations(files, Allowed, NotYetConverted, Implementation);
        Assert.True(violations.Count == 0, "Unscoped reads off the list:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheList_NamesOnlyKnownPurposes_WithAReason()
    {
        var known = Enum.GetNames<Wenming.Web.Platform.Data.Why>();
        foreach (var (file, (purposes, reason)) in Allowed)
        {
            Assert.True(purposes.Length > 0 && purposes.All(known.Contains), $"{file}: purposes must be members of Why: {string.Join(", ", purposes)}");
            Assert.False(string.IsNullOrWhiteSpace(reason), file + ": say in one line why it reads past the scope");
        }
    }

    [Fact]
    public void TheRule_Fails_OnANewPlace_ANewPurpose_ARawLift_AndAStaleEntry()
    {
        // Proof that the check can fail: what each kind of violation looks like to it.
        var allowed = new Dictionary<string, (string[] Purposes, string Reason)>
        {
            ["Modules/A/Listed.cs"] = (["Uniqueness"], "sample"),
            ["Modules/A/Stale.cs"] = (["Uniqueness"], "sample"),
        };
        (string, string)[] files =
        [
            ("Modules/A/Listed.cs", "db.Set<X>().Unscoped(because: Why.Uniqueness); db.Set<X>().Unscoped(Why.OwnRecords);"),
            ("Modules/A/Stale.cs", "db.Set<X>().Where(x => x.Id == 1); // .Unscoped(because: Why.Uniqueness) in a comment does not count"),
            ("Modules/B/New.cs", "using (scope.Unscoped(because: Why.SignIn)) { }"),
            ("Modules/B/Raw.cs", "db.Set<X>().IgnoreQueryFilters(); using (scope.Unrestricted()) { }"),
            ("Modules/B/Unnamed.cs", "db.Set<X>().Unscoped(because: why);"),
            ("Modules/B/Statement.cs", "static readonly RawStatement Read = new(because: Why.OwnRecords, Format);"),
            ("Platform/Data/UnscopedReads.cs", "query.IgnoreQueryFilters(); scope.Unrestricted();"),
        ];

        var found = UnscopedReadRules.Violations(files, allowed, new HashSet<string>(), "Platform/Data/UnscopedReads.cs");

        Assert.Contains(found, v => v.StartsWith("Modules/A/Listed.cs", StringComparison.Ordinal) && v.Contains("OwnRecords", StringComparison.Ordinal) && v.Contains("UnscopedReadsTests.Allowed", StringComparison.Ordinal));
        Assert.Contains(found, v => v.StartsWith("Modules/A/Stale.cs", StringComparison.Ordinal) && v.Contains("no longer", StringComparison.Ordinal));
        Assert.Contains(found, v => v.StartsWith("Modules/B/New.cs", StringComparison.Ordinal) && v.Contains("SignIn", StringComparison.Ordinal) && v.Contains("UnscopedReadsTests.Allowed", StringComparison.Ordinal));
        Assert.Equal(2, found.Count(v => v.StartsWith("Modules/B/Raw.cs", StringComparison.Ordinal)));
        Assert.Contains(found, v => v.StartsWith("Modules/B/Unnamed.cs", StringComparison.Ordinal) && v.Contains("Why.", StringComparison.Ordinal));
        Assert.Contains(found, v => v.StartsWith("Modules/B/Statement.cs", StringComparison.Ordinal) && v.Contains("OwnRecords", StringComparison.Ordinal) && v.Contains("UnscopedReadsTests.Allowed", StringComparison.Ordinal));
        Assert.DoesNotContain(found, v => v.StartsWith("Platform/", StringComparison.Ordinal));
        Assert.Equal(7, found.Count);
    }

    private static string RepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}

/// <summary>The checks behind <see cref="UnscopedReadsTests"/>, on plain text so that a sample can prove they fail.</summary>
public static partial class UnscopedReadRules
{
    public static List<string> Violations(
        IEnumerable<(string Path, string Text)> files,
        IReadOnlyDictionary<string, (string[] Purposes, string Reason)> allowed,
        IReadOnlySet<string> notYetConverted,
        string implementation)
    {
        var violations = new List<string>();
        var seen = new HashSet<string>();
        foreach (var (path, text) in files)
        {
            var code = LineComment().Replace(text, "");
            if (path != implementation && !notYetConverted.Contains(path))
            {
                foreach (var raw in RawLift().Matches(code).Select(m => m.Groups[1].Value))
                {
                    violations.Add($"{path}: calls {raw}() directly; read past the scope with .Unscoped(because: Why.<Purpose>) (Platform/Data/UnscopedReads.cs, ADR 0027)");
                }
            }

            var calls = UnscopedCall().Matches(code).Select(m => m.Groups[1].Value).ToList();
            if (calls.Count == 0)
            {
                continue;
            }

            seen.Add(path);
            if (calls.Any(c => c.Length == 0))
            {
                violations.Add($"{path}: Unscoped(...) must name its purpose literally, as because: Why.<Purpose>, so that this list can check it");
            }

            var used = calls.Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
            var listed = allowed.TryGetValue(path, out var entry) ? entry.Purposes : [];
            var unlisted = used.Except(listed).ToList();
            if (unlisted.Count > 0)
            {
                violations.Add(allowed.ContainsKey(path)
                    ? $"{path}: reads past the org scope for {string.Join(", ", unlisted)}, which its entry does not list. If that is right, add the purpose to its entry in UnscopedReadsTests.Allowed (tests/Wenming.ArchitectureTests/UnscopedReadsTests.cs)."
                    : $"{path}: reads past the org scope ({string.Join(", ", unlisted)}) and is not on the list. If that is right, add [\"{path}\"] = ([{string.Join(", ", unlisted.Select(p => $"\"{p}\""))}], \"<one line: why>\") to UnscopedReadsTests.Allowed (tests/Wenming.ArchitectureTests/UnscopedReadsTests.cs).");
            }

            var unused = listed.Except(used).ToList();
            if (allowed.ContainsKey(path) && unused.Count > 0)
            {
                violations.Add($"{path}: its entry in UnscopedReadsTests.Allowed lists {string.Join(", ", unused)}, which it no longer uses; remove them so the list stays true.");
            }
        }

        foreach (var path in allowed.Keys.Where(p => !seen.Contains(p)))
        {
            violations.Add($"{path}: listed in UnscopedReadsTests.Allowed but no longer reads past the scope (or is gone); remove its entry so the list stays true.");
        }

        foreach (var path in notYetConverted.Where(p => !files.Any(f => f.Path == p && RawLift().IsMatch(LineComment().Replace(f.Text, "")))))
        {
            violations.Add($"{path}: listed in UnscopedReadsTests.NotYetConverted but no longer lifts the scope the old way; remove its entry.");
        }

        return violations;
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\.(IgnoreQueryFilters|Unrestricted)\s*\(")]
    private static partial Regex RawLift();

    // Group 1 is the purpose, or empty when the call does not name one literally. A hand-written statement built once
    // (RawStatement Read = new(because: Why.X, …)) sees no query filter at all, so it counts as such a read too.
    [GeneratedRegex(@"(?:\.Unscoped|\bnew\s+RawStatement|\bRawStatement\s+\w+\s*=\s*new)\s*\(\s*(?:because\s*:\s*)?(?:Why\.(\w+))?")]
    private static partial Regex UnscopedCall();
}
