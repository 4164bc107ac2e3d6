using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Interaction.Mailbox;

internal sealed class LetterConfiguration : IEntityTypeConfiguration<LetterRecord>
{
    public void Configure(EntityTypeBuilder<LetterRecord> letter)
    {
        letter.ToTable("MailboxLetters");
        letter.Property(l => l.Number).HasMaxLength(20);
        letter.HasIndex(l => l.Number).IsUnique();
        letter.Property(l => l.TrackingCode).HasMaxLength(12);
        letter.HasIndex(l => l.TrackingCode).IsUnique();
        letter.Property(l => l.Subject).HasMaxLength(100);
        letter.Property(l => l.Body).HasMaxLength(5000);
        letter.Property(l => l.DepartmentCode).HasMaxLength(64);
        letter.Property(l => l.Reply).HasMaxLength(10000);
        letter.Property(l => l.ReplyUnit).HasMaxLength(100);
        letter.Property(l => l.PublicSubject).HasMaxLength(100);
        letter.Property(l => l.PublicBody).HasMaxLength(5000);
        letter.Property(l => l.PublicReply).HasMaxLength(10000);
        // The monthly figures: received by month and kind; replied, on time and working days by month and kind — each
        // answered from its index alone.
        letter.HasIndex(l => new { l.ReceivedMonth, l.Kind });
        letter.HasIndex(l => new { l.RepliedMonth, l.Kind, l.RepliedOnTime, l.ReplyWorkingDays });
        // The office's open letters (the dashboard and the board) and the public list of published ones.
        letter.HasIndex(l => new { l.Stage, l.DepartmentCode });
        letter.HasIndex(l => l.PublishedUtc);
        letter.HasAgency();
        letter.HasIndex(l => new { l.AgencyCode, l.ReceivedMonth });
        letter.HasOne<LetterWriterRecord>().WithOne().HasForeignKey<LetterWriterRecord>(w => w.LetterId).OnDelete(DeleteBehavior.Cascade);
        letter.HasMany<LetterAttachmentRecord>().WithOne().HasForeignKey(a => a.LetterId).OnDelete(DeleteBehavior.Cascade);
        letter.HasMany<LetterStepRecord>().WithOne().HasForeignKey(s => s.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LetterWriterConfiguration : IEntityTypeConfiguration<LetterWriterRecord>
{
    public void Configure(EntityTypeBuilder<LetterWriterRecord> writer)
    {
        writer.ToTable("MailboxLetterWriters");
        writer.HasKey(w => w.LetterId);
        writer.Property(w => w.Name).HasMaxLength(50);
        writer.Property(w => w.Phone).HasMaxLength(30);
        writer.Property(w => w.IdNumber).HasMaxLength(30);
        writer.Property(w => w.Email).HasMaxLength(100);
    }
}

internal sealed class LetterAttachmentConfiguration : IEntityTypeConfiguration<LetterAttachmentRecord>
{
    public void Configure(EntityTypeBuilder<LetterAttachmentRecord> attachment)
    {
        attachment.ToTable("MailboxLetterAttachments");
        attachment.Property(a => a.FileName).HasMaxLength(200);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
    }
}

internal sealed class LetterStepConfiguration : IEntityTypeConfiguration<LetterStepRecord>
{
    public void Configure(EntityTypeBuilder<LetterStepRecord> step)
    {
        step.ToTable("MailboxLetterSteps");
        step.Property(s => s.Action).HasMaxLength(40);
        step.Property(s => s.Note).HasMaxLength(1000);
        step.Property(s => s.Actor).HasMaxLength(100);
    }
}
