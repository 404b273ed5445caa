using System.Collections.Concurrent;
using System.Globalization;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Platform.Audit;

/// <summary>
/// One module's words for the audit log (ADR 0039): the Chinese names of its entities, of fields whose
/// API name (<c>field.*</c>) does not fit, and the labels of its enums, the same labels its pages show.
/// Registered with <see cref="AuditTermsRegistration.AddAuditTerms"/>; the log itself keeps class and
/// property names and enum values, so the words can change without rewriting history.
/// </summary>
public sealed class AuditTerms
{
    internal Dictionary<string, string> Entities { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    internal Dictionary<Type, Func<object, string>> Enums { get; } = [];

    /// <summary>The entity type's class name (as the log stores it) and the text key of its name.</summary>
    public AuditTerms Entity(string entityType, string textKey)
    {
        Entities[entityType] = textKey;
        return this;
    }

    /// <summary>A field's name: <c>"Activity.Title"</c> for one entity, or <c>"Title"</c> for all of this module's.</summary>
    public AuditTerms Field(string property, string textKey)
    {
        Fields[property] = textKey;
        return this;
    }

    public AuditTerms Enum<T>(Func<T, string> label)
        where T : struct, Enum
    {
        Enums[typeof(T)] = v => label((T)v);
        return this;
    }
}

public static class AuditTermsRegistration
{
    public static IServiceCollection AddAuditTerms(this IServiceCollection services, AuditTerms terms) => services.AddSingleton(terms);
}

/// <summary>
/// Reads an audit entry in words: entity and field names in Chinese, an enum's value by the label of the
/// property's own enum type (found in the EF model, so an activity's Status is 已发布, not an org unit's
/// 已停用), yes/no for flags and China time for times. Anything it has no word for is shown as stored.
/// </summary>
public sealed class AuditVocabulary(IEnumerable<AuditTerms> terms, AppDbContext db)
{
    private static readonly ConcurrentDictionary<(string Entity, string Property), Type?> PropertyTypes = new();

    private readonly AuditTerms[] _terms = [.. terms];

    /// <summary>Entity types that have a name, for the log's filter, by name.</summary>
    public IReadOnlyList<string> EntityTypes =>
        [.. _terms.SelectMany(t => t.Entities.Keys).Distinct().OrderBy(Entity, StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false))];

    public string Entity(string entityType) =>
        _terms.Select(t => t.Entities.GetValueOrDefault(entityType)).FirstOrDefault(k => k is not null) is { } key ? Text.Get(key) : entityType;

    public string Field(string entityType, string property)
    {
        foreach (var t in _terms)
        {
            if (t.Entities.ContainsKey(entityType)
                && (t.Fields.GetValueOrDefault(entityType + "." + property) ?? t.Fields.GetValueOrDefault(property)) is { } own)
            {
                return Text.Get(own);
            }
        }

        if (_terms.Select(t => t.Fields.GetValueOrDefault(property)).FirstOrDefault(k => k is not null) is { } shared)
        {
            return Text.Get(shared);
        }

        if (Text.Has("Shell.prop." + property))
        {
            return Text.Get("Shell.prop." + property);
        }

        // The log's glossary of property names that several modules share (Audit.resx).
        if (Text.Has("Audit.prop." + property))
        {
            return Text.Get("Audit.prop." + property);
        }

        // The API's name of the field (validation messages use it), e.g. Capacity → field.capacity → 招募人数.
        var api = "field." + char.ToLowerInvariant(property[0]) + property[1..];
        return Text.Has(api) ? Text.Get(api) : property;
    }

    public string? Value(string entityType, string property, string? value)
    {
        if (value is null || value == AuditScrubber.Erased)
        {
            return value;
        }

        var type = PropertyTypes.GetOrAdd((entityType, property), key =>
        {
            var clr = db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == key.Entity)?.FindProperty(key.Property)?.ClrType;
            return clr is null ? null : Nullable.GetUnderlyingType(clr) ?? clr;
        });
        if (type is null)
        {
            return value;
        }

        if (type.IsEnum)
        {
            return System.Enum.TryParse(type, value, out var parsed) && System.Enum.IsDefined(type, parsed!)
                && _terms.Select(t => t.Enums.GetValueOrDefault(type)).FirstOrDefault(f => f is not null) is { } label
                ? label(parsed!)
                : value;
        }

        if (type == typeof(bool) && bool.TryParse(value, out var flag))
        {
            return Text.Get(flag ? "Audit.audit.yes" : "Audit.audit.no");
        }

        // The log keeps UTC (the JSON of a DateTime read back from the database has no zone).
        if ((type == typeof(DateTime) || type == typeof(DateTimeOffset))
            && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return Text.ToChinaTime(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        return value;
    }
}
