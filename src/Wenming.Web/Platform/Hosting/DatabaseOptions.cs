using System.Data.Common;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// <c>Database:Provider</c> picks SQLite (default, one file in the data folder) or PostgreSQL;
/// <c>ConnectionStrings:Wenming</c> overrides the connection string.
/// </summary>
public static class DatabaseSetup
{
    public static string DataDirectory(IConfiguration config, string contentRoot) =>
        Path.GetFullPath(config["Data:Directory"] ?? Path.Combine(contentRoot, "data"));

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration config, string contentRoot)
    {
        var configured = config.GetConnectionString("Wenming");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (Provider(config) == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Wenming is not set.");
        }

        var dir = DataDirectory(config, contentRoot);
        Security.PiiProtector.CreatePrivateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "wenming.db")}";
    }

    /// <remarks>
    /// A list in a query (<c>ids.Contains(x.Id)</c>) travels as one parameter (a JSON array on SQLite, an array on
    /// PostgreSQL), not EF Core 10's default of one parameter per element (ADR 0076): with that default the SQL text
    /// depends on the list's length, so EF Core rebuilt it on every request that used a list (a tenth of the
    /// resident's goods list) and PostgreSQL prepared one statement per length.
    /// </remarks>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        options.AddInterceptors(ScopeLiftGuard.Instance);
        QueryExecutors.Use(options);
        PlatformCommandBuilderFactory.Use(options);
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(PostgresConnectionString(connectionString), o => o.MigrationsHistoryTable(MigrationsHistoryTable)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        else
        {
            // Default Timeout: how long a writer waits for SQLite's single write lock before giving up.
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 };
            options.UseSqlite(builder.ToString(), o => o.MigrationsHistoryTable(MigrationsHistoryTable)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
            SqliteKeptConnection.Use(options);
        }

        // The model as generated code (ADR 0078): building it from the entity configurations cost ~1.2 s of CPU at
        // every start. Migrations and tools that need the design-time model still build it from the configurations.
        if (CompiledModel.For(provider) is { } model)
        {
            options.UseModel(model);
        }

        // A failed command is logged once, by whoever ends up with its exception (see FailedCommandLog), not
        // by EF Core at Error when it throws: a unique-index conflict the caller handles is not an error.
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
    }

    /// <summary>
    /// EF Core opens and closes the connection around every statement, and by default Npgsql resets a pooled
    /// connection (DISCARD ALL) when it is taken again, so every statement would pay for a reset. Nothing here
    /// leaves session state behind (no SET, advisory locks, temporary tables or explicitly prepared statements;
    /// transactions end with their request), so the reset is skipped (ADR 0032).
    /// Statements run twice on a connection are prepared by Npgsql (automatic preparation, ADR 0075): the platform
    /// runs the same few hundred statements over and over, and PostgreSQL otherwise parses and plans each one anew —
    /// most of its CPU for the statistics' dozen statements a request. The prepared statements live on the physical
    /// connection, which the skipped reset keeps.
    /// Statements are multiplexed (ADR 0093): the statements of concurrent requests share the pooled connections and
    /// go out together, instead of each request renting a connection of its own for every statement. Npgsql then
    /// refuses synchronous I/O, so what is synchronous by contract (the key ring, the outbox gauges) runs on
    /// <see cref="PostgresDirectConnectionString"/> (<see cref="SynchronousCommands"/>).
    /// A connection string that names <c>Multiplexing</c> keeps its own choice.
    /// </summary>
    internal static string PostgresConnectionString(string connectionString)
    {
        // Always set: NpgsqlConnectionStringBuilder.ContainsKey answers "is this a known keyword", not "was it given".
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (builder.MaxAutoPrepare == 0)
        {
            (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages) = (AutoPrepared, 2);
        }

        // The generic builder keeps only the keys given, so it tells an operator's Multiplexing=false from the default.
        if (!new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey(nameof(builder.Multiplexing)))
        {
            builder.Multiplexing = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// <see cref="PostgresConnectionString"/> without multiplexing, for what must run synchronously: a multiplexed
    /// connection refuses synchronous commands, and waiting on an asynchronous one could wait on the very driver
    /// thread that would complete it (ADR 0093).
    /// </summary>
    internal static string PostgresDirectConnectionString(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString(connectionString)) { Multiplexing = false }.ConnectionString;

    /// <summary>How many statements Npgsql keeps prepared per connection (the least used one is replaced).</summary>
    internal const int AutoPrepared = 128;

    public static IServiceCollection AddWenmingDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        // Read when the first context is made, so test hosts and the CLI can still change the configuration.
        var settings = new Lazy<(DatabaseProvider Provider, string ConnectionString)>(() => (Provider(config), ConnectionString(config, contentRoot)));
        services.AddSingleton<FailedCommandLog>();
        // Every command's time goes to /metrics and a failed one to the log, from EF Core's command (ADR 0095).
        services.AddSingleton<CommandWatch>();
        // The account's re-read on every request, on PostgreSQL without a context (ADR 0096).
        services.AddSingleton<PostgresDirectReads>();
        services.AddSingleton<PublicContentVersions>();
        services.AddSingleton<PublicContentChanges>();
        services.AddSingleton<Indicators.RollupMarks>();
        if (config["Data:CaptureSql"] is { Length: > 0 })
        {
            // Only the capture reads the request from a command. Registered, the accessor costs every request an
            // async-local write that each later one (the activity, the log scope, EF Core's checks) copies along.
            services.AddHttpContextAccessor();
        }

        // Pooled contexts on options built once (issue 19, ADR 0062): a fresh context per request built EF Core's
        // options (connection string parsing, warnings, interceptors) and its internal services (state manager,
        // query context, ~40 scoped services) again each time, about a third of a small read's CPU. Everything
        // here is a singleton, so the options can be too. The caller is bound to each lease below.
        services.AddPooledDbContextFactory<AppDbContext>((sp, o) =>
        {
            Configure(o, settings.Value.Provider, settings.Value.ConnectionString);
            // The portal's cache follows committed writes of what it shows (ADR 0056).
            o.AddInterceptors(sp.GetRequiredService<PublicContentChanges>());
            // A write of a row a rolled-up indicator counts marks its unit and day dirty (ADR 0061).
            o.AddInterceptors(sp.GetRequiredService<Indicators.RollupMarks>());
            // Opt-in, for bench/compare.sh only: records the SQL of marked requests (see SqlCapture).
            if (config["Data:CaptureSql"] is { Length: > 0 } capturePath)
            {
                o.AddInterceptors(new SqlCapture(capturePath, sp.GetRequiredService<IHttpContextAccessor>()));
            }
        });
        // The request's (or job's, or command's) context: a lease from the pool bound to this scope's caller; the
        // scope's end disposes it, which unbinds it and returns it to the pool.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext()
            .Bind(sp.GetRequiredService<OrgScope>(), sp.GetRequiredService<CurrentActor>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>EF Core's table of applied migrations, under one name on both databases.</summary>
    internal const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Applies the migrations; on SQLite also switches to WAL so readers do not block the writer. True when the
    /// database had no tables and this call made its schema (it then holds no data).
    /// </summary>
    public static async Task<bool> MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        var tables = await TableNamesAsync(db, ct);
        var created = false;
        if (tables.Count == 0)
        {
            created = await CreateFromScriptAsync(db, ct);
            if (!created)
            {
                await db.Database.MigrateAsync(ct);
            }
        }
        else if (await HasPendingMigrationsAsync(db, tables, ct))
        {
            // Only when something is pending: EF's Migrate would otherwise still take the migration lock and diff the
            // whole model against the snapshot (seconds of JIT at every start, issue 19). The model/snapshot check stays
            // in the test suite (SchemaMatchesModelTests). ADR 0034.
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            await PlainCommands.ExecuteAsync(db.Database, "PRAGMA journal_mode=WAL;", ct);
        }

        return created;
    }

    /// <summary>The database's tables (on PostgreSQL, those of the connection's schema), SQLite's own left out.</summary>
    private static Task<List<string>> TableNamesAsync(AppDbContext db, CancellationToken ct) => PlainCommands.TextsAsync(db.Database,
        db.Database.IsSqlite()
            ? """SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite%'"""
            : """SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()""", ct);

    /// <summary>
    /// Makes an empty database's schema with <see cref="EmptyDatabaseScript"/>, in one transaction (ADR 0080). False,
    /// with nothing changed, when this build has no script that reaches its last migration, or when another start (a
    /// second node) made the tables meanwhile: EF Core's migrator, which takes its lock, then does what is left.
    /// </summary>
    private static async Task<bool> CreateFromScriptAsync(AppDbContext db, CancellationToken ct)
    {
        var script = EmptyDatabaseScript.Read(db.Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres);
        var last = db.Database.GetMigrations().LastOrDefault();
        if (script is null || last is null || !script.Contains($"'{last}'", StringComparison.Ordinal))
        {
            return false;
        }

        ExceptionDispatchInfo failure;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await PlainCommands.ExecuteAsync(db.Database, script, ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbException e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }

        // Rolled back. Tables now there were made by another start; with none, the script itself failed.
        if ((await TableNamesAsync(db, ct)).Count == 0)
        {
            failure.Throw();
        }

        return false;
    }

    /// <summary>
    /// Whether a migration of this build is not in the history table. Read with a plain command (<see cref="PlainCommands"/>),
    /// not with <c>GetPendingMigrationsAsync</c>: EF Core builds the history table's own model for that, to learn the
    /// name of its column (its fixed <c>MigrationId</c>), a tenth of a second of a two-second start (issue 19). Its
    /// <c>ExistsAsync</c> also answered true on an empty PostgreSQL database, hence the catalog's list of tables.
    /// </summary>
    private static async Task<bool> HasPendingMigrationsAsync(AppDbContext db, List<string> tables, CancellationToken ct)
    {
        if (!tables.Contains(MigrationsHistoryTable, StringComparer.Ordinal))
        {
            return true;
        }

        var applied = (await PlainCommands.TextsAsync(db.Database, $"""SELECT "MigrationId" FROM "{MigrationsHistoryTable}" """, ct)).ToHashSet(StringComparer.Ordinal);
        return db.Database.GetMigrations().Any(m => !applied.Contains(m));
    }
}
