using System.Net;
using Microsoft.Extensions.Configuration;
using Wenming.Web.Modules.Accounts.Features.SignIn;

namespace Wenming.UnitTests;

/// <summary>The waits of the sign-in throttle (ADR 0019) and how it names a client address.</summary>
public sealed class SignInLimitsTests
{
    private static readonly SignInLimits Defaults = SignInLimits.From(new ConfigurationBuilder().Build());

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(8, 8)]
    [InlineData(9, 15)]
    [InlineData(500, 15)]
    public void WaitAfter_DoublesFromOneMinuteAfterFiveFailures_UpToFifteen(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Defaults.WaitAfter(failures, underAttack: false));

    [Fact]
    public void WaitAfter_UnderAttack_IsTheLongestWaitFromTheFirstFailure() =>
        Assert.Equal(TimeSpan.FromMinutes(15), Defaults.WaitAfter(1, underAttack: true));

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void AddressOf_KeepsIPv4_AndTakesIPv6ByItsSlash64(string address, string expected) =>
        Assert.Equal(expected, SignInThrottle.AddressOf(IPAddress.Parse(address)));

    [Fact]
    public void KeyOf_AnUnknownLogin_IsAHashNotTheLoginItself()
    {
        var key = SignInThrottle.KeyOf("SOMEONE-TYPED-A-PASSWORD-HERE");
        Assert.StartsWith("l:", key, StringComparison.Ordinal);
        Assert.DoesNotContain("PASSWORD", key, StringComparison.Ordinal);
        Assert.Equal(key, SignInThrottle.KeyOf("SOMEONE-TYPED-A-PASSWORD-HERE"));
    }
}
