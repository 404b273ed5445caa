using Microsoft.Extensions.Caching.Memory;

namespace Wenming.Web.Modules.Content.Features;

/// <summary>
/// The portal's short-lived answers (ADR 0047): a link shared in a village's WeChat group brings a hundred phones in
/// a minute, all asking the same. Entries live <see cref="Lifetime"/> at most; a publish or withdraw on this process
/// starts a new generation, so its author sees the change at once rather than after the expiry.
/// </summary>
public sealed class PortalCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private long _generation;

    public void Changed() => Interlocked.Increment(ref _generation);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
    {
        var full = $"portal:{Interlocked.Read(ref _generation)}:{key}";
        if (cache.TryGetValue(full, out T? hit) && hit is not null)
        {
            return hit;
        }

        var value = await load();
        cache.Set(full, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return value;
    }
}
