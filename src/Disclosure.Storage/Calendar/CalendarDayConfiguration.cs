using Disclosure.Core.Calendar;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Calendar;

/// <summary>The CalendarDays table: portable types only (DateOnly is TEXT on SQLite, date on PostgreSQL).</summary>
internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDayRecord>
{
    public void Configure(EntityTypeBuilder<CalendarDayRecord> day)
    {
        day.ToTable("CalendarDays");
        day.HasKey(d => d.Date);
        day.Property(d => d.Date).ValueGeneratedNever();
        day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        day.Property(d => d.Name).HasMaxLength(CalendarRules.MaxNameLength);
        day.Property(d => d.Source).HasMaxLength(CalendarRules.MaxSourceLength);
        day.Property(d => d.UpdatedBy).HasMaxLength(256);
        day.HasIndex(d => d.Year);
    }
}

/// <summary>The AgencyCalendarDays table: one agency's local days, keyed by agency and date.</summary>
internal sealed class AgencyCalendarDayConfiguration : IEntityTypeConfiguration<AgencyCalendarDayRecord>
{
    public void Configure(EntityTypeBuilder<AgencyCalendarDayRecord> day)
    {
        day.ToTable("AgencyCalendarDays");
        day.HasKey(d => new { d.AgencyCode, d.Date });
        day.Property(d => d.AgencyCode).HasMaxLength(64);
        day.Property(d => d.Date).ValueGeneratedNever();
        day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        day.Property(d => d.Name).HasMaxLength(CalendarRules.MaxNameLength);
        day.Property(d => d.Source).HasMaxLength(CalendarRules.MaxSourceLength);
        day.Property(d => d.UpdatedBy).HasMaxLength(256);
        day.HasIndex(d => new { d.AgencyCode, d.Year });
    }
}
