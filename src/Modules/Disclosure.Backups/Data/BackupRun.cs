namespace Disclosure.Backups.Data;

/// <summary>
/// One backup, scheduled or run from the command line, as the dashboard reports it. A scheduled run is claimed by
/// inserting its row: <see cref="Slot"/> is unique, so when several nodes share one database exactly one of them
/// inserts the row for a given day and runs that day's backup; the others see the conflict and stand aside.
/// </summary>
public sealed class BackupRun
{
    public long Id { get; set; }

    /// <summary>The scheduled slot this run is for (<c>yyyy-MM-dd HH:mm</c>, China time); null for a command-line run.</summary>
    public string? Slot { get; set; }

    /// <summary>The machine that ran it.</summary>
    public required string Node { get; set; }

    public DateTime StartedUtc { get; set; }

    /// <summary>Null while running, and for ever if the process died mid-way (the dashboard counts that as failed).</summary>
    public DateTime? FinishedUtc { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>The archive's file name (no folder), once written.</summary>
    public string? ArchiveName { get; set; }

    public long? SizeBytes { get; set; }

    /// <summary>Why it failed, in zh-CN.</summary>
    public string? Error { get; set; }
}
