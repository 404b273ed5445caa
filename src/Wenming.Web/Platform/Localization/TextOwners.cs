using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace Wenming.Web.Platform.Localization;

/// <summary>
/// Which resource owns which key prefix (the segment before the first dot), built once from the
/// <see cref="TextsAttribute"/> claims. A key is looked up in its owner only; anything that would make
/// that ambiguous (a prefix claimed twice, a key in a file that does not own its prefix) stops start-up.
/// </summary>
public sealed class TextOwners
{
    private readonly Dictionary<string, ResourceManager> _byPrefix;

    private TextOwners(Dictionary<string, ResourceManager> byPrefix) => _byPrefix = byPrefix;

    public ResourceManager? For(string key) =>
        key.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && _byPrefix.TryGetValue(key[..dot], out var manager) ? manager : null;

    public static TextOwners Build(Assembly assembly)
    {
        var claims = assembly.GetCustomAttributes<TextsAttribute>().Select(a => (a.Resource, a.Prefixes)).ToList();
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length])
            .Where(n => !n.EndsWith(".g", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Resource: n, Keys: Keys(new ResourceManager(n, assembly))))
            .ToList();

        var problems = Problems(claims, files);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Text resources are inconsistent (ADR 0028):\n" + string.Join("\n", problems));
        }

        return new TextOwners(claims.SelectMany(c => c.Prefixes.Select(p => (Prefix: p, c.Resource)))
            .ToDictionary(x => x.Prefix, x => new ResourceManager(x.Resource, assembly), StringComparer.Ordinal));
    }

    /// <summary>Everything wrong with the claims against the files' keys; empty when each key has exactly one owner.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<(string Resource, IReadOnlyList<string> Prefixes)> claims, IReadOnlyList<(string Resource, IReadOnlyList<string> Keys)> files)
    {
        var problems = new List<string>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (resource, prefixes) in claims)
        {
            if (!files.Any(f => f.Resource == resource))
            {
                problems.Add($"resource {resource} is claimed but not embedded");
            }

            foreach (var prefix in prefixes)
            {
                if (!owner.TryAdd(prefix, resource))
                {
                    problems.Add($"prefix '{prefix}.' is claimed by both {owner[prefix]} and {resource}");
                }
            }
        }

        foreach (var (resource, keys) in files)
        {
            foreach (var key in keys)
            {
                var dot = key.IndexOf('.', StringComparison.Ordinal);
                var prefix = dot > 0 ? key[..dot] : key;
                if (!owner.TryGetValue(prefix, out var expected))
                {
                    problems.Add($"key '{key}' in {resource} has no owner: no [assembly: Texts] claims the prefix '{prefix}.'; give it its module's prefix and move it to that module's .resx");
                }
                else if (expected != resource)
                {
                    problems.Add($"key '{key}' is in {resource} but its prefix '{prefix}.' belongs to {expected}; move it there");
                }
            }
        }

        return problems;
    }

    /// <summary>The keys of a resource's neutral (zh-CN) texts.</summary>
    public static IReadOnlyList<string> Keys(ResourceManager manager)
    {
        var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true);
        return set is null ? [] : set.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }
}
