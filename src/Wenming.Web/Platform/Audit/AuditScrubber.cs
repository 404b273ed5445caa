using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Platform.Audit;

/// <summary>
/// Erases a person's values from earlier audit entries when they are anonymized (ADR 0023): the entries stay
/// (who did what when), the named fields' values become "***" like a sensitive field's.
/// </summary>
public static class AuditScrubber
{
    public const string Erased = "***";

    /// <summary>Replaces <paramref name="fields"/> in the changes of every entry about these rows; saved by the caller's next SaveChangesAsync.</summary>
    public static async Task ScrubFieldsAsync(
        this AppDbContext db, string entityType, IReadOnlyCollection<long> entityIds, IReadOnlyCollection<string> fields, CancellationToken ct)
    {
        if (entityIds.Count == 0)
        {
            return;
        }

        var ids = entityIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var entries = await db.AuditEntries.Unscoped(because: Why.PersonalData)
            .Where(e => e.EntityType == entityType && ids.Contains(e.EntityId)).ToListAsync(ct);
        foreach (var entry in entries)
        {
            if (JsonNode.Parse(entry.Changes) is not JsonObject changes)
            {
                continue;
            }

            var touched = false;
            foreach (var field in fields)
            {
                switch (changes[field])
                {
                    case null:
                        break;
                    case JsonObject pair:
                        foreach (var side in new[] { "old", "new" })
                        {
                            if (pair[side] is not null)
                            {
                                pair[side] = Erased;
                            }
                        }

                        touched = true;
                        break;
                    default:
                        changes[field] = Erased;
                        touched = true;
                        break;
                }
            }

            if (touched)
            {
                entry.Changes = changes.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            }
        }
    }

    /// <summary>Entries written by a login that is erased now name the account's placeholder login instead.</summary>
    public static Task<int> RenameActorAsync(this AppDbContext db, string oldLogin, string newLogin, CancellationToken ct) =>
        db.AuditEntries.Unscoped(because: Why.PersonalData).Where(e => e.Login == oldLogin).ExecuteUpdateAsync(s => s.SetProperty(e => e.Login, newLogin), ct);
}
