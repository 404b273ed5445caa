using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// The app once more over a fixture's database, with settings of the test's own and a clock the test moves
/// (<see cref="Advance"/>): for what changes with time, such as sign-in waits and token expiry. Disposing it stops
/// every host it started.
/// </summary>
public sealed class ClockedHosts(AppFixture app) : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly List<IDisposable> _hosts = [];

    /// <summary>Moves the clock of every host started here.</summary>
    public void Advance(TimeSpan by) => _clock.Advance(by);

    /// <summary>A client of a new host with <paramref name="settings"/>, not following redirects.</summary>
    public HttpClient Start(IReadOnlyDictionary<string, string> settings)
    {
        var factory = app.Factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
        });
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _hosts.Add(http);
        _hosts.Add(factory);
        return http;
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private TimeSpan _shift;

        public void Advance(TimeSpan by) => _shift += by;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }
}
