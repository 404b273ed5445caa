using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Households.Features.Import;

/// <summary>One refused row: its row number in the sheet, the column (header text) and why — as the volunteer import answers.</summary>
public sealed record HouseholdImportError(int Row, string Column, string Message);

/// <summary><c>POST /api/v1/households/import</c>: rows read, households created, rows refused, and why (the volunteer import's shape).</summary>
public sealed record ImportHouseholdsResult(int Total, int Imported, int Failed, IReadOnlyList<HouseholdImportError> Errors);

/// <summary>The import file's columns, in template order.</summary>
public static class HouseholdImportColumns
{
    public const string Village = "village";
    public const string Address = "address";
    public const string Head = "head";
    public const string Members = "members";
    public const string Tags = "tags";
    public const string Contact = "contact";

    public static readonly IReadOnlyList<string> All = [Village, Address, Head, Members, Tags, Contact];

    public static readonly IReadOnlyList<string> Required = [Village, Address, Head];

    public static string Header(string column) => column switch
    {
        Village => Text.Get("Households.import.col.village"),
        Address => Text.Get("Households.import.col.address"),
        Head => Text.Get("Households.import.col.head"),
        Members => Text.Get("Households.import.col.members"),
        Tags => Text.Get("Households.import.col.tags"),
        _ => Text.Get("Households.import.col.contact"),
    };

    /// <summary>A list cell: 、 , ， ; ； or spaces between the items.</summary>
    public static List<string> Split(string? text) =>
        [.. (text ?? "").Split(['、', ',', '，', ';', '；', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>
/// Imports a village's households from the template's .xlsx (issue 15). The people must already be registered on the
/// platform (the import names them by ID number and never creates a person: a household list carries no phones, and
/// people are registered with theirs). Every row is checked with the rules of <c>POST /api/v1/households</c> — a village
/// of the caller's subtree, people visible to the caller and in no household yet, known tags, a party member of the
/// village as contact person — plus the file's own: one person in one row only. Each good row is then written in its own
/// transaction (household, members moved in, contact, the month's visit events), so a row is all or nothing and a row
/// the database refuses (a person moved meanwhile) is reported without undoing the rows before it.
/// </summary>
public sealed class ImportHouseholdsHandler(
    AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IHouseholdRoster roster, MonthlyVisits monthly, TimeProvider clock)
{
    /// <summary>The shared import limits (<see cref="ExcelUpload"/>), named here for the pages and the endpoint.</summary>
    public const int MaxFileBytes = ExcelUpload.MaxFileBytes;

    public const int MaxRequestBytes = ExcelUpload.MaxRequestBytes;

    public const int MaxRows = ExcelUpload.MaxRows;

    public async Task<Result<ImportHouseholdsResult>> HandleAsync(Stream? file, long length, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var read = ExcelUpload.Read(file, length);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var rows = read.Value;
        var columns = rows.Count == 0 ? [] : Columns(rows[0]);
        if (rows.Count == 0 || !HouseholdImportColumns.Required.All(columns.ContainsKey))
        {
            return Error.Field("file", "Excel.missing_columns", string.Join("、", HouseholdImportColumns.Required.Where(c => !columns.ContainsKey(c)).Select(HouseholdImportColumns.Header)));
        }

        var data = rows.Skip(1).ToList();
        if (data.Count == 0)
        {
            return Error.Field("file", "Excel.empty_file");
        }

        var errors = new List<HouseholdImportError>();
        var good = await CheckAsync(data, columns, errors, ct);
        var imported = 0;
        foreach (var row in good)
        {
            if (await WriteAsync(row, ct))
            {
                imported++;
            }
            else
            {
                errors.Add(new HouseholdImportError(row.Row, HouseholdImportColumns.Header(HouseholdImportColumns.Head), Text.Get("Households.import.row.changed")));
            }
        }

        var failed = errors.Select(e => e.Row).Distinct().Count();
        // The import itself is a write too: who imported how many rows, beside the audit rows of each household.
        db.AuditDirectWrite(AuditAction.Created, "HouseholdImport", 0, actor.OrgUnitId ?? 0, new Dictionary<string, object?>
        {
            ["Rows"] = data.Count,
            ["Imported"] = imported,
            ["Failed"] = failed,
        });
        await db.SaveChangesAsync(ct);
        return new ImportHouseholdsResult(data.Count, imported, failed, [.. errors.OrderBy(e => e.Row)]);
    }

    private static Dictionary<string, int> Columns(ExcelRow header)
    {
        var found = new Dictionary<string, int>();
        foreach (var column in HouseholdImportColumns.All)
        {
            var wanted = HouseholdImportColumns.Header(column);
            for (var i = 0; i < header.Cells.Count; i++)
            {
                if (string.Equals(header.Cells[i].Trim(), wanted, StringComparison.Ordinal))
                {
                    found[column] = i;
                    break;
                }
            }
        }

        return found;
    }

    private sealed record GoodRow(int Row, OrgUnitInfo Village, string Address, long HeadId, IReadOnlyList<long> MemberIds, IReadOnlyList<HouseholdTag> Tags, long? ContactId);

    private async Task<List<GoodRow>> CheckAsync(List<ExcelRow> data, Dictionary<string, int> columns, List<HouseholdImportError> errors, CancellationToken ct)
    {
        var units = await orgs.VisibleUnitsAsync(ct);
        var firstRowOfPerson = new Dictionary<long, int>();
        var good = new List<GoodRow>();
        foreach (var row in data)
        {
            string? Cell(string column) => columns.TryGetValue(column, out var i) && row[i] is { Length: > 0 } text ? text.Trim() : null;
            var rowErrors = new List<HouseholdImportError>();
            void Fail(string column, string message) => rowErrors.Add(new HouseholdImportError(row.Number, HouseholdImportColumns.Header(column), message));

            var village = FindVillage(units, Cell(HouseholdImportColumns.Village), out var villageError);
            if (villageError is not null)
            {
                Fail(HouseholdImportColumns.Village, villageError);
            }

            var address = Cell(HouseholdImportColumns.Address);
            if (address is null)
            {
                Fail(HouseholdImportColumns.Address, HouseholdsHandler.Required("address"));
            }
            else if (address.Length > Household.MaxAddressLength)
            {
                Fail(HouseholdImportColumns.Address, Text.Get("validation.too_long", Text.Get("Households.field.address"), Household.MaxAddressLength));
            }

            // The people of the row: the head first, then the other members (the head may be listed again among them).
            var people = new List<long>();
            long? headId = null;
            var headText = Cell(HouseholdImportColumns.Head);
            if (headText is null)
            {
                Fail(HouseholdImportColumns.Head, HouseholdsHandler.Required("headPersonId"));
            }
            else if (await PersonAsync(headText, HouseholdImportColumns.Head, Fail, ct) is { } head)
            {
                headId = head.Id;
                people.Add(head.Id);
            }

            foreach (var text in HouseholdImportColumns.Split(Cell(HouseholdImportColumns.Members)))
            {
                if (await PersonAsync(text, HouseholdImportColumns.Members, Fail, ct) is { } member && !people.Contains(member.Id))
                {
                    people.Add(member.Id);
                }
            }

            // One person, one household: a person named in an earlier row of the file is an error here, whatever else this row holds.
            foreach (var id in people)
            {
                if (firstRowOfPerson.TryGetValue(id, out var first) && first != row.Number)
                {
                    Fail(id == headId ? HouseholdImportColumns.Head : HouseholdImportColumns.Members, Text.Get("Households.import.row.duplicate_person", first));
                }
            }

            var tagFields = new Dictionary<string, string[]>();
            var tags = HouseholdsHandler.ParseTags(HouseholdImportColumns.Split(Cell(HouseholdImportColumns.Tags)), tagFields);
            foreach (var message in tagFields.Values.SelectMany(m => m))
            {
                Fail(HouseholdImportColumns.Tags, message);
            }

            long? contactId = null;
            if (Cell(HouseholdImportColumns.Contact) is { } contactText && await PersonAsync(contactText, HouseholdImportColumns.Contact, Fail, ct, mayHaveHousehold: true) is { } contact)
            {
                if (!contact.IsPartyMember)
                {
                    Fail(HouseholdImportColumns.Contact, Text.Get("household.contact_not_party_member", contact.Name));
                }
                else if (village is not null && units.FirstOrDefault(u => u.Id == contact.OrgUnitId) is var unit && (unit is null || !unit.Path.StartsWith(village.Path, StringComparison.Ordinal)))
                {
                    Fail(HouseholdImportColumns.Contact, Text.Get("household.contact_other_village", contact.Name));
                }
                else
                {
                    contactId = contact.Id;
                }
            }

            foreach (var id in people)
            {
                firstRowOfPerson.TryAdd(id, row.Number);
            }

            if (rowErrors.Count > 0 || village is null || headId is null)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            good.Add(new GoodRow(row.Number, village, address!, headId.Value, people, tags, contactId));
        }

        return good;
    }

    /// <summary>A person of the caller's subtree by ID number; a household's members must be in no household yet.</summary>
    private async Task<RosterPerson?> PersonAsync(string text, string column, Action<string, string> fail, CancellationToken ct, bool mayHaveHousehold = false)
    {
        var (valid, person) = await roster.FindByIdNumberAsync(text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), ct);
        if (!valid)
        {
            fail(column, Text.Get("Households.import.row.id_invalid", Mask(text)));
            return null;
        }

        if (person is null)
        {
            fail(column, Text.Get("Households.import.row.person_unknown", Mask(text)));
            return null;
        }

        if (!mayHaveHousehold && person.HouseholdId is not null)
        {
            fail(column, Text.Get("Households.import.row.person_elsewhere", person.Name));
            return null;
        }

        return person;
    }

    /// <summary>The ID number as the row's message may show it: the first six and the last four characters.</summary>
    private static string Mask(string text)
    {
        var t = text.Trim();
        return t.Length <= 10 ? t : t[..6] + new string('*', t.Length - 10) + t[^4..];
    }

    /// <summary>A village of the caller's subtree by its 12-digit division code or its exact name.</summary>
    private static OrgUnitInfo? FindVillage(IReadOnlyList<OrgUnitInfo> units, string? text, out string? error)
    {
        error = null;
        if (text is null)
        {
            error = HouseholdsHandler.Required("orgUnitId");
            return null;
        }

        var matches = units.Where(u => u.DivisionCode == text).ToList();
        if (matches.Count == 0)
        {
            matches = [.. units.Where(u => u.Name == text)];
        }

        if (matches.Count > 1)
        {
            error = Text.Get("Excel.row.unit_ambiguous");
            return null;
        }

        if (matches.Count == 0)
        {
            error = Text.Get("Excel.row.unit_not_found");
            return null;
        }

        if (matches[0].Level != OrgLevel.Village || matches[0].CountyId is null)
        {
            error = Text.Get("household.unit_not_village");
            return null;
        }

        return matches[0];
    }

    /// <summary>One row in one transaction: the household and everything of it, or nothing (false when the database refused).</summary>
    private async Task<bool> WriteAsync(GoodRow row, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var household = Household.Create(row.Village.CountyId!.Value, row.Village.Id, row.Address, row.HeadId, row.Tags, now);
            db.Add(household);
            await db.SaveChangesAsync(ct);
            foreach (var id in row.MemberIds)
            {
                // Checked above; a person moved into another household since then is caught here, before anything lands.
                if (await roster.FindAsync(id, ct) is not { HouseholdId: null } || !await roster.MoveAsync(id, household.Id, ct))
                {
                    await RollBackAsync(transaction);
                    return false;
                }
            }

            if (row.ContactId is { } contact)
            {
                household.AssignContact(contact, now);
            }

            await monthly.EnsureAsync(household, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            await RollBackAsync(transaction);
            return false;
        }
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        // The context still tracks the rows it tried to insert; forget them so nothing retries them.
        db.ChangeTracker.Clear();
    }
}

/// <summary>
/// The import template: the first sheet holds only the header (whatever is below it gets imported); the second explains
/// each column with an example, and says that the people must be registered on the platform first.
/// </summary>
public sealed class HouseholdImportTemplateHandler(CurrentActor actor)
{
    public Result<ExcelFile> Handle()
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var headers = HouseholdImportColumns.All.Select(HouseholdImportColumns.Header).ToList();
        var required = Text.Get("Excel.template.required");
        var optional = Text.Get("Excel.template.optional");
        IReadOnlyList<object?>[] help =
        [
            [HouseholdImportColumns.Header(HouseholdImportColumns.Village), required, Text.Get("Households.import.rule.village"), "339901001001"],
            [HouseholdImportColumns.Header(HouseholdImportColumns.Address), required, Text.Get("Households.import.rule.address"), "桃花村三组 12 号"],
            [HouseholdImportColumns.Header(HouseholdImportColumns.Head), required, Text.Get("Households.import.rule.head"), "339901195503120017"],
            [HouseholdImportColumns.Header(HouseholdImportColumns.Members), optional, Text.Get("Households.import.rule.members"), "339901195808230026、339901201003150022"],
            [HouseholdImportColumns.Header(HouseholdImportColumns.Tags), optional, Text.Get("Households.import.rule.tags"), "空巢老人、低保"],
            [HouseholdImportColumns.Header(HouseholdImportColumns.Contact), optional, Text.Get("Households.import.rule.contact"), "339901197801050031"],
            [],
            [Text.Get("Households.import.template.note")],
        ];
        string[] helpHeaders = [Text.Get("Excel.template.help_column"), Text.Get("Excel.template.help_required"), Text.Get("Excel.template.help_rule"), Text.Get("Excel.template.help_example")];
        return new ExcelFile(Text.Get("Households.import.template.file"), ExcelWriter.Write(
            new ExcelSheet(Text.Get("Households.import.template.sheet"), headers, []),
            new ExcelSheet(Text.Get("Excel.template.help_sheet"), helpHeaders, help)));
    }
}
