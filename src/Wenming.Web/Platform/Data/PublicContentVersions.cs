using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// The generation of each county's public content on this node. The portal's cache keys carry it, so a write of a
/// <see cref="ShownOnPortalAttribute"/> entity makes that county's cached sections unreachable at once (they then
/// age out of memory), while other counties keep theirs. Entries that do not know their county (an article's page,
/// the unit list) carry <see cref="Any"/>, which moves on every such write.
/// </summary>
public sealed class PublicContentVersions
{
    private readonly ConcurrentDictionary<long, long> _counties = new();
    private long _any;
    private long _all;

    /// <summary>Moves on every change, in whatever county.</summary>
    public long Any => Interlocked.Read(ref _any);

    /// <summary>The version of one county's content; a change above county level (no county) moves every county's.</summary>
    public string Of(long? countyId) =>
        countyId is { } id ? $"{Interlocked.Read(ref _all)}.{_counties.GetValueOrDefault(id)}" : $"a{Any}";

    /// <summary>A change of the county's public content (null or 0: content above any one county).</summary>
    public void Changed(long? countyId)
    {
        if (countyId is { } id and > 0)
        {
            _counties.AddOrUpdate(id, 1, (_, v) => v + 1);
        }
        else
        {
            Interlocked.Increment(ref _all);
        }

        Interlocked.Increment(ref _any);
    }
}

/// <summary>
/// Moves <see cref="PublicContentVersions"/> for every <see cref="ShownOnPortalAttribute"/> row written, after the
/// write is committed: moved earlier, a portal read between the move and the commit would cache the old rows under
/// the new generation. Rolled-back writes move nothing. Set-based updates (ExecuteUpdate) do not pass here; what they
/// change on the portal shows within the cache's lifetime.
/// </summary>
public sealed class PublicContentChanges(PublicContentVersions versions) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConcurrentDictionary<Type, bool> Shown = new();

    private readonly ConditionalWeakTable<DbContext, HashSet<long>> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        FlushIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && Shown.GetOrAdd(entry.Entity.GetType(), t => t.IsDefined(typeof(ShownOnPortalAttribute), inherit: false)))
            {
                lock (_pending)
                {
                    _pending.GetOrCreateValue(context).Add(entry.Entity is ICountyScoped scoped ? scoped.CountyId : 0);
                }
            }
        }
    }

    private void FlushIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        long[] counties;
        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out var set) || set.Count == 0)
            {
                return;
            }

            counties = [.. set];
            set.Clear();
        }

        foreach (var county in counties)
        {
            versions.Changed(county);
        }
    }

    private void Drop(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        lock (_pending)
        {
            _pending.Remove(context);
        }
    }
}
