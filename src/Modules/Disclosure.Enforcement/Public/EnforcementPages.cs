using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Items;
using Disclosure.Enforcement.Services;

namespace Disclosure.Enforcement.Public;

/// <summary>执法公开平台: its sections, the case kinds' steps and rights, the related pages and the statistics.</summary>
public sealed record EnforcementIntroPage(
    IReadOnlyList<IntroSection> Sections,
    IReadOnlyList<CaseKindSummary> Kinds,
    CatalogueNode? RandomInspection,
    EnforcementStatisticsReport Statistics);

/// <summary>One section (执法主体 …): what it covers, the 目录 class it comes from (null when the site has none) and its latest items.</summary>
public sealed record IntroSection(string Id, string Title, string Lead, CatalogueNode? Class, IReadOnlyList<ListRow> Latest);

/// <summary>A case kind as the platform describes it: its steps (in the vocabulary's order) and its rights text.</summary>
public sealed record CaseKindSummary(string Name, IReadOnlyList<string> Steps, string Rights);

/// <summary>
/// 警务公开查询: the form (what was typed, except the tail, which is never sent back), the problems per field, a fresh
/// captcha, and after a query either the party's view of the case or 未找到.
/// </summary>
public sealed record PartyQueryPage(
    string? CaseNumber,
    string? QueryCode,
    IReadOnlyDictionary<string, string> Errors,
    string? CaptchaId,
    string? CaptchaImage,
    bool NotFound,
    PartyCaseView? Answer)
{
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The id of the message element of a field, for aria-describedby.</summary>
    public static string ErrorId(string field) => "error-" + field;
}
