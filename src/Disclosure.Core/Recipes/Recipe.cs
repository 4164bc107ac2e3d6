using Disclosure.Core.Calendar;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Organisation;

namespace Disclosure.Core.Recipes;

/// <summary>A parsed recipe file: a named list of steps, applied in order and all-or-nothing.</summary>
public sealed record Recipe(string Name, string? DisplayName, string? Description, string FilePath, IReadOnlyList<RecipeStep> Steps)
{
    /// <summary>
    /// A part of this recipe under its own name: only the steps <paramref name="keep"/> selects (the demo's settings
    /// and agencies without its content, for the data generator and tests that need an office but no demo items).
    /// </summary>
    public Recipe Only(string name, Func<RecipeStep, bool> keep) => this with { Name = name, Steps = Steps.Where(keep).ToList() };
}

/// <summary>A step of a recipe; <see cref="Path"/> is where it sits in its file (e.g. <c>$.steps[2]</c>).</summary>
public abstract record RecipeStep(string Path);

public sealed record SettingsStep(string Path, IReadOnlyDictionary<string, string> Settings) : RecipeStep(Path);

public sealed record AgenciesStep(string Path, IReadOnlyList<AgencyDefinition> Agencies) : RecipeStep(Path);

public sealed record CatalogueStep(string Path, IReadOnlyList<CatalogueClassDefinition> Classes) : RecipeStep(Path);

public sealed record TopicsStep(string Path, IReadOnlyList<string> Topics) : RecipeStep(Path);

public sealed record RolesStep(string Path, IReadOnlyList<RoleDefinition> Roles) : RecipeStep(Path);

public sealed record ContentDefinitionStep(string Path, IReadOnlyList<ContentTypeDefinition> ContentTypes) : RecipeStep(Path);

/// <summary>Imports content items from the JSON files of a folder (the demo content, or a site's export).</summary>
public sealed record ContentStep(string Path, string SourceFolder, IReadOnlyList<ContentImportItem> Items) : RecipeStep(Path)
{
    /// <summary>
    /// 索引号 counters to raise to at least these values (<c>"indexNumberCounters": { "640121-103/2026": 12 }</c>, keyed
    /// by the format's scope): an export carries them so that 索引号 kept from the old site are never handed out again.
    /// </summary>
    public IReadOnlyDictionary<string, long> IndexNumberCounters { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// A folder of attachment files (<c>"media": "media"</c>, beside the recipe) copied into the site's media folder with
    /// their relative paths, so the Media fields of the imported items find them: an export's attachments.
    /// </summary>
    public string? MediaFolder { get; init; }
}

/// <summary>
/// Imports the working-day calendar (工作日历): one JSON file per year in a folder, each with the notice it
/// comes from (see <c>recipes/calendar/</c>).
/// </summary>
public sealed record CalendarStep(string Path, string SourceFolder, IReadOnlyList<CalendarYear> Years) : RecipeStep(Path);

/// <summary>One item to import: its stable id, type, authored data and, optionally, its publication history.</summary>
public sealed record ContentImportItem
{
    public required string Id { get; init; }
    public required string ContentType { get; init; }
    public required ContentData Data { get; init; }
    public required string SourceFile { get; init; }
    public string? Department { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public string? WithdrawReason { get; init; }

    /// <summary>The 索引号 the item had on the site it was exported from; kept as it is instead of allocated anew.</summary>
    public string? IndexNumber { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    /// <summary>
    /// The item's whole history (an export), oldest first, numbered 1, 2, 3 …: when present every version is written as
    /// it was — status, data, who and when — and <see cref="Data"/> is the latest version's.
    /// </summary>
    public IReadOnlyList<ContentImportVersion>? Versions { get; init; }
}

/// <summary>One version of an imported item's history, as the exporting site had it.</summary>
public sealed record ContentImportVersion
{
    public required int Number { get; init; }
    public required ContentStatus Status { get; init; }
    public required ContentData Data { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? ScheduledAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? PublishedBy { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public string? WithdrawnBy { get; init; }
    public string? WithdrawReason { get; init; }
}
