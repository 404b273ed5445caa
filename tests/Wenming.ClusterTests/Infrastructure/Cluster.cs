using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Wenming.ClusterTests.Infrastructure;

/// <summary>
/// Two real web nodes (<c>dotnet Wenming.Web.dll</c>, Production, background jobs on) on one fresh PostgreSQL
/// database, behind a real nginx that skips a dead node. Every process it starts is killed again on dispose,
/// and the database dropped, whatever happened in between.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private readonly string _dir;
    private readonly string _server;
    private readonly string _database;
    private readonly string _piiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private Process? _nginx;

    private Cluster(string dir, string server, string database)
    {
        _dir = dir;
        _server = server;
        _database = database;
    }

    public Node A { get; private set; } = null!;

    public Node B { get; private set; } = null!;

    public int BalancerPort { get; private set; }

    public Uri BalancerUri => new($"http://127.0.0.1:{BalancerPort}");

    /// <summary>The database's connection string, for the checks that read it directly.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    public static async Task<Cluster> StartAsync()
    {
        Prerequisites.Require();
        var dir = Path.Combine(Path.GetTempPath(), "wm-cluster-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(dir);
        var database = "wm_cluster_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Prerequisites.PostgresServer!) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }

        var cluster = new Cluster(dir, Prerequisites.PostgresServer!, database);
        try
        {
            // A migrates and seeds the demo county first; B then starts on a ready database, as a second node would.
            cluster.A = new Node("A", FreePort(), cluster);
            await cluster.A.StartAsync(seed: true);
            cluster.B = new Node("B", FreePort(), cluster);
            await cluster.B.StartAsync(seed: false);
            await cluster.StartNginxAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the processes wrote, for a failure message: the last lines of each log.</summary>
    public string Logs()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.Exists(_dir) ? Directory.GetFiles(_dir, "*.log") : [])
        {
            var lines = File.ReadAllLines(file);
            text.AppendLine($"--- {Path.GetFileName(file)} (last 30 of {lines.Length} lines)");
            foreach (var line in lines.TakeLast(30))
            {
                text.AppendLine(line.Length > 400 ? line[..400] : line);
            }
        }

        return text.ToString();
    }

    private async Task StartNginxAsync()
    {
        BalancerPort = FreePort();
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(_dir, temp));
        }

        // Root runs nginx's workers as "nobody" unless told otherwise; they must read and write the temp folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        var conf = $$"""
            {{user}}
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{_dir}}/nginx.pid;
            error_log {{_dir}}/nginx-error.log warn;
            events { worker_connections 1024; }
            http {
                access_log {{_dir}}/nginx-access.log;
                client_body_temp_path {{_dir}}/body;
                proxy_temp_path {{_dir}}/proxy;
                fastcgi_temp_path {{_dir}}/fastcgi;
                uwsgi_temp_path {{_dir}}/uwsgi;
                scgi_temp_path {{_dir}}/scgi;
                upstream wenming {
                    server 127.0.0.1:{{A.Port}} max_fails=1 fail_timeout=2s;
                    server 127.0.0.1:{{B.Port}} max_fails=1 fail_timeout=2s;
                }
                server {
                    listen 127.0.0.1:{{BalancerPort}};
                    client_max_body_size 20m;
                    location / {
                        proxy_pass http://wenming;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        # A dead node (refused connection, no answer, 502) is skipped. nginx never resends a POST
                        # that reached a node: the phone retries it, with its Idempotency-Key.
                        proxy_next_upstream error timeout http_502;
                        proxy_next_upstream_tries 2;
                        proxy_connect_timeout 1s;
                        proxy_read_timeout 30s;
                    }
                }
            }
            """;
        var path = Path.Combine(_dir, "nginx.conf");
        await File.WriteAllTextAsync(path, conf);
        _nginx = Launch(Prerequisites.Nginx!, ["-c", path, "-p", _dir, "-e", Path.Combine(_dir, "nginx-error.log")], new Dictionary<string, string>(), "nginx", _dir);
        await WaitUntilAsync(() => GetsOkAsync(new Uri(BalancerUri, "/healthz")), _nginx, "nginx");
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_nginx);
        A?.Kill();
        B?.Kill();
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            NpgsqlConnection.ClearAllPools();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The server went away: nothing left to drop.
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Launch(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, string logName, string dir, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? dir,
        };
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + file);
        var log = new StreamWriter(Path.Combine(dir, logName + ".log"), append: true) { AutoFlush = true };
        var gate = new object();
        void Write(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine(line);
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) =>
        {
            lock (gate)
            {
                log.Dispose();
            }
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(3) };

    private static async Task<bool> GetsOkAsync(Uri uri)
    {
        try
        {
            using var response = await Probe.GetAsync(uri);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> ready, Process process, string what)
    {
        var giveUp = DateTime.UtcNow + StartTimeout;
        while (!await ready())
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with code {process.ExitCode} while starting.\n{Logs()}");
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"{what} was not ready within {StartTimeout.TotalSeconds} s.\n{Logs()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>One web node: a process of the built app on its own loopback port.</summary>
    public sealed class Node(string name, int port, Cluster cluster)
    {
        private Process? _process;

        public string Name => name;

        public int Port => port;

        public Uri Uri => new($"http://127.0.0.1:{port}");

        public bool IsRunning => _process is { HasExited: false };

        public async Task StartAsync(bool seed = false)
        {
            var dll = WebApp.Find()!;
            var env = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Wenming"] = cluster.ConnectionString,
                ["Security__PiiKey"] = cluster._piiKey,
                ["Demo__Seed"] = seed ? "true" : "false",
                ["Jobs__Enabled"] = "true",
                ["Network__TrustedProxies"] = "127.0.0.1",
                // The test's phones all come from 127.0.0.1; the sign-in limit has its own tests.
                ["RateLimits__SignInPerMinutePerAddress"] = "100000",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            _process = Launch("dotnet", [dll, "--urls", Uri.ToString().TrimEnd('/')], env, "node-" + name, cluster._dir, Path.GetDirectoryName(dll));
            await cluster.WaitUntilAsync(() => GetsOkAsync(new Uri(Uri, "/readyz")), _process, "node " + name);
        }

        /// <summary>kill -9: no shutdown, no flushing, requests in flight cut off.</summary>
        public void Kill()
        {
            Stop(_process);
            _process = null;
        }
    }
}
