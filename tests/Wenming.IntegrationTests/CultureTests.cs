using System.Globalization;
using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The platform speaks one language (ADR 0091): zh-CN is the process's culture, set once when the host is built, so
/// a job or an event handler on a pool thread outside any request formats and sorts as a request does.
/// </summary>
public sealed class CultureTests(DisposableDatabaseApp app) : IClassFixture<DisposableDatabaseApp>
{
    [DatabaseFact]
    public async Task WorkOutsideARequest_RunsInChinese()
    {
        using var page = await app.Http.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var seen = await Task.Run(() => (
            Culture: CultureInfo.CurrentCulture.Name,
            Texts: CultureInfo.CurrentUICulture.Name,
            Day: new DateTime(2026, 12, 6).ToString("dddd"),
            Sorted: string.Join(' ', new[] { "张", "安", "李" }.Order())));

        Assert.Equal(("zh-CN", "zh-CN", "星期日", "安 李 张"), seen);
    }
}
