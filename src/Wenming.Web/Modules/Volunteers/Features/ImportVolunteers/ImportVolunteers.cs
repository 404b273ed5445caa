using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;
using Wenming.Web.Modules.Volunteers.Features.RegisterVolunteer;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ImportVolunteers;

/// <summary>One refused row: its row number in the sheet, the column (header text) and why.</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

public sealed record ImportVolunteersResult(int Total, int Imported, int Failed, IReadOnlyList<ImportRowError> Errors);

/// <summary>The import file's columns, in template order; the header texts come from ImportExport.resx.</summary>
public static class VolunteerImportColumns
{
    public const string Name = "name";
    public const string IdNumber = "idNumber";
    public const string Phone = "phone";
    public const string Unit = "unit";
    public const string Skills = "skills";
    public const string ServiceAreas = "serviceAreas";
    public const string Availability = "availability";
    public const string GuardianName = "guardianName";
    public const string GuardianRelation = "guardianRelation";
    public const string GuardianPhone = "guardianPhone";

    public static readonly IReadOnlyList<string> All = [Name, IdNumber, Phone, Unit, Skills, ServiceAreas, Availability, GuardianName, GuardianRelation, GuardianPhone];

    public static readonly IReadOnlyList<string> Required = [Name, IdNumber, Phone, Unit];

    public static string Header(string column) => Text.Get("Excel.col." + column);
}

/// <summary>
/// Imports volunteers from the template's .xlsx (DESIGN §11). Every row is checked first, with the rules
/// of the API — the People registration checks through <see cref="IPeopleRegistry"/>, the volunteer
/// validator and the age rule — plus the file's own: unit by code or name in the caller's subtree, one
/// row per ID number. Then the good rows are written in one transaction: a person where needed, and a
/// volunteer approved with a number (an admin vouches for the list, so nobody re-approves hundreds of
/// rows one by one; ADR 0010). If the database refuses anything, the transaction rolls back and nothing
/// of the file lands; the answer then says so instead of listing row errors.
/// </summary>
public sealed class ImportVolunteersHandler(
    AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IPeopleRegistry registry, TimeProvider clock)
{
    /// <summary>The shared import limits (<see cref="ExcelUpload"/>), named here for the pages and the endpoint.</summary>
    public const int MaxFileBytes = ExcelUpload.MaxFileBytes;

    public const int MaxRequestBytes = ExcelUpload.MaxRequestBytes;

    public const int MaxRows = ExcelUpload.MaxRows;

    public async Task<Result<ImportVolunteersResult>> HandleAsync(Stream? file, long length, CancellationToken ct)
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
        if (rows.Count == 0 || Columns(rows[0]) is not { } columns)
        {
            return MissingColumns(rows.Count == 0 ? [] : Columns(rows[0], all: true) ?? []);
        }

        var data = rows.Skip(1).ToList();
        if (data.Count == 0)
        {
            return Error.Field("file", "Excel.empty_file");
        }

        var errors = new List<ImportRowError>();
        var good = await CheckAsync(data, columns, errors, ct);
        if (good.Count > 0 && await WriteAsync(good, ct) is { } failed)
        {
            return failed;
        }

        var failedRows = errors.Select(e => e.Row).Distinct().Count();
        return new ImportVolunteersResult(data.Count, good.Count, failedRows, errors.OrderBy(e => e.Row).ToList());
    }

    /// <summary>The column index of every known header, or null when a required one is missing.</summary>
    private static Dictionary<string, int>? Columns(ExcelRow header, bool all = false)
    {
        var found = new Dictionary<string, int>();
        foreach (var column in VolunteerImportColumns.All)
        {
            var wanted = VolunteerImportColumns.Header(column);
            for (var i = 0; i < header.Cells.Count; i++)
            {
                if (string.Equals(header.Cells[i].Trim(), wanted, StringComparison.Ordinal))
                {
                    found[column] = i;
                    break;
                }
            }
        }

        return all || VolunteerImportColumns.Required.All(found.ContainsKey) ? found : null;
    }

    private static Error MissingColumns(Dictionary<string, int> found) =>
        Error.Field("file", "Excel.missing_columns", string.Join("、", VolunteerImportColumns.Required.Where(c => !found.ContainsKey(c)).Select(VolunteerImportColumns.Header)));

    private sealed record GoodRow(int Row, NewPerson Person, PersonInfo? Existing, long CountyId, GuardianConsent? Guardian, string? Skills, string? ServiceAreas, string? Availability);

    private async Task<List<GoodRow>> CheckAsync(List<ExcelRow> data, Dictionary<string, int> columns, List<ImportRowError> errors, CancellationToken ct)
    {
        var units = await orgs.VisibleUnitsAsync(ct);
        var today = DateOnly.FromDateTime(Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).DateTime);
        var firstRowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var good = new List<GoodRow>();
        foreach (var row in data)
        {
            string? Cell(string column) => columns.TryGetValue(column, out var i) && row[i] is { Length: > 0 } text ? text : null;
            var rowErrors = new List<ImportRowError>();
            void Fail(string column, string message) => rowErrors.Add(new ImportRowError(row.Number, VolunteerImportColumns.Header(column), message));

            // One row per person: the second and later rows with an ID number are errors, whatever else they hold.
            var idText = Cell(VolunteerImportColumns.IdNumber)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (idText is not null && !firstRowOfId.TryAdd(idText, row.Number))
            {
                Fail(VolunteerImportColumns.IdNumber, Text.Get("Excel.row.duplicate_in_file", firstRowOfId[idText]));
                errors.AddRange(rowErrors);
                continue;
            }

            var unit = FindUnit(units, Cell(VolunteerImportColumns.Unit), out var unitError);
            if (unitError is not null)
            {
                Fail(VolunteerImportColumns.Unit, unitError);
            }

            // The volunteer's own fields, with the registration validator (lengths, guardian phone).
            var guardianGiven = Cell(VolunteerImportColumns.GuardianName) is not null || Cell(VolunteerImportColumns.GuardianRelation) is not null || Cell(VolunteerImportColumns.GuardianPhone) is not null;
            var guardian = guardianGiven ? new GuardianInput(Cell(VolunteerImportColumns.GuardianName), Cell(VolunteerImportColumns.GuardianRelation), Cell(VolunteerImportColumns.GuardianPhone)) : null;
            var volunteerRequest = new RegisterVolunteerRequest(0, guardian, Cell(VolunteerImportColumns.Skills), Cell(VolunteerImportColumns.ServiceAreas), Cell(VolunteerImportColumns.Availability));
            if (Validation.Check(new RegisterVolunteerValidator(), volunteerRequest) is { Fields: { } volunteerFields })
            {
                // The person does not exist yet: the placeholder id is not the row's fault.
                Report(volunteerFields.Where(f => f.Key != "personId").ToDictionary(), Fail);
            }

            var person = new NewPerson(Cell(VolunteerImportColumns.Name), Cell(VolunteerImportColumns.IdNumber), Cell(VolunteerImportColumns.Phone), unit?.Id);
            PersonCheck? check = null;
            // Without a unit (reported above) the People rules still check the name, ID number and phone.
            var checkedPerson = await registry.CheckAsync(person with { OrgUnitId = unit?.Id ?? -1 }, ct);
            if (checkedPerson.IsSuccess)
            {
                check = checkedPerson.Value;
            }
            else if (unit is not null || checkedPerson.Error!.Code != "org.not_found")
            {
                Report(checkedPerson.Error!, Fail);
            }

            if (check is not null)
            {
                if (check.RegisteredOutsideScope)
                {
                    Fail(VolunteerImportColumns.IdNumber, Text.Get("Excel.row.registered_elsewhere"));
                }
                else if (check.Existing is { } existing)
                {
                    if (!string.Equals(existing.Name, person.Name?.Trim(), StringComparison.Ordinal))
                    {
                        Fail(VolunteerImportColumns.Name, Text.Get("Excel.row.name_mismatch", existing.Name));
                    }

                    // One registration per person, whoever can see it (as in RegisterVolunteer).
                    if (await db.Set<Volunteer>().Unscoped(because: Why.Uniqueness).AnyAsync(v => v.PersonId == existing.Id, ct))
                    {
                        Fail(VolunteerImportColumns.IdNumber, Text.Get("Excel.row.already_volunteer"));
                    }
                }

                if (VolunteerAge.Check(check.BirthDate, today, guardian is not null) is { } ageError)
                {
                    Fail(ageError.Code == "volunteer.too_young" ? VolunteerImportColumns.IdNumber : VolunteerImportColumns.GuardianName, ageError.Message);
                }
            }

            if (rowErrors.Count > 0 || check is null || unit is null)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            // An adult needs no guardian: none is recorded (as in RegisterVolunteer).
            var consent = guardian is not null && VolunteerAge.IsMinor(check.BirthDate, today)
                ? new GuardianConsent(guardian.Name!.Trim(), guardian.Relation!.Trim(), guardian.Phone!.Trim())
                : null;
            good.Add(new GoodRow(row.Number, person, check.Existing, check.Existing?.CountyId ?? unit.CountyId!.Value, consent,
                Clean(volunteerRequest.Skills), Clean(volunteerRequest.ServiceAreas), Clean(volunteerRequest.Availability)));
        }

        return good;
    }

    /// <summary>A unit of the caller's subtree by its 12-digit division code or its exact name.</summary>
    private static OrgUnitInfo? FindUnit(IReadOnlyList<OrgUnitInfo> units, string? text, out string? error)
    {
        error = null;
        if (text is null)
        {
            error = Text.Get("validation.required", VolunteerImportColumns.Header(VolunteerImportColumns.Unit));
            return null;
        }

        var byCode = units.FirstOrDefault(u => u.DivisionCode == text);
        if (byCode is not null)
        {
            return byCode;
        }

        var byName = units.Where(u => u.Name == text).ToList();
        if (byName.Count > 1)
        {
            error = Text.Get("Excel.row.unit_ambiguous");
            return null;
        }

        if (byName.Count == 0)
        {
            error = Text.Get("Excel.row.unit_not_found");
            return null;
        }

        return byName[0];
    }

    /// <summary>Field errors of the People and volunteer rules, under the import's column names.</summary>
    private static void Report(Error error, Action<string, string> fail)
    {
        if (error.Fields is { } fields)
        {
            Report(fields, fail);
        }
        else
        {
            fail(error.Code.StartsWith("org.", StringComparison.Ordinal) ? VolunteerImportColumns.Unit : VolunteerImportColumns.IdNumber, error.Message);
        }
    }

    private static void Report(IReadOnlyDictionary<string, string[]> fields, Action<string, string> fail)
    {
        foreach (var (field, messages) in fields)
        {
            var column = field switch
            {
                "name" => VolunteerImportColumns.Name,
                "phone" => VolunteerImportColumns.Phone,
                "orgUnitId" => VolunteerImportColumns.Unit,
                "skills" => VolunteerImportColumns.Skills,
                "serviceAreas" => VolunteerImportColumns.ServiceAreas,
                "availability" => VolunteerImportColumns.Availability,
                "guardian.name" or "guardian" => VolunteerImportColumns.GuardianName,
                "guardian.relation" => VolunteerImportColumns.GuardianRelation,
                "guardian.phone" => VolunteerImportColumns.GuardianPhone,
                _ => VolunteerImportColumns.IdNumber,
            };
            foreach (var message in messages)
            {
                fail(column, message);
            }
        }
    }

    /// <summary>All good rows, or none: one transaction; a database refusal rolls everything back.</summary>
    private async Task<Error?> WriteAsync(List<GoodRow> good, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = good[0].Row;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // A block of numbers per county, taken first: it locks the counter row, so two imports (or an
            // import and approvals) of one county queue here rather than interleave.
            var numbers = new Dictionary<long, (string Prefix, long Next)>();
            foreach (var county in good.GroupBy(g => g.CountyId))
            {
                numbers[county.Key] = (await VolunteerNumbers.PrefixAsync(orgs, county.Key, ct), await VolunteerNumbers.TakeAsync(db, county.Key, county.Count(), ct));
            }

            foreach (var row in good)
            {
                current = row.Row;
                var person = row.Existing;
                if (person is null)
                {
                    var registered = await registry.RegisterAsync(row.Person, ct);
                    if (!registered.IsSuccess)
                    {
                        // E.g. the same ID number registered by someone else since the check: nothing of this file lands.
                        await RollBackAsync(transaction);
                        return Error.Conflict("Excel.import_failed", row.Row);
                    }

                    person = registered.Value;
                }

                var (prefix, next) = numbers[row.CountyId];
                numbers[row.CountyId] = (prefix, next + 1);
                var volunteer = Volunteer.Apply(row.CountyId, person.OrgUnitId, person.Id, row.Guardian, row.Skills, row.ServiceAreas, row.Availability, now);
                volunteer.Approve(VolunteerNumbers.Format(prefix, next), actor.UserId, now);
                db.Add(volunteer);
                // Saved row by row (inside the one transaction) so a refusal names the row it happened at.
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return null;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            await RollBackAsync(transaction);
            return Error.Conflict("Excel.import_failed", current);
        }
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        // The context still tracks the rows it tried to insert; forget them so nothing retries them.
        db.ChangeTracker.Clear();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
