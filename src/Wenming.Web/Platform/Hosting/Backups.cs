using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Platform.Hosting;

/// <summary>What a backup or restore did, or why it refused; <see cref="ExitCode"/> is the CLI's.</summary>
public sealed record BackupOutcome(int ExitCode, string Message)
{
    public bool Ok => ExitCode == 0;
}

/// <summary>
/// Online backups and restores of the whole database (ADR 0021): every table, so the files kept in the
/// database, the data-protection key ring and the PII key fingerprint too. SQLite: the SQLite backup API
/// (a consistent copy while the app keeps writing) into a database file. PostgreSQL: <c>pg_dump</c> in its
/// custom format (one snapshot) and <c>pg_restore --clean --if-exists</c>. A restore refuses a target that
/// already holds data unless forced, and a backup written under another PII key than the configured one.
/// The PII key itself is never in a backup: keep it separately.
/// </summary>
public sealed class Backups(IConfiguration config, IHostEnvironment env, IServiceProvider services)
{
    /// <summary>Tables a freshly started, empty platform already fills; rows in any other table mean "has data".</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.OrdinalIgnoreCase)
    {
        DatabaseSetup.MigrationsHistoryTable, "plat_settings", "plat_data_protection_keys", "sqlite_sequence",
    };

    private DatabaseProvider Provider => DatabaseSetup.Provider(config);

    private string ConnectionString => DatabaseSetup.ConnectionString(config, env.ContentRootPath);

    public async Task<BackupOutcome> BackupAsync(string file, bool force, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file) && !force)
        {
            return new(2, $"备份文件已存在，未覆盖（加 --force 覆盖）: {file}");
        }

        var partial = file + ".partial";
        File.Delete(partial);
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(ConnectionString);
            await source.OpenAsync(ct);
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await target.OpenAsync(ct);
                // One step of the backup API: a consistent snapshot while other connections go on writing (WAL).
                source.BackupDatabase(target);
                await using var check = target.CreateCommand();
                check.CommandText = "PRAGMA journal_mode=DELETE;";
                await check.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            var (exit, _, error) = await RunAsync("pg_dump", ["--format=custom", "--file=" + partial, .. ConnectionArguments()], ct);
            if (exit != 0)
            {
                File.Delete(partial);
                return new(4, "pg_dump 失败: " + error.Trim());
            }
        }

        File.Move(partial, file, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var fingerprint = await FingerprintInBackupAsync(file, ct);
        return new(0, $"已备份到 {file}（{new FileInfo(file).Length.ToString(CultureInfo.InvariantCulture)} 字节）。" +
            (fingerprint is null ? "" : $" 恢复时需要指纹为 {PiiKeyCheck.Abbreviate(fingerprint)} 的 Security:PiiKey（密钥不在备份内，请另行保管）。"));
    }

    public async Task<BackupOutcome> RestoreAsync(string file, bool force, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            return new(2, "备份文件不存在: " + file);
        }

        string? fingerprint;
        try
        {
            fingerprint = await FingerprintInBackupAsync(file, ct);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            return new(2, $"不是本平台{(Provider == DatabaseProvider.Sqlite ? " SQLite" : " PostgreSQL")} 备份文件: {e.Message}");
        }

        PiiProtector pii;
        try
        {
            pii = services.GetRequiredService<PiiProtector>();
        }
        catch (InvalidOperationException e)
        {
            return new(3, "恢复前需配置该备份所用的 Security:PiiKey: " + e.Message);
        }

        if (fingerprint is not null && fingerprint != pii.Fingerprint)
        {
            return new(3, "Refusing to restore: " + PiiKeyCheck.MismatchMessage(fingerprint, pii.Fingerprint));
        }

        if (!force && await TargetHasDataAsync(ct))
        {
            return new(2, "目标数据库中已有数据，未恢复（确认要覆盖时加 --force）。Target database has data; add --force to overwrite it.");
        }

        if (Provider == DatabaseProvider.Sqlite)
        {
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString()))
            {
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
                await using var wal = target.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            var (exit, _, error) = await RunAsync("pg_restore",
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", .. ConnectionArguments(), file], ct);
            if (exit != 0)
            {
                return new(4, "pg_restore 失败: " + error.Trim());
            }
        }

        return new(0, $"已从 {file} 恢复。" + (fingerprint is null ? "" : $" PII 密钥指纹 {PiiKeyCheck.Abbreviate(fingerprint)} 与配置一致。"));
    }

    /// <summary>The PII key fingerprint a backup file holds (plat_settings), or null when it holds none.</summary>
    public async Task<string?> FingerprintInBackupAsync(string file, CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'plat_settings'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
            {
                return null;
            }

            command.CommandText = "SELECT \"Value\" FROM plat_settings WHERE \"Name\" = $name";
            command.Parameters.AddWithValue("$name", PiiKeyCheck.SettingName);
            return await command.ExecuteScalarAsync(ct) as string;
        }

        // The table's data in COPY text: a header line, tab-separated rows, then "\.".
        var (exit, output, error) = await RunAsync("pg_restore", ["--data-only", "--table=plat_settings", "--file=-", file], ct);
        if (exit != 0)
        {
            throw new InvalidOperationException(error.Trim());
        }

        foreach (var line in output.Split('\n'))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 2 && fields[0] == PiiKeyCheck.SettingName)
            {
                return fields[1];
            }
        }

        return null;
    }

    /// <summary>Does any table (past the ones an empty platform fills at its first start) hold a row?</summary>
    public async Task<bool> TargetHasDataAsync(CancellationToken ct)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (!File.Exists(path))
            {
                return false;
            }

            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            return await AnyRowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", t => $"SELECT EXISTS (SELECT 1 FROM \"{t}\")", ct);
        }

        await using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await pg.OpenAsync(ct);
        return await AnyRowsAsync(pg, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", t => $"SELECT EXISTS (SELECT 1 FROM \"{t}\")", ct);
    }

    private static async Task<bool> AnyRowsAsync(System.Data.Common.DbConnection connection, string listTables, Func<string, string> exists, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables.Where(t => !Bookkeeping.Contains(t)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = exists(table);
            if (Convert.ToBoolean(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture))
            {
                return true;
            }
        }

        return false;
    }

    private List<string> ConnectionArguments()
    {
        var cs = new NpgsqlConnectionStringBuilder(ConnectionString);
        var args = new List<string> { "--host=" + (cs.Host ?? "localhost"), "--port=" + cs.Port.ToString(CultureInfo.InvariantCulture), "--dbname=" + cs.Database };
        if (!string.IsNullOrEmpty(cs.Username))
        {
            args.Add("--username=" + cs.Username);
        }

        args.Add("--no-password");
        return args;
    }

    /// <summary>Runs a PostgreSQL client tool: from <c>Backup:PgBinDirectory</c>, the PATH, or the newest /usr/lib/postgresql/*/bin.</summary>
    private async Task<(int Exit, string Output, string Error)> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var cs = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (!string.IsNullOrEmpty(cs.Password))
        {
            start.Environment["PGPASSWORD"] = cs.Password;
        }

        start.Environment["PGSSLMODE"] = cs.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }

    private string FindTool(string tool)
    {
        if (config["Backup:PgBinDirectory"] is { Length: > 0 } configured)
        {
            return Path.Combine(configured, tool);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, tool)))
            {
                return Path.Combine(dir, tool);
            }
        }

        const string Versions = "/usr/lib/postgresql";
        var newest = Directory.Exists(Versions)
            ? Directory.GetDirectories(Versions).Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException($"{tool} was not found: install the PostgreSQL client tools or set Backup:PgBinDirectory.");
    }
}
