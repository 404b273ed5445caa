using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// A query compiled once (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, CancellationToken, Task{TResult}}})"/>)
/// for each model it runs on: a read on a hot path then does no LINQ expression work and no query-cache lookup per
/// request (issue 19, ADR 0077). One per model because a compiled query keeps the executor of the first context it
/// ran on, and a process may hold two models (the tests run SQLite and PostgreSQL hosts side by side); one provider's
/// SQL must never run on the other's connection. The scope and county filters stay in force: EF Core reads them from
/// the context each run, as for any query. <paramref name="compile"/> gets the model, for a query that needs to find a
/// type in it (<c>ActorQuery</c>).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<IModel, TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.GetOrAdd(db.Model, compile);
}
