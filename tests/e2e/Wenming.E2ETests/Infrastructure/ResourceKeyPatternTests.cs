namespace Wenming.E2ETests.Infrastructure;

/// <summary>The page checks rely on <see cref="BrowserFixture.ResourceKey"/>; a pattern that matched nothing would let every missing text through.</summary>
public sealed class ResourceKeyPatternTests
{
    [Theory]
    [InlineData("兑换 Market.ui.shop 失败")]
    [InlineData("validation.required")]
    [InlineData("Points.kind.ServiceHours")]
    [InlineData("Award.nav.notices")]
    [InlineData("Shell.nav.home")]
    public void A_raw_key_of_any_module_is_caught(string text) => Assert.Matches(BrowserFixture.ResourceKey, text);

    [Theory]
    [InlineData("公益超市 · 我的积分 280")]
    [InlineData("2026-11-24 01:05 余额 75")]
    [InlineData("牙膏.png")]
    public void Ordinary_page_text_is_not(string text) => Assert.DoesNotMatch(BrowserFixture.ResourceKey, text);
}
