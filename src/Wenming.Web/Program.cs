using Wenming.Web;
using Wenming.Web.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWenming();
builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/").AllowAnonymousToFolder("/Accounts/SignIn"));

var app = builder.Build();
app.MapWenming();
app.MapRazorPages();

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

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
