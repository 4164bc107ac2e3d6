using Disclosure.Storage.Credit;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Disclosure.Storage;

/// <summary>
/// The one database of a Disclosure site. The model uses only portable column types so that SQLite and
/// PostgreSQL run the same migrations.
/// </summary>
public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options)
    : IdentityDbContext<DisclosureUser, DisclosureRole, string>(options)
{
    /// <summary>
    /// Set when this unit of work appended to the change log or bumped the <see cref="Changes.PublicRevision"/>;
    /// <see cref="Changes.ChangeSignalInterceptor"/> reads it at commit.
    /// </summary>
    internal bool PublicChangeWritten { get; set; }

    /// <summary>Set when this unit of work wrote an <see cref="Changes.IPublicReadModel"/>; <see cref="Changes.PublicRevisionInterceptor"/> bumps the revision as it commits.</summary>
    internal bool PublicRevisionDue { get; set; }

    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();
    public DbSet<ContentVersionRecord> ContentVersions => Set<ContentVersionRecord>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<ContentTypeRecord> ContentTypes => Set<ContentTypeRecord>();
    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();
    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();
    public DbSet<CatalogueClassRecord> CatalogueClasses => Set<CatalogueClassRecord>();
    public DbSet<TopicRecord> Topics => Set<TopicRecord>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<RecipeExecution> RecipeExecutions => Set<RecipeExecution>();
    public DbSet<ReviewChainRecord> ReviewChains => Set<ReviewChainRecord>();
    public DbSet<ReviewRecord> Reviews => Set<ReviewRecord>();
    public DbSet<ReviewDecisionRecord> ReviewDecisions => Set<ReviewDecisionRecord>();
    public DbSet<SecrecyFindingRecord> SecrecyFindings => Set<SecrecyFindingRecord>();
    public DbSet<SecrecyKeywordRecord> SecrecyKeywords => Set<SecrecyKeywordRecord>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ChannelToken> ChannelTokens => Set<ChannelToken>();
    public DbSet<CreditLicenceRecord> CreditLicences => Set<CreditLicenceRecord>();
    public DbSet<CreditPenaltyRecord> CreditPenalties => Set<CreditPenaltyRecord>();
    public DbSet<AnnualReports.AnnualReportRecord> AnnualReports => Set<AnnualReports.AnnualReportRecord>();
    public DbSet<Changes.PublicRevision> PublicRevisions => Set<Changes.PublicRevision>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored and read back as UTC: PostgreSQL's timestamptz insists on it and SQLite
        // would otherwise hand back DateTimeKind.Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ContentItemRecord>(item =>
        {
            item.ToTable("ContentItems");
            item.HasKey(i => i.Id);
            item.Property(i => i.ContentItemId).HasMaxLength(64);
            item.HasIndex(i => i.ContentItemId).IsUnique();
            item.Property(i => i.ContentType).HasMaxLength(64);
            item.Property(i => i.IndexNumber).HasMaxLength(100);
            item.HasIndex(i => i.IndexNumber).IsUnique();
            item.Property(i => i.DepartmentCode).HasMaxLength(64);
            item.Property(i => i.CreatedBy).HasMaxLength(256);
            // The annual report counts items first published in a year (section 一).
            item.HasIndex(i => i.FirstPublishedUtc);
            item.HasMany(i => i.Versions).WithOne(v => v.Item).HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ContentVersionRecord>(version =>
        {
            version.ToTable("ContentVersions");
            version.HasKey(v => v.Id);
            version.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
            version.Property(v => v.ContentType).HasMaxLength(64);
            version.Property(v => v.Title).HasMaxLength(200);
            version.Property(v => v.ContentHash).HasMaxLength(64);
            version.Property(v => v.CatalogueCode).HasMaxLength(32);
            version.Property(v => v.AgencyCode).HasMaxLength(64);
            version.Property(v => v.DocumentNumber).HasMaxLength(100);
            version.Property(v => v.CreatedBy).HasMaxLength(256);
            version.Property(v => v.PublishedBy).HasMaxLength(256);
            version.Property(v => v.WithdrawnBy).HasMaxLength(256);
            version.Property(v => v.WithdrawReason).HasMaxLength(500);
            version.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();

            // At most one published version per item, enforced by the database itself. The filter is written
            // in SQL that SQLite and PostgreSQL both accept.
            version.HasIndex(v => v.ItemId, "IX_ContentVersions_OnePublishedPerItem").IsUnique().HasFilter("\"Status\" = 'Published'");

            version.HasIndex(v => new { v.Status, v.PublishedUtc });
            version.HasIndex(v => new { v.Status, v.ContentType, v.PublishedUtc });
            version.HasIndex(v => new { v.Status, v.CatalogueCode, v.PublishedUtc });
            version.HasIndex(v => new { v.Status, v.AgencyCode, v.PublishedUtc });
            version.HasIndex(v => new { v.Status, v.ScheduledUtc });
        });

        builder.Entity<ChangeLogEntry>(entry =>
        {
            entry.ToTable("ChangeLog");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.ContentItemId).HasMaxLength(64);
            entry.Property(e => e.ContentType).HasMaxLength(64);
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entry.HasIndex(e => e.ContentItemId);
        });

        builder.Entity<ContentTypeRecord>(type =>
        {
            type.ToTable("ContentTypes");
            type.HasKey(t => t.Name);
            type.Property(t => t.Name).HasMaxLength(64);
            type.Property(t => t.DisplayName).HasMaxLength(100);
        });

        builder.Entity<AgencyRecord>(agency =>
        {
            agency.ToTable("Agencies");
            agency.HasKey(a => a.Code);
            agency.Property(a => a.Code).HasMaxLength(64);
            agency.Property(a => a.Name).HasMaxLength(200);
            agency.Property(a => a.AreaCode).HasMaxLength(32);
            agency.Property(a => a.DepartmentCode).HasMaxLength(32);
            agency.Property(a => a.CreditCode).HasMaxLength(18);
            agency.Property(a => a.IndexNumberFormat).HasMaxLength(100);
        });

        builder.Entity<DepartmentRecord>(department =>
        {
            department.ToTable("Departments");
            department.HasKey(d => d.Id);
            department.Property(d => d.AgencyCode).HasMaxLength(64);
            department.Property(d => d.Code).HasMaxLength(64);
            department.Property(d => d.Name).HasMaxLength(200);
            department.HasIndex(d => new { d.AgencyCode, d.Code }).IsUnique();
        });

        builder.Entity<CatalogueClassRecord>(catalogue =>
        {
            catalogue.ToTable("CatalogueClasses");
            catalogue.HasKey(c => c.Code);
            catalogue.Property(c => c.Code).HasMaxLength(32);
            catalogue.Property(c => c.Name).HasMaxLength(100);
            catalogue.Property(c => c.ParentCode).HasMaxLength(32);
            catalogue.Property(c => c.Description).HasMaxLength(500);
        });

        builder.Entity<TopicRecord>(topic =>
        {
            topic.ToTable("Topics");
            topic.HasKey(t => t.Name);
            topic.Property(t => t.Name).HasMaxLength(64);
        });

        builder.Entity<SiteSetting>(setting =>
        {
            setting.ToTable("SiteSettings");
            setting.HasKey(s => s.Name);
            setting.Property(s => s.Name).HasMaxLength(100);
        });

        builder.Entity<Counter>(counter =>
        {
            counter.ToTable("Counters");
            counter.HasKey(c => c.Name);
            counter.Property(c => c.Name).HasMaxLength(200);
        });

        builder.Entity<RecipeExecution>(execution =>
        {
            execution.ToTable("RecipeExecutions");
            execution.HasKey(e => e.Id);
            execution.Property(e => e.RecipeName).HasMaxLength(100);
            execution.Property(e => e.Hash).HasMaxLength(64);
        });

        builder.Entity<ReviewChainRecord>(chain =>
        {
            chain.ToTable("ReviewChains");
            chain.HasKey(c => c.Name);
            chain.Property(c => c.Name).HasMaxLength(64);
            chain.Property(c => c.DisplayName).HasMaxLength(100);
        });

        builder.Entity<ReviewRecord>(review =>
        {
            review.ToTable("Reviews");
            review.HasKey(r => r.Id);
            review.HasOne(r => r.Item).WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
            review.HasOne(r => r.Version).WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
            review.Property(r => r.ContentHash).HasMaxLength(64);
            review.Property(r => r.ChainName).HasMaxLength(64);
            review.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            review.Property(r => r.SubmittedBy).HasMaxLength(256);
            review.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Restrict);
            review.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Restrict);
            review.HasIndex(r => new { r.State, r.CurrentStep });
            review.HasIndex(r => r.ItemId);
        });

        builder.Entity<ReviewDecisionRecord>(decision =>
        {
            decision.ToTable("ReviewDecisions");
            decision.HasKey(d => d.Id);
            decision.Property(d => d.StepName).HasMaxLength(64);
            decision.Property(d => d.Decision).HasConversion<string>().HasMaxLength(16);
            decision.Property(d => d.UserName).HasMaxLength(256);
            decision.Property(d => d.Opinion).HasMaxLength(1000);
        });

        builder.Entity<SecrecyFindingRecord>(finding =>
        {
            finding.ToTable("SecrecyFindings");
            finding.HasKey(f => f.Id);
            finding.Property(f => f.Kind).HasMaxLength(32);
            finding.Property(f => f.FieldPath).HasMaxLength(300);
            finding.Property(f => f.Location).HasMaxLength(300);
            finding.Property(f => f.Match).HasMaxLength(200);
            finding.Property(f => f.ProposedMask).HasMaxLength(200);
            finding.Property(f => f.Description).HasMaxLength(100);
            finding.Property(f => f.Resolution).HasConversion<string>().HasMaxLength(16);
            finding.Property(f => f.ResolvedBy).HasMaxLength(256);
            finding.Property(f => f.Reason).HasMaxLength(500);
        });

        builder.Entity<SecrecyKeywordRecord>(keyword =>
        {
            keyword.ToTable("SecrecyKeywords");
            keyword.HasKey(k => k.Keyword);
            keyword.Property(k => k.Keyword).HasMaxLength(50);
            keyword.Property(k => k.AddedBy).HasMaxLength(256);
        });

        builder.Entity<LedgerEntry>(entry =>
        {
            entry.ToTable("Ledger");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(32);
            entry.Property(e => e.ContentItemId).HasMaxLength(64);
            entry.Property(e => e.ContentHash).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(1000);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.KeyId).HasMaxLength(32);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => e.ContentItemId);
        });

        builder.Entity<Changes.PublicRevision>(revision =>
        {
            revision.ToTable("PublicRevision");
            revision.HasKey(r => r.Id);
            revision.Property(r => r.Id).ValueGeneratedNever();
        });

        builder.ApplyConfiguration(new Calendar.CalendarDayConfiguration());
        Requests.RequestModel.Configure(builder);
        CreditRecordConfiguration.Configure(builder);
        Disclosure.Storage.AnnualReports.AnnualReportRecord.Configure(builder);

        builder.Entity<DisclosureUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.AgencyCode).HasMaxLength(64);
            user.Property(u => u.DepartmentCode).HasMaxLength(64);
        });

        builder.Entity<DisclosureRole>().Property(r => r.DisplayName).HasMaxLength(100);

        Outbox.OutboxModel.Configure(builder);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
