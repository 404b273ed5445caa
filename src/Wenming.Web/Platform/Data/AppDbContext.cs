using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// The one database context. Each module adds its tables through its own
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes (the Accounts module adds the Identity tables that
/// way too); the platform adds the org-scope filter to every <see cref="IOrgScoped"/> entity, checks scope on
/// write and writes the audit log. It names no module type: the org tree is the one entity that implements
/// <see cref="IOrgUnitNode"/> (ADR 0027).
/// </summary>
/// <remarks>
/// Pooled (issue 19, ADR 0062): a context is reused across requests, so the caller's scope, actor and clock are not
/// constructor arguments but bound to each lease by <see cref="Bind"/> (the scoped registration in
/// <c>DatabaseSetup.AddWenmingDatabase</c> does it) and cleared when the lease ends. An unbound context sees nothing
/// and writes as nobody: a lease never carries the previous request's caller.
/// </remarks>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    private OrgScope scope = new();
    private CurrentActor actor = new();
    private TimeProvider clock = TimeProvider.System;
    private SqliteKeptConnection? keptConnection;
    private bool connectionLookedUp;

    /// <summary>
    /// What records this context's commands (<see cref="PlatformCommand"/>): the application's, for the contexts of its
    /// pool (whose options name the application's services); none for a context made by hand from bare options.
    /// </summary>
    internal CommandWatch? CommandWatch { get; } =
        options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(CommandWatch)) as CommandWatch;

    /// <summary>Binds this lease of the context to the caller's scope, actor and clock.</summary>
    public AppDbContext Bind(OrgScope scope, CurrentActor actor, TimeProvider clock)
    {
        this.scope = scope;
        this.actor = actor;
        this.clock = clock;
        KeptConnection?.Renew();
        return this;
    }

    /// <summary>On SQLite, the connection this context keeps open (ADR 0076); null on PostgreSQL.</summary>
    internal SqliteKeptConnection? KeptConnection
    {
        get
        {
            if (!connectionLookedUp)
            {
                keptConnection = this.GetService<IRelationalConnection>() as SqliteKeptConnection;
                connectionLookedUp = true;
            }

            return keptConnection;
        }
    }

    /// <summary>Returns the context to the pool: unbound first, so nothing of this caller stays with it.</summary>
    public override void Dispose()
    {
        Unbind();
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        Unbind();
        return base.DisposeAsync();
    }

    /// <summary>The caller this lease is bound to (the statement-log tests record who each statement was sent for).</summary>
    internal CurrentActor BoundActor => actor;

    /// <inheritdoc cref="BoundActor"/>
    internal OrgScope BoundScope => scope;

    private void Unbind()
    {
        scope = new OrgScope();
        actor = new CurrentActor();
        clock = TimeProvider.System;
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The caller's subtree as the range of paths [<see cref="ScopeFrom"/>, <see cref="ScopeTo"/>): the prefix itself,
    /// up to the prefix with its last character ('/') raised by one ('0'). An ordinal range rather than a LIKE so that
    /// both databases walk the path index (SQLite's LIKE is case-insensitive and cannot use a BINARY index; ADR 0032).
    /// Null when the scope is unrestricted: EF Core then evaluates <c>@from IS NULL</c> as true when it builds the
    /// SQL for a null parameter (it caches one SQL per parameter nullability) and drops the whole predicate, sub-select
    /// included. The filters test it as <c>EF.Parameter(ScopeFrom) == null</c>: a plain <c>ScopeFrom == null</c> would
    /// be evaluated before translation into a boolean parameter, and <c>@flag OR …</c> stays in the SQL.
    /// Read by the query filters on every query (EF parameterizes context members).
    /// </summary>
    private string? ScopeFrom => scope.IsUnrestricted ? null : scope.PathPrefix;

    /// <summary>The end (exclusive) of the range that starts at <see cref="ScopeFrom"/>.</summary>
    private string? ScopeTo => scope.IsUnrestricted ? null : PathRangeEnd(scope.PathPrefix);

    /// <summary>"/1/5/" → "/1/50": every path under "/1/5/" sorts at or after the prefix and before this.</summary>
    internal static string PathRangeEnd(string prefix) => string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(prefix[^1] + 1)]);

    /// <summary>
    /// The county term's parameter: the actor's county while the scope is restricted; null — no county term — for a
    /// system admin, an actor bound above county level, and every lifted scope (sign-in, jobs, named unscoped reads).
    /// </summary>
    private long? ScopeCounty => scope.IsUnrestricted ? null : actor.CountyId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        var types = modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).ToList();
        var unitType = types.Single(t => typeof(IOrgUnitNode).IsAssignableFrom(t));
        if (Database.IsNpgsql())
        {
            // The scope filter compares paths as a range, which must be ordinal: in a linguistic collation
            // (en_US, zh_CN) '/' does not sort just before '0', so the range would not be the subtree. SQLite's
            // default BINARY collation is ordinal already.
            modelBuilder.Entity(unitType).Property(nameof(IOrgUnitNode.Path)).UseCollation("C");
        }

        // Left out only to generate the compiled models (src/Wenming.Web/CompiledModels, ADR 0078), whose generator
        // refuses query filters; the compiled models add these same filters back when they load.
        if (this.GetService<IDbContextOptions>().FindExtension<WithoutQueryFilters>() is null)
        {
            foreach (var (type, filter) in QueryFilters(types))
            {
                modelBuilder.Entity(type).HasQueryFilter(filter);
            }
        }

        // The county in the WHERE of every UPDATE and DELETE EF writes for a county row, which is what a database
        // distributed by county routes a statement by (ADR 0036). The county of a row never changes, so the
        // token never fails a write that would have succeeded without it.
        foreach (var type in types.Where(t => typeof(ICountyScoped).IsAssignableFrom(t)))
        {
            modelBuilder.Entity(type).Property(nameof(ICountyScoped.CountyId)).IsConcurrencyToken();
        }
    }

    private static MethodInfo Generic(string name, params Type[] types) =>
        typeof(AppDbContext).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(types);

    // CA1309: these string.Compare calls are never run in .NET; EF Core translates them to the database's >= and <,
    // which compare ordinally (BINARY on SQLite, the "C" collation on PostgreSQL).
#pragma warning disable CA1309
    /// <summary>
    /// The scope filter of each filtered entity type among <paramref name="types"/>: the org tree's own (the units in
    /// the caller's subtree) and every <see cref="IOrgScoped"/> row's (its unit in that subtree, and the county term).
    /// Built on this context: EF Core reads <see cref="ScopeFrom"/>, <see cref="ScopeTo"/> and
    /// <see cref="ScopeCounty"/> from whichever context runs the query, never from this one.
    /// </summary>
    internal IEnumerable<(Type Entity, LambdaExpression Filter)> QueryFilters(IReadOnlyCollection<Type> types)
    {
        var unitType = types.Single(t => typeof(IOrgUnitNode).IsAssignableFrom(t));
        yield return (unitType, (LambdaExpression)Generic(nameof(UnitFilter), unitType).Invoke(this, [])!);
        foreach (var type in types.Where(t => typeof(IOrgScoped).IsAssignableFrom(t) && t != unitType))
        {
            yield return (type, (LambdaExpression)Generic(nameof(ScopeFilter), type, unitType).Invoke(this, [])!);
        }
    }

    private Expression<Func<TUnit, bool>> UnitFilter<TUnit>()
        where TUnit : class, IOrgUnitNode =>
        u => EF.Parameter(ScopeFrom) == null || (string.Compare(u.Path, ScopeFrom) >= 0 && string.Compare(u.Path, ScopeTo) < 0);

    private Expression<Func<T, bool>> ScopeFilter<T, TUnit>()
        where T : class, IOrgScoped
        where TUnit : class, IOrgUnitNode
    {
        // "unit id IN (units under the prefix)" rather than a correlated EXISTS: both databases then
        // walk the path index to the few units in scope and the row's unit index from there.
        Expression<Func<T, bool>> filter = e => EF.Parameter(ScopeFrom) == null
            || Set<TUnit>().Where(u => string.Compare(u.Path, ScopeFrom) >= 0 && string.Compare(u.Path, ScopeTo) < 0).Select(u => u.Id).Contains(e.OrgUnitId);
        return WithCountyTerm(filter);
    }

    /// <summary>
    /// Adds the county term (ADR 0036) to a county row's filter as a separate <c>&amp;&amp;</c>: the row's county is the
    /// actor's. "@county IS NULL OR CountyId = @county" is what EF emits for it, and EF compiles the statement per
    /// nullness of its parameters, so a bound actor's query has a plain "CountyId = @county" and a system admin's has
    /// no county term at all: the best plan on both databases, with one cached query each.
    /// </summary>
    private Expression<Func<T, bool>> WithCountyTerm<T>(Expression<Func<T, bool>> filter)
        where T : class
    {
        if (!typeof(ICountyScoped).IsAssignableFrom(typeof(T)))
        {
            return filter;
        }

        Expression<Func<T, bool>> county = e => EF.Parameter(ScopeCounty) == null || EF.Property<long>(e, nameof(ICountyScoped.CountyId)) == ScopeCounty;
        var countyBody = ReplacingExpressionVisitor.Replace(county.Parameters[0], filter.Parameters[0], county.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(filter.Body, countyBody), filter.Parameters);
    }
#pragma warning restore CA1309

    /// <summary>How many of these units the caller's scope contains.</summary>
    private Task<int> CountVisibleUnitsAsync<TUnit>(HashSet<long> unitIds, CancellationToken ct)
        where TUnit : class, IOrgUnitNode =>
        Set<TUnit>().Where(u => unitIds.Contains(u.Id)).CountAsync(ct);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the scope check and the audit log run asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        // Detected once: the scope check, the audit capture, each SaveChanges interceptor (roll-up marks, portal
        // cache) and EF Core itself all read ChangeTracker.Entries(), and each read would compare every tracked
        // entity with its snapshot again — five passes per save, ~6 % of a redemption's CPU (bench/results.md).
        // Nothing between here and the end changes a tracked entity's properties; rows added meanwhile (audit,
        // dirty days) are tracked by Add itself.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        await EnsureWritesInScopeAsync(cancellationToken);
        var pending = CaptureAudit();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The audit rows need the ids of inserted rows, so they are written right after, in the same transaction.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var change in pending)
            {
                AuditEntries.Add(change.ToEntry(now, actor));
            }

            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Records a write that bypassed change tracking — a set-based update or delete that has to be one
    /// statement for concurrency safety — in the audit log; it is saved by the next SaveChangesAsync,
    /// so call this inside the same transaction as the write.
    /// </summary>
    public void AuditDirectWrite(AuditAction action, string entityType, long entityId, long orgUnitId, IReadOnlyDictionary<string, object?> changes) =>
        AuditEntries.Add(AuditRow(action, entityType, entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), orgUnitId, changes));

    /// <summary>
    /// The audit row of a write that is made by hand in one SQL statement together with its audit rows (the
    /// redemption's stock, ADR 0070): who, when, from where and what changed, as <see cref="AuditDirectWrite"/> and the
    /// change tracker record it; not tracked, for the statement to insert.
    /// </summary>
    public AuditEntry AuditRow(AuditAction action, string entityType, string entityId, long orgUnitId, IReadOnlyDictionary<string, object?> changes) =>
        new()
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            Login = actor.Login,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            OrgUnitId = orgUnitId,
            Changes = JsonSerializer.Serialize(changes, PendingAudit.Json),
        };

    /// <summary>
    /// The changes a new, untracked <paramref name="entity"/> would show in its Created audit row if it were saved
    /// through the change tracker (the same fields, the same masking), for a statement that inserts it by hand.
    /// </summary>
    public Dictionary<string, object?> AuditChangesOfNew(object entity) => Describe(Entry(entity), EntityState.Added);

    private async Task EnsureWritesInScopeAsync(CancellationToken ct)
    {
        if (scope.IsUnrestricted)
        {
            return;
        }

        var unitIds = new HashSet<long>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is AuditEntry)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case IOrgUnitNode { ParentId: null } when entry.State == EntityState.Added:
                    throw new OutOfScopeException("Only a system operation may create a root unit.");
                case IOrgUnitNode unit when entry.State == EntityState.Added:
                    unitIds.Add(unit.ParentId!.Value);
                    break;
                case IOrgScoped scoped:
                    unitIds.Add(scoped.OrgUnitId);
                    if (entry.State == EntityState.Modified && entry.Entity is not IOrgUnitNode)
                    {
                        unitIds.Add(entry.Property(nameof(IOrgScoped.OrgUnitId)).OriginalValue is long original ? original : scoped.OrgUnitId);
                    }

                    break;
            }
        }

        if (unitIds.Count == 0)
        {
            return;
        }

        var unitType = Model.GetEntityTypes().Select(t => t.ClrType).Single(t => typeof(IOrgUnitNode).IsAssignableFrom(t));
        var visible = await (Task<int>)Generic(nameof(CountVisibleUnitsAsync), unitType).Invoke(this, [unitIds, ct])!;
        if (visible != unitIds.Count)
        {
            throw new OutOfScopeException("A write touches an org unit outside the caller's subtree.");
        }
    }

    private List<PendingAudit> CaptureAudit()
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var type = entry.Entity.GetType();
            if (type.Namespace?.StartsWith("Wenming.", StringComparison.Ordinal) != true || type.IsDefined(typeof(NotAuditedAttribute)))
            {
                continue;
            }

            pending.Add(new PendingAudit(entry, entry.State, Describe(entry, entry.State)));
        }

        return pending;
    }

    private static Dictionary<string, object?> Describe(EntityEntry entry, EntityState state)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var meta = property.Metadata;
            if (meta.IsPrimaryKey() || meta.IsShadowProperty() || meta.Name is nameof(IdentityUser<long>.ConcurrencyStamp) or nameof(IdentityUser<long>.NormalizedUserName) or nameof(IdentityUser<long>.NormalizedEmail))
            {
                continue;
            }

            var sensitive = meta.PropertyInfo?.IsDefined(typeof(SensitiveAttribute), inherit: true) == true;
            object? Show(object? value) => sensitive ? (value is null ? null : "***") : value;
            switch (state)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes[meta.Name] = Show(property.CurrentValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[meta.Name] = new { old = Show(property.OriginalValue), @new = Show(property.CurrentValue) };
                    break;
                case EntityState.Deleted:
                    changes[meta.Name] = Show(property.OriginalValue);
                    break;
            }
        }

        return changes;
    }

    private sealed record PendingAudit(EntityEntry Entry, EntityState State, Dictionary<string, object?> Changes)
    {
        public static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public AuditEntry ToEntry(DateTime now, CurrentActor actor)
        {
            var key = Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Entry.Property(p.Name).CurrentValue?.ToString());
            var orgUnitId = Entry.Entity is IOrgScoped scoped ? scoped.OrgUnitId : actor.OrgUnitId ?? 0;
            return new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                Login = actor.Login,
                IpAddress = actor.IpAddress,
                Action = State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                EntityType = Entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", key),
                OrgUnitId = orgUnitId,
                Changes = JsonSerializer.Serialize(Changes, Json),
            };
        }
    }
}

/// <summary>ASP.NET Core data-protection keys, kept in the database so that every web node shares them.</summary>
[NotAudited]
public sealed class DataProtectionKey
{
    public long Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
