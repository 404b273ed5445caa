using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;

namespace Wenming.Web.Modules.Activities.Features;

/// <summary>Names for lists of volunteer ids (enrollment lists, attendance sheets): two batched look-ups, not one per row.</summary>
public sealed class VolunteerNames(IVolunteerDirectory volunteers, IPeopleDirectory people)
{
    /// <returns>Volunteer id → the person's name, for the people the caller may see.</returns>
    public async Task<IReadOnlyDictionary<long, string>> OfAsync(IReadOnlyCollection<long> volunteerIds, CancellationToken ct)
    {
        if (volunteerIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var personIds = await volunteers.PersonIdsUnscopedAsync(volunteerIds, ct);
        var names = await people.NamesAsync([.. personIds.Values.Distinct()], ct);
        return personIds.Where(p => names.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => names[p.Value]);
    }
}
