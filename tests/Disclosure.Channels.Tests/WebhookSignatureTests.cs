using System.Text;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.Webhooks;

namespace Disclosure.Channels.Tests;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"disclosure-7-app-app\",\"title\":\"通告\"}");

    [Fact]
    public void A_signature_verifies_against_the_same_secret_timestamp_and_body()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);
        var signature = WebhookSignature.Sign("s3cret", "1790000000", Body);
        Assert.StartsWith("sha256=", signature);
        Assert.Equal(71, signature.Length);
        Assert.True(WebhookSignature.Verify("s3cret", "1790000000", signature, Body, now, TimeSpan.FromMinutes(5)));
    }

    /// <summary>
    /// A known answer computed outside .NET, so the format the app's developers implement cannot drift:
    /// <c>printf '%s' '1790000000.{"id":"disclosure-7-app-app","title":"通告"}' | openssl dgst -sha256 -hmac 's3cret'</c>.
    /// </summary>
    [Fact]
    public void The_signature_is_hex_hmac_sha256_of_timestamp_dot_body()
    {
        Assert.Equal("sha256=b76b1545bac3bce06cc07e362072936202c47d21c6b145a862eba370c5a897eb", WebhookSignature.Sign("s3cret", "1790000000", Body));
    }

    [Fact]
    public void A_changed_body_secret_or_timestamp_or_a_stale_request_fails()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);
        var signature = WebhookSignature.Sign("s3cret", "1790000000", Body);
        var tampered = Encoding.UTF8.GetBytes("{\"id\":\"disclosure-7-app-app\",\"title\":\"通知\"}");
        Assert.False(WebhookSignature.Verify("s3cret", "1790000000", signature, tampered, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("other", "1790000000", signature, Body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("s3cret", "1790000001", signature, Body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("s3cret", "1790000000", signature, Body, now.AddMinutes(10), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("s3cret", null, signature, Body, now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void The_signature_is_hex_hmac_sha256_of_timestamp_dot_body_with_the_secret()
    {
        // Known answer, computed outside .NET: HMAC-SHA256(key "s3cret", "1790000000." + UTF-8 body), lower-case hex.
        Assert.Equal(
            "sha256=b76b1545bac3bce06cc07e362072936202c47d21c6b145a862eba370c5a897eb",
            WebhookSignature.Sign("s3cret", "1790000000", Body));
    }

    [Fact]
    public void A_request_without_a_signature_fails_even_with_a_fresh_timestamp()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);

        Assert.False(WebhookSignature.Verify("s3cret", "1790000000", null, Body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("s3cret", "1790000000", "", Body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("s3cret", "not-a-number", WebhookSignature.Sign("s3cret", "not-a-number", Body), Body, now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_timestamp_exactly_at_the_tolerance_either_side_is_still_accepted()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);
        var tolerance = TimeSpan.FromMinutes(5);

        foreach (var timestamp in new[] { "1789999700", "1790000300" })
        {
            Assert.True(WebhookSignature.Verify("s3cret", timestamp, WebhookSignature.Sign("s3cret", timestamp, Body), Body, now, tolerance));
        }

        foreach (var timestamp in new[] { "1789999699", "1790000301" })
        {
            Assert.False(WebhookSignature.Verify("s3cret", timestamp, WebhookSignature.Sign("s3cret", timestamp, Body), Body, now, tolerance));
        }
    }

    [Fact]
    public void Back_off_doubles_with_jitter_in_the_upper_half_and_is_capped()
    {
        var options = new OutboxOptions { BaseDelaySeconds = 10, MaxDelaySeconds = 60 };
        var random = new Random(1);
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var full = Math.Min(60, 10 * Math.Pow(2, attempt - 1));
            for (var i = 0; i < 50; i++)
            {
                var delay = RetrySchedule.Delay(attempt, options, random).TotalSeconds;
                Assert.InRange(delay, full / 2, full);
            }
        }
    }
}
