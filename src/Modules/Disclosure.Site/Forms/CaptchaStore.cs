using System.Security.Cryptography;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Site.Forms;

/// <summary>
/// Image-captcha challenges (验证码) for the public forms, in the database so that any web node can check a
/// challenge another node issued. A challenge lives ten minutes and is consumed by its first check, right or
/// wrong. No method reads an answer back: the site draws the image once, from <see cref="IssueAsync"/>'s result,
/// into the page itself, and afterwards only asks <see cref="CheckAsync"/> yes or no.
/// </summary>
public sealed class CaptchaStore(DisclosureDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>No 0/O, 1/I/L, 2/Z, 5/S, 8/B: what remains cannot be mistaken for another character when distorted.</summary>
    public const string Alphabet = "34679ACDEFGHJKMNPQRTUVWXY";
    public const int Length = 5;

    /// <summary>A new challenge: its id (for the form and the image URL) and its answer (for drawing the image only).</summary>
    public async Task<(string Id, string Answer)> IssueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Expired challenges are swept as new ones are issued, so the table stays small without a background job.
        await db.Set<CaptchaChallengeRecord>().Where(c => c.ExpiresUtc < now).ExecuteDeleteAsync(cancellationToken);
        var answer = new string(Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.Set<CaptchaChallengeRecord>().Add(new CaptchaChallengeRecord { Id = id, Answer = answer, ExpiresUtc = now + Lifetime });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (id, answer);
    }

    /// <summary>True when <paramref name="typed"/> answers the challenge (case and spaces ignored). The challenge is gone afterwards either way.</summary>
    public async Task<bool> CheckAsync(string? id, string? typed, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id) || id.Length != 32)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var challenge = await db.Set<CaptchaChallengeRecord>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        // Only the request that deletes the row may use it: two submissions racing with one challenge get one chance.
        if (challenge is null || await db.Set<CaptchaChallengeRecord>().Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return false;
        }

        var answer = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
        return challenge.ExpiresUtc >= now && string.Equals(answer, challenge.Answer, StringComparison.Ordinal);
    }
}
