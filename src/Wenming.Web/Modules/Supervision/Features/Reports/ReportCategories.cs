using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Supervision.Features.Reports;

/// <summary>A county's must-report category as the API answers it.</summary>
public sealed record ReportCategoryDto(long Id, string Code, string Name, int SortOrder, bool Retired);

/// <summary><c>POST /api/v1/info-report-categories {name, sortOrder?}</c>.</summary>
public sealed record CreateReportCategoryRequest(string? Name, int? SortOrder);

/// <summary><c>PUT /api/v1/info-report-categories/{id} {name, sortOrder?, retired?}</c>: what is left out stays.</summary>
public sealed record UpdateReportCategoryRequest(string? Name, int? SortOrder, bool? Retired);

/// <summary>
/// The county's must-report categories (必报, RULES.md: "a county edits the list"): RULES.md's nine are every county's
/// defaults, seeded by the migration for the counties there were and here, on first use, for a county made later; the
/// county center adds, renames, reorders and retires them (never deletes: old reports keep their category). Reports
/// store the category's code (ADR 0057).
/// </summary>
public sealed class ReportCategoriesHandler(AppDbContext db, CurrentActor actor)
{
    /// <summary>The county's list in its order; retired ones only when asked (the settings page, old reports' labels).</summary>
    public async Task<Result<IReadOnlyList<ReportCategoryDto>>> ListAsync(bool includeRetired, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (actor.CountyId is not { } county)
        {
            return Error.NotFound("org.not_found");
        }

        var all = await ForCountyAsync(county, ct);
        return all.Where(c => includeRetired || !c.Retired).Select(Dto).ToList();
    }

    public async Task<Result<ReportCategoryDto>> CreateAsync(CreateReportCategoryRequest request, CancellationToken ct)
    {
        if (Editor() is not { } county)
        {
            return Error.Forbidden();
        }

        var all = await ForCountyAsync(county, ct);
        if (Check(request.Name, request.SortOrder, all, null) is { } invalid)
        {
            return invalid;
        }

        if (all.Count >= ReportCategory.MaxPerCounty)
        {
            return FieldErrors.One("name", "supervision.category_too_many", "supervision.category_too_many", ReportCategory.MaxPerCounty);
        }

        // Rows are never deleted, so the count only grows: two adds at once collide on the unique code and one is told to retry.
        var category = ReportCategory.Of(county, "c" + (all.Count + 1), request.Name!, request.SortOrder ?? (all.Count == 0 ? 1 : all.Max(c => c.SortOrder) + 1));
        db.Add(category);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (FailedCommandLog.IsUniqueViolation(e))
        {
            return InfoReportErrors.Changed();
        }

        return Dto(category);
    }

    public async Task<Result<ReportCategoryDto>> UpdateAsync(long id, UpdateReportCategoryRequest request, CancellationToken ct)
    {
        if (Editor() is not { } county)
        {
            return Error.Forbidden();
        }

        var all = await ForCountyAsync(county, ct);
        var category = await db.Set<ReportCategory>().SingleOrDefaultAsync(c => c.Id == id && c.CountyId == county, ct);
        if (category is null)
        {
            return Error.Keyed("supervision.category_not_found", ErrorKind.NotFound, "supervision.category_not_found");
        }

        if (Check(request.Name, request.SortOrder, all, id) is { } invalid)
        {
            return invalid;
        }

        category.Change(request.Name!, request.SortOrder ?? category.SortOrder, request.Retired ?? category.Retired);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InfoReportErrors.Changed();
        }

        return Dto(category);
    }

    /// <summary>
    /// The county's categories, retired ones too, in order. A county without any (made after the migration) gets RULES.md's
    /// nine here, once: the unique code makes a second request at the same moment lose and read the winner's.
    /// </summary>
    public async Task<List<ReportCategory>> ForCountyAsync(long countyId, CancellationToken ct)
    {
        var list = await Query(countyId).ToListAsync(ct);
        if (list.Count > 0)
        {
            return list;
        }

        var defaults = Enum.GetValues<InfoReportCategory>().Select(c => ReportCategory.Of(countyId, c.ToString(), Text.Get("Supervision.category." + c), (int)c)).ToList();
        db.AddRange(defaults);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (FailedCommandLog.IsUniqueViolation(e))
        {
            foreach (var d in defaults)
            {
                db.Entry(d).State = EntityState.Detached;
            }
        }

        return await Query(countyId).ToListAsync(ct);
    }

    /// <summary>
    /// The category a new report names: by code (<c>SafetyAccident</c>, <c>c12</c>; case ignored) or by its Chinese name;
    /// unknown or retired is a 400 on <c>category</c>.
    /// </summary>
    public async Task<Result<ReportCategory>> ForNewReportAsync(long countyId, string given, CancellationToken ct)
    {
        var all = await ForCountyAsync(countyId, ct);
        var wanted = given.Trim();
        var found = all.FirstOrDefault(c => string.Equals(c.Code, wanted, StringComparison.OrdinalIgnoreCase)) ?? all.FirstOrDefault(c => c.Name == wanted);
        if (found is null)
        {
            return FieldErrors.One("category", "supervision.category_unknown", "supervision.category_unknown", wanted);
        }

        if (found.Retired)
        {
            return FieldErrors.One("category", "supervision.category_retired", "supervision.category_retired", found.Name);
        }

        return found;
    }

    /// <summary>Code → the county's name for it, for labels of reports old and new.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(long? countyId, CancellationToken ct)
    {
        if (countyId is not { } county)
        {
            return new Dictionary<string, string>();
        }

        return (await ForCountyAsync(county, ct)).ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
    }

    private IQueryable<ReportCategory> Query(long countyId) =>
        db.Set<ReportCategory>().AsNoTracking().Where(c => c.CountyId == countyId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id);

    /// <summary>The county center edits its county's list (as it sets its content rules); nobody below it.</summary>
    private long? Editor() => actor.RequireAny(Role.CenterAdmin) is null ? actor.CountyId : null;

    private static Error? Check(string? name, int? sortOrder, List<ReportCategory> all, long? self)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.AddRequired("name", "Supervision.field.categoryName");
        }
        else if (name.Trim().Length > ReportCategory.MaxNameLength)
        {
            errors.AddTooLong("name", "Supervision.field.categoryName", ReportCategory.MaxNameLength);
        }
        else if (all.Any(c => c.Id != self && c.Name == name.Trim()))
        {
            errors.Add("name", "supervision.category_duplicate", name.Trim());
        }

        if (sortOrder is < 1 or > 999)
        {
            errors.Add("sortOrder", "supervision.category_order");
        }

        return errors.ToError();
    }

    private static ReportCategoryDto Dto(ReportCategory c) => new(c.Id, c.Code, c.Name, c.SortOrder, c.Retired);
}

/// <summary>
/// <c>category</c> as clients sent it before counties edited the list: the enum's name or its number. A number of one
/// of the nine defaults becomes its code, so old clients keep working; anything else is left for the check to refuse.
/// </summary>
public sealed class ReportCategoryCodeConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt32(out var n) => Enum.IsDefined((InfoReportCategory)n) ? ((InfoReportCategory)n).ToString() : n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException(),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>The same for a query string (<c>?category=3</c>).</summary>
    public static string? FromQuery(string? value) =>
        int.TryParse(value, out var n) && Enum.IsDefined((InfoReportCategory)n) ? ((InfoReportCategory)n).ToString() : value;
}
