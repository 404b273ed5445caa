using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Platform.Data;

public static class QueryExtensions
{
    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.SafePageSize).ToListAsync(ct);
        return new PageOf<T>(items, page.SafePage, page.SafePageSize, total);
    }

    /// <summary>Escapes LIKE wildcards so user search text matches literally.</summary>
    public static string LikeContains(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
