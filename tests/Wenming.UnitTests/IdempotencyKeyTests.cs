using Wenming.Web.Platform.Http;

namespace Wenming.UnitTests;

/// <summary>What a valid Idempotency-Key is, and what makes two requests the same one (ADR 0013).</summary>
public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("3f2c7a1e-9b1d-4c1e-8f0a-2b6d5e4c3a21")]
    [InlineData("01HZX3K9Q8R7T6Y5W4V3U2S1P0")]
    [InlineData("!~#$%&'()*+,-./:;<=>?@[]^_`{|}")]
    public void Visible_ascii_keys_of_1_to_100_characters_are_valid(string key) => Assert.True(IdempotencyKeys.IsValid(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("tab\t")]
    [InlineData("钥匙")]
    [InlineData("line\nbreak")]
    public void Empty_spaced_control_or_non_ascii_keys_are_invalid(string? key) => Assert.False(IdempotencyKeys.IsValid(key));

    [Fact]
    public void The_length_limit_is_100()
    {
        Assert.True(IdempotencyKeys.IsValid(new string('k', 100)));
        Assert.False(IdempotencyKeys.IsValid(new string('k', 101)));
    }

    [Fact]
    public void The_same_request_has_the_same_fingerprint()
    {
        var body = "{\"description\":\"上门理发\"}"u8.ToArray();
        Assert.Equal(
            IdempotencyKeys.Fingerprint("POST", "/api/v1/orders", body),
            IdempotencyKeys.Fingerprint("post", "/api/v1/orders", body.ToArray()));
        Assert.Matches("^[0-9a-f]{64}$", IdempotencyKeys.Fingerprint("POST", "/api/v1/orders", body));
    }

    [Fact]
    public void Method_path_query_and_every_body_byte_count()
    {
        var body = "{\"rating\":5}"u8.ToArray();
        var baseline = IdempotencyKeys.Fingerprint("POST", "/api/v1/orders/7/rate", body);
        Assert.NotEqual(baseline, IdempotencyKeys.Fingerprint("PUT", "/api/v1/orders/7/rate", body));
        Assert.NotEqual(baseline, IdempotencyKeys.Fingerprint("POST", "/api/v1/orders/8/rate", body));
        Assert.NotEqual(baseline, IdempotencyKeys.Fingerprint("POST", "/api/v1/orders/7/rate?x=1", body));
        Assert.NotEqual(baseline, IdempotencyKeys.Fingerprint("POST", "/api/v1/orders/7/rate", "{\"rating\":4}"u8.ToArray()));
        Assert.NotEqual(baseline, IdempotencyKeys.Fingerprint("POST", "/api/v1/orders/7/rate", []));
    }
}
