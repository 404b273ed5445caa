using System.Text.RegularExpressions;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.UnitTests;

/// <summary>The rotating check-in code under a clock the test moves, and the hours rule (capped by the activity's span).</summary>
public sealed partial class AttendanceRulesTests
{
    /// <summary>Attendance keeps its text under "Attendance." (its codes are "checkin.…", passed to Error.Keyed with the full key), which the shared key check does not see.</summary>
    [GeneratedRegex(@"""(Attendance\.[A-Za-z_.]*[a-z_])""")]
    private static partial Regex AttendanceKeyUse();

    [Fact]
    public void EveryAttendanceKeyUsedInCode_HasChineseText()
    {
        var src = Path.Combine(ResourceTests.RepoRoot(), "src", "Wenming.Web");
        var keys = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => AttendanceKeyUse().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.Contains("Attendance.checkin.token_invalid", keys);
        Assert.Contains("Attendance.ui.check_in", keys);
        var missing = keys.Where(k => !Text.Has(k)).ToList();
        Assert.True(missing.Count == 0, "Missing resource keys: " + string.Join(", ", missing));
    }

    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private sealed class FakeClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Code_IsAcceptedInItsPeriodAndTheNext_ThenRefused()
    {
        // 10:00:05 UTC: inside the period that started at 10:00:00.
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 23, 10, 0, 5, TimeSpan.Zero));
        var codes = new CheckInCodes(clock);
        var (token, rotatesAt, expiresAt) = codes.Current(Secret, 42);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 30, TimeSpan.Zero), rotatesAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 1, 0, TimeSpan.Zero), expiresAt);
        Assert.Equal(16, token.Length);
        Assert.True(codes.IsValid(Secret, 42, token));

        clock.Now = rotatesAt.AddSeconds(1);
        Assert.NotEqual(token, codes.Current(Secret, 42).Token);
        Assert.True(codes.IsValid(Secret, 42, token));

        clock.Now = expiresAt;
        Assert.False(codes.IsValid(Secret, 42, token));
    }

    [Fact]
    public void Code_IsTheSameOnEveryNode_ButBoundToItsActivityAndKey()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 5, TimeSpan.Zero);
        var token = new CheckInCodes(new FakeClock(at)).Current(Secret, 42).Token;
        var otherNode = new CheckInCodes(new FakeClock(at.AddSeconds(3)));

        Assert.Equal(token, otherNode.Current(Secret, 42).Token);
        Assert.False(otherNode.IsValid(Secret, 43, token));
        Assert.False(otherNode.IsValid([.. Secret.Reverse()], 42, token));
        Assert.False(otherNode.IsValid(Secret, 42, ""));
        Assert.False(otherNode.IsValid(Secret, 42, null));
        Assert.False(otherNode.IsValid(Secret, 42, token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
    }

    private static readonly DateTime Start = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddHours(2);

    [Theory]
    [InlineData(-30, 160, 120)] // early arrival and late departure: the span only
    [InlineData(30, 75, 45)]
    [InlineData(10, null, 110)] // never checked out: to the end
    [InlineData(-90, -10, 0)] // left before the start
    [InlineData(125, 150, 0)] // came after the end
    [InlineData(0, 120, 120)]
    public void ServiceMinutes_AreCappedByTheActivitySpan(int inMinutes, int? outMinutes, int expected)
    {
        DateTime? checkedOut = outMinutes is { } o ? Start.AddMinutes(o) : null;
        Assert.Equal(expected, AttendanceRules.ServiceMinutes(Start.AddMinutes(inMinutes), checkedOut, Start, End));
    }

    [Fact]
    public void ServiceMinutes_OfAMultiDayActivity_AreAtMostOneDay()
    {
        Assert.Equal(24 * 60, AttendanceRules.ServiceMinutes(Start, Start.AddDays(3), Start, Start.AddDays(3)));
    }
}
