using Wenming.Web;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

var builder = WebApplication.CreateBuilder(args);
var trace = StartupTrace.From(builder.Configuration);
trace.Mark("configuration");
builder.Services.AddSingleton(trace);
builder.AddWenming();
builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/").AllowAnonymousToFolder("/Accounts/SignIn"));
trace.Mark("services");

var app = builder.Build();
trace.Mark("built");
// On 2 cores the EF model, the metrics, the endpoints and (after the database step) the key ring are built beside the
// main thread's work, not before it (ADR 0067).
var warmUp = StartupWarmUp.IsOn(app.Configuration);
if (warmUp)
{
    StartupWarmUp.Model(app.Services, trace);
    StartupWarmUp.Telemetry(app.Services, trace);
}

trace.Use(app);
app.MapWenming();
app.MapRazorPages();
trace.Mark("mapped");
if (warmUp)
{
    StartupWarmUp.Endpoints(app, trace);
}

app.Lifetime.ApplicationStarted.Register(() => trace.Mark("listening"));

try
{
    await Startup.PrepareDatabaseAsync(app.Services, app.Configuration, app.Environment, app.Lifetime.ApplicationStopping);
}
catch (Wenming.Web.Platform.Security.PiiKeyMismatchException e)
{
    // Refuse to serve on a database whose personal data another key wrote (ADR 0021): a clear line, a non-zero exit.
    app.Logger.LogCritical("{Message}", e.Message);
    await Console.Error.WriteLineAsync(e.Message);
    return 3;
}
catch (Exception e) when (DatabaseOutage.IsOutage(e))
{
    // Migrations on start need the database (with Database:MigrateOnStart=false a node starts without it and answers
    // 503 until it is back): say so in one line and exit non-zero, rather than abort on an unhandled exception.
    var message = "At start: " + DatabaseOutage.DoesNotAnswer(e) + " Or start with Database:MigrateOnStart=false to answer 503 until it is.";
    app.Logger.LogCritical("{Message}", message);
    await Console.Error.WriteLineAsync(message);
    return DatabaseOutage.ExitCode;
}

trace.Mark("database ready");
// On PostgreSQL the last statement's continuation runs on the multiplexing driver's read loop (ADR 0093): the host
// starts from a thread of the pool instead, so that nothing the start waits for (a test host's synchronous Start)
// can wait on that loop.
await Task.Yield();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
