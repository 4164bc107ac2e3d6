using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Requests;

/// <summary>The tables of 依申请公开 (portable types only; enums as strings so SQL reads like the office talks).</summary>
internal static class RequestModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<InformationRequestRecord>(request =>
        {
            request.ToTable("InformationRequests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Number).HasMaxLength(16);
            request.HasIndex(r => r.Number).IsUnique();
            request.Property(r => r.TrackingCode).HasMaxLength(16);
            request.HasIndex(r => r.TrackingCode).IsUnique();
            request.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
            request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
            request.Property(r => r.RegisteredBy).HasMaxLength(256);
            request.Property(r => r.Description).HasMaxLength(2000);
            request.Property(r => r.DocumentReference).HasMaxLength(100);
            request.Property(r => r.Form).HasConversion<string>().HasMaxLength(16);
            request.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(16);
            request.Property(r => r.Stage).HasConversion<string>().HasMaxLength(24);
            request.Property(r => r.DepartmentCode).HasMaxLength(64);
            request.Property(r => r.CorrectionNote).HasMaxLength(1000);
            request.Property(r => r.ExtensionReason).HasMaxLength(500);
            request.Property(r => r.ExtensionApprovedBy).HasMaxLength(100);
            request.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(40);
            request.Property(r => r.ClosedBy).HasMaxLength(256);
            request.Property(r => r.ReplyText).HasMaxLength(4000);
            request.Property(r => r.ConcurrencyStamp).HasMaxLength(36).IsConcurrencyToken();
            request.HasIndex(r => new { r.Stage, r.ReceivedOn });
            request.HasIndex(r => r.ReceivedOn);
            request.HasIndex(r => r.ClosedOn);
            request.HasMany(r => r.Consultations).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Appeals).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RequestApplicantRecord>(applicant =>
        {
            applicant.ToTable("InformationRequestApplicants");
            applicant.HasKey(a => a.RequestId);
            applicant.Property(a => a.RequestId).ValueGeneratedNever();
            applicant.HasOne<InformationRequestRecord>().WithOne().HasForeignKey<RequestApplicantRecord>(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
            applicant.Property(a => a.Name).HasMaxLength(100);
            applicant.Property(a => a.IdType).HasConversion<string>().HasMaxLength(40);
            applicant.Property(a => a.IdNumber).HasMaxLength(20);
            applicant.Property(a => a.LegalRepresentative).HasMaxLength(50);
            applicant.Property(a => a.ContactName).HasMaxLength(50);
            applicant.Property(a => a.Phone).HasMaxLength(20);
            applicant.Property(a => a.Address).HasMaxLength(200);
            applicant.Property(a => a.PostalCode).HasMaxLength(6);
            applicant.Property(a => a.Email).HasMaxLength(100);
        });

        builder.Entity<RequestConsultationRecord>(consultation =>
        {
            consultation.ToTable("InformationRequestConsultations");
            consultation.HasKey(c => c.Id);
            consultation.Property(c => c.ThirdParty).HasMaxLength(200);
            consultation.Property(c => c.StartedBy).HasMaxLength(256);
        });

        builder.Entity<RequestAppealRecord>(appeal =>
        {
            appeal.ToTable("InformationRequestAppeals");
            appeal.HasKey(a => a.Id);
            appeal.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
            appeal.Property(a => a.Authority).HasMaxLength(200);
            appeal.Property(a => a.CaseNumber).HasMaxLength(100);
            appeal.Property(a => a.Result).HasConversion<string>().HasMaxLength(16);
            appeal.Property(a => a.RecordedBy).HasMaxLength(256);
        });

        builder.Entity<RequestDocumentRecord>(document =>
        {
            document.ToTable("InformationRequestDocuments");
            document.HasKey(d => d.Id);
            document.HasOne<InformationRequestRecord>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
            document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.FileName).HasMaxLength(200);
            document.Property(d => d.ContentType).HasMaxLength(100);
            document.Property(d => d.Sha256).HasMaxLength(64);
            document.Property(d => d.CreatedBy).HasMaxLength(256);
            document.HasIndex(d => d.RequestId);
        });

        builder.Entity<CaptchaChallengeRecord>(captcha =>
        {
            captcha.ToTable("CaptchaChallenges");
            captcha.HasKey(c => c.Id);
            captcha.Property(c => c.Id).HasMaxLength(32);
            captcha.Property(c => c.Answer).HasMaxLength(8);
            captcha.HasIndex(c => c.ExpiresUtc);
        });
    }
}
