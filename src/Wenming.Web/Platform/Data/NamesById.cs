using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// The names of some records by id, as lists show them beside other modules' ids (the board's items, teams and
/// requesters): only the two columns, in one statement, compiled once per model (<see cref="CompiledPerModel{TQuery}"/>),
/// and no statement at all for no ids (issue 19). The query's own filters (scope, county) apply as written.
/// </summary>
public sealed class NamesById(Expression<Func<AppDbContext, List<long>, IQueryable<KeyValuePair<long, string>>>> query)
{
    private readonly CompiledPerModel<Func<AppDbContext, List<long>, IAsyncEnumerable<KeyValuePair<long, string>>>> compiled = new(_ => EF.CompileAsyncQuery(query));

    public async Task<IReadOnlyDictionary<long, string>> ReadAsync(AppDbContext db, IEnumerable<long> ids, CancellationToken ct)
    {
        List<long> distinct = [.. ids.Distinct()];
        return distinct.Count == 0 ? new Dictionary<long, string>() : await compiled.For(db)(db, distinct).ToDictionaryAsync(cancellationToken: ct);
    }
}
