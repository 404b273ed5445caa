using Wenming.Web;
using Wenming.Web.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWenming();
builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/").AllowAnonymousToFolder("/Account"));

var app = builder.Build();
app.MapWenming();
app.MapRazorPages();

await Startup.PrepareDatabaseAsync(app.Services, app.Configuration, app.Environment, app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
