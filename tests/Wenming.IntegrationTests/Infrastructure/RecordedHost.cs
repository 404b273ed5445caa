using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// The app once more over a fixture's database with a <see cref="StatementRecorder"/> on its contexts, for the tests
/// that count or read what a request sends to the database (issue 19), and API clients signed in on it. Disposing it
/// stops the host.
/// </summary>
public sealed class RecordedHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _host;
    private readonly HttpClient _http;

    public RecordedHost(AppFixture app)
    {
        _host = app.Factory.WithWebHostBuilder(b => b.ConfigureServices(Recorder.AddTo));
        _http = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public StatementRecorder Recorder { get; } = new();

    /// <summary>A client of this host signed in as <paramref name="login"/> with the demo password; the sign-in is not recorded unless a recording runs.</summary>
    public async Task<ApiClient> SignInAsync(string login)
    {
        var token = (await new ApiClient(_http, () => Task.FromResult<string?>(null), AppFixture.ClientAddress)
            .PostAsync("/api/v1/auth/token", new { login, password = AppFixture.DemoPassword })).Expect(HttpStatusCode.OK).Text("accessToken");
        return new ApiClient(_http, () => Task.FromResult<string?>(token), AppFixture.ClientAddress);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }
}
