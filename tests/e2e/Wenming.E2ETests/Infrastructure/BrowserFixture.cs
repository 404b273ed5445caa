using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Wenming.E2ETests.Infrastructure;

/// <summary>One app and one headless Chromium for the whole run; each test opens its own browser context (own cookies).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = Wenming.Web.Demo.DemoCounty.Password;

    private WenmingServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => (_server ?? throw new InvalidOperationException("The app is not running.")).BaseAddress;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not running.");

    /// <summary>The app's services, for tests that create data through a module's own contract (e.g. posting points through the ledger).</summary>
    public IServiceProvider Services => (_server ?? throw new InvalidOperationException("The app is not running.")).Services;

    /// <summary>tests/e2e/screenshots, found from the source tree so it does not depend on the build output folder.</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null)
        {
            return;
        }

        if (!Chromium.IsInstalled)
        {
            throw new InvalidOperationException($"CI=true and Chromium is missing at {Chromium.ExecutablePath}: browser tests cannot run.");
        }

        _server = new WenmingServer();
        _server.StartServer();
        // The host serves before the demo county is written (ADR 0038); the browser tests sign in with its logins.
        await _server.Services.GetRequiredService<Wenming.Web.Platform.Hosting.DemoSeeding>().Completion;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A fresh context (no cookies) at the given viewport, with the site as base URL.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        // Generous: on a loaded 2-core CI machine the first render of a page (Razor compilation, JIT) is slow.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        // Chromium reports what the Content-Security-Policy blocked on the console; LooksRightAsync fails on it.
        var violations = CspViolations.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        return page;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> CspViolations = new();

    /// <summary>What the Content-Security-Policy refused on this page so far (scripts, styles, frames).</summary>
    public static IReadOnlyList<string> CspViolationsOf(IPage page)
    {
        var violations = CspViolations.GetOrCreateValue(page);
        lock (violations)
        {
            return [.. violations];
        }
    }

    public async Task<IPage> SignInAsync(string login, int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        // Left the sign-in page: the assertions that follow wait for what they need themselves.
        try
        {
            await WaitForAddressAsync(page, url => !url.Contains("/account/login", StringComparison.Ordinal));
        }
        catch (TimeoutException e)
        {
            // Say what the sign-in page showed (a refusal, an error page), not only that it did not move on.
            throw new TimeoutException($"{login} was not signed in; the page shows: {await page.Locator("body").InnerTextAsync()}", e);
        }

        return page;
    }

    /// <summary>
    /// Waits until the page's address matches, polling the address only. WaitForURLAsync also waits for a load
    /// event of the new page, and under CI load that event could fire before its waiter subscribed (POST, 302,
    /// GET): the page was there and the wait still timed out. What follows waits for its own elements.
    /// </summary>
    public static async Task WaitForAddressAsync(IPage page, Func<string, bool> matches, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!matches(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the page stayed at {page.Url}");
            }

            await Task.Delay(50);
        }
    }

    public static Task WaitForAddressAsync(IPage page, System.Text.RegularExpressions.Regex address) =>
        WaitForAddressAsync(page, address.IsMatch);

    /// <summary>
    /// Saved under tests/e2e/screenshots (git-ignored) for a person to look at; long lists pass fullPage: false.
    /// The caret is left as it is: hiding it makes Playwright inject an inline style, which the CSP rightly blocks.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage, Caret = ScreenshotCaret.Initial });
    }

    /// <summary>
    /// A raw message key on a page ("Market.ui.shop", "validation.required") means a missing text. The
    /// pattern is built from the first segment of every key in the app's resource files, so a module's
    /// new keys are covered without each test listing its prefixes.
    /// </summary>
    public static Regex ResourceKey { get; } = BuildResourceKeyPattern();

    /// <summary>What every page must be: no raw message keys, no sideways scrolling, nothing blocked by the CSP; and a screenshot for a person to look at.</summary>
    public static async Task LooksRightAsync(IPage page, int width, string name)
    {
        var text = await page.Locator("body").InnerTextAsync();
        Assert.False(ResourceKey.IsMatch(text), $"{name} shows a resource key: {ResourceKey.Match(text).Value}");
        Assert.True(await ScrollWidthAsync(page) <= width, $"{name} scrolls sideways at {width} px");
        Assert.True(CspViolationsOf(page).Count == 0, $"{name}: the Content-Security-Policy blocked: {string.Join(" | ", CspViolationsOf(page))}");
        await ScreenshotAsync(page, $"{name}-{width}");
    }

    private static Regex BuildResourceKeyPattern()
    {
        // Every prefix some resource claims (ADR 0028): the modules' and the platform's.
        var assembly = typeof(Wenming.Web.Platform.Localization.Text).Assembly;
        var prefixes = new SortedSet<string>(assembly.GetCustomAttributes(typeof(Wenming.Web.Platform.Localization.TextsAttribute), false)
            .Cast<Wenming.Web.Platform.Localization.TextsAttribute>().SelectMany(a => a.Prefixes), StringComparer.Ordinal);

        return new Regex(@"\b(" + string.Join('|', prefixes.Select(Regex.Escape)) + @")\.[A-Za-z_]+(\.[A-Za-z_]+)?\b", RegexOptions.CultureInvariant);
    }

    /// <summary>Phones must never scroll sideways (DESIGN §2: every resident page works at 360 px).</summary>
    public static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");

    private static string FindScreenshotDirectory()
    {
        // The build output may live outside the checkout (WENMING_ARTIFACTS), so start from this source file.
        var source = SourceFile();
        if (source.Length > 0 && Path.GetDirectoryName(source) is { } infrastructure && File.Exists(source))
        {
            return Path.GetFullPath(Path.Combine(infrastructure, "..", "..", "screenshots"));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wenming.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "e2e", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
