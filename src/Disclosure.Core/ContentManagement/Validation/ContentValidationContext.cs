namespace Disclosure.Core.ContentManagement.Validation;

/// <summary>The site's own lists that content is checked against, loaded by the storage layer.</summary>
public sealed class ContentValidationContext
{
    /// <summary>信息公开目录 class codes.</summary>
    public required IReadOnlySet<string> CatalogueCodes { get; init; }

    /// <summary>发布机构 codes.</summary>
    public required IReadOnlySet<string> AgencyCodes { get; init; }

    /// <summary>主题分类 names; empty means any topic is accepted.</summary>
    public IReadOnlySet<string> Topics { get; init; } = new HashSet<string>();

    /// <summary>The content type of an existing item by public id, or null when there is no such item.</summary>
    public Func<string, string?> FindContentType { get; init; } = _ => null;
}
