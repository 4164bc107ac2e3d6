using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Site.Forms;

internal sealed class CaptchaChallengeConfiguration : IEntityTypeConfiguration<CaptchaChallengeRecord>
{
    public void Configure(EntityTypeBuilder<CaptchaChallengeRecord> captcha)
    {
        captcha.ToTable("CaptchaChallenges");
        captcha.HasKey(c => c.Id);
        captcha.Property(c => c.Id).HasMaxLength(32);
        captcha.Property(c => c.Answer).HasMaxLength(8);
        captcha.HasIndex(c => c.ExpiresUtc);
    }
}
