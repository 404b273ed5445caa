using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.People.Features.AnonymizePerson;

/// <summary>
/// The retention rule (ADR 0023): people registered at least <c>years</c> ago with no sign of life since — no
/// account sign-in, no service record, no points movement (<see cref="IPersonActivity"/>) — are anonymized.
/// Run by <c>wenming anonymize-inactive --years N</c>, and daily by the job when <c>Privacy:RetentionYears</c> &gt; 0.
/// </summary>
public sealed class AnonymizeInactive(AppDbContext db, AnonymizePersonHandler anonymize, IEnumerable<IPersonActivity> activity)
{
    private const int Batch = 200;

    /// <summary>Anonymizes every inactive person (unscoped: run as the system operator); returns how many.</summary>
    public async Task<int> RunAsync(int years, DateTime nowUtc, CancellationToken ct)
    {
        if (years <= 0)
        {
            return 0;
        }

        var since = nowUtc.AddYears(-years);
        var reason = Text.Get("person.anonymized_retention", years);
        var done = 0;
        long after = 0;
        while (true)
        {
            var candidates = await db.Set<Person>().AsNoTracking()
                .Where(p => p.Id > after && p.AnonymizedAt == null && p.CreatedAt < since)
                .OrderBy(p => p.Id).Select(p => p.Id).Take(Batch).ToListAsync(ct);
            if (candidates.Count == 0)
            {
                return done;
            }

            after = candidates[^1];
            var active = new HashSet<long>();
            foreach (var source in activity)
            {
                active.UnionWith(await source.ActiveSinceAsync(candidates, since, ct));
            }

            foreach (var id in candidates.Where(id => !active.Contains(id)))
            {
                // Another node's job may have got there first: that is a 409 here, and nothing to do.
                if ((await anonymize.HandleAsync(id, new AnonymizePersonRequest(reason), ct)).IsSuccess)
                {
                    done++;
                }

                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>The retention rule as a daily job; off unless <c>Privacy:RetentionYears</c> is above 0.</summary>
public sealed class AnonymizeInactiveJob(AnonymizeInactive rule, IConfiguration config) : IJob
{
    public Task<int> RunAsync(DateTime nowUtc, CancellationToken ct) =>
        rule.RunAsync(config.GetValue("Privacy:RetentionYears", 0), nowUtc, ct);
}
