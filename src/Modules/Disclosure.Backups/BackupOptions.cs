using System.Globalization;

namespace Disclosure.Backups;

/// <summary>The scheduled backup and the tools it runs. Bound from the "Backup" configuration section.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>Where scheduled archives are written; empty turns the scheduled backup off (the command still works).</summary>
    public string? Folder { get; set; }

    /// <summary>The time of day, China time (HH:mm), of the daily scheduled backup.</summary>
    public string Schedule { get; set; } = "02:30";

    /// <summary>How many of the newest archives the scheduled backup keeps in <see cref="Folder"/>; older ones are deleted.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>pg_dump to use on PostgreSQL; default: found on PATH, then under /usr/lib/postgresql/*/bin.</summary>
    public string? PgDumpPath { get; set; }

    /// <summary>pg_restore to use on PostgreSQL; found as <see cref="PgDumpPath"/> is.</summary>
    public string? PgRestorePath { get; set; }

    /// <summary>
    /// For the tests only: a pause after each file written into an archive, so a test can kill a backup part-way.
    /// Zero (the default) in any real installation.
    /// </summary>
    public int TestDelayMilliseconds { get; set; }

    /// <summary>The daily time parsed from <see cref="Schedule"/>, or null when it is not HH:mm.</summary>
    public TimeOnly? DailyTime =>
        TimeOnly.TryParseExact(Schedule, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public bool ScheduleEnabled => !string.IsNullOrWhiteSpace(Folder);
}
