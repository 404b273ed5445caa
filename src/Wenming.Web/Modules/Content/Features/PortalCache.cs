using Microsoft.Extensions.Caching.Memory;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Content.Features;

/// <summary>
/// The portal's short-lived answers (ADR 0047): a link shared in a village's WeChat group brings a hundred phones in
/// a minute, all asking the same. Entries live <see cref="Lifetime"/> at most, and not past the moment the content
/// they hold expires. Each key carries its county's <see cref="PublicContentVersions"/> generation (ADR 0056): a
/// committed publish, withdrawal, cancellation or notice of something the portal shows in that county makes that
/// county's entries unreachable on this node at once, whichever module wrote it.
/// </summary>
public sealed class PortalCache(IMemoryCache cache, PublicContentVersions versions, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>An entry about one county's content (null: a unit above county level).</summary>
    /// <param name="until">Read after <paramref name="load"/>: when the loaded content stops being current (an article's expiry), if sooner than the lifetime.</param>
    public Task<T> GetAsync<T>(long? countyId, string key, Func<Task<T>> load, Func<DateTime?>? until = null) =>
        GetCoreAsync($"portal:{versions.Of(countyId)}:{countyId}:{key}", load, until);

    /// <summary>An entry whose county is not known before it is loaded (an article by id, the unit list): any change moves it.</summary>
    public Task<T> GetAnyAsync<T>(string key, Func<Task<T>> load, Func<DateTime?>? until = null) =>
        GetCoreAsync($"portal:a{versions.Any}:{key}", load, until);

    private async Task<T> GetCoreAsync<T>(string full, Func<Task<T>> load, Func<DateTime?>? until)
    {
        if (cache.TryGetValue(full, out T? hit) && hit is not null)
        {
            return hit;
        }

        var value = await load();
        var lifetime = Lifetime;
        if (until?.Invoke() is { } ends)
        {
            var left = ends - clock.GetUtcNow().UtcDateTime;
            if (left <= TimeSpan.Zero)
            {
                return value;
            }

            lifetime = left < lifetime ? left : lifetime;
        }

        cache.Set(full, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        return value;
    }
}
