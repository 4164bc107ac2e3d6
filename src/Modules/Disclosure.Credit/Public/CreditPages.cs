using Disclosure.Contents;
using Disclosure.Contents.Items;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
namespace Disclosure.Credit.Public;

/// <summary>双公示 landing page: what is published and how to search it.</summary>
public sealed record CreditHomePage(int Licences, int Penalties, AgencyListing Listing);

/// <summary>The search form as the reader filled it in (query-string values, so a result can be linked to).</summary>
/// <remarks><see cref="Reach"/>: 含下级 (<c>subtree</c>) or 全部 (<c>all</c>) on an agency's site; null for 本级 and on the installation's.</remarks>
public sealed record CreditSearchForm(string? Q, string By, string Match, string? Reach = null)
{
    public static readonly IReadOnlyList<(string Value, string Label)> Fields =
        [("name", "行政相对人名称"), ("code", "统一社会信用代码"), ("number", "决定文书号")];

    public static readonly IReadOnlyList<(string Value, string Label)> Matches = [("prefix", "前缀匹配"), ("exact", "精确匹配")];

    public CreditSearch ToSearch() => new(
        Q,
        By switch { "code" => CreditSearchField.CreditCode, "number" => CreditSearchField.DecisionNumber, _ => CreditSearchField.Name },
        Match == "exact" ? CreditSearchMatch.Exact : CreditSearchMatch.Prefix);

    public string Url(string path, int page) =>
        $"{path}?q={Uri.EscapeDataString(Q ?? string.Empty)}&by={By}&match={Match}" + (Reach is null ? string.Empty : $"&reach={Reach}") + (page > 1 ? $"&page={page}" : string.Empty);
}

/// <summary>What the theme's search form partial needs: which kind, what was asked, where the form goes.</summary>
public sealed record CreditSearchBox(CreditRecordKind Kind, CreditSearchForm Form)
{
    public string Action => CreditUrls.List(Kind);

    public string KindName => CreditVocabulary.Name(Kind);

    /// <summary>A prefix for element ids, so two forms can share a page.</summary>
    public string IdPrefix => Kind == CreditRecordKind.Licence ? "licence" : "penalty";

    public static CreditSearchBox Empty(CreditRecordKind kind, string? reach = null) => new(kind, new CreditSearchForm(null, "name", "prefix", reach));
}

/// <summary>A page of 行政许可 or 行政处罚 records: the masked names and the decisions, newest first.</summary>
public sealed record CreditSearchPage(CreditRecordKind Kind, string Path, CreditSearchForm Form, CreditSearchResult Result, string? Error, AgencyListing Listing)
{
    public string KindName => CreditVocabulary.Name(Kind);

    public string NumberLabel => CreditFields.For(Kind)[CreditFields.DecisionNumber].Label;

    public string DateLabel => CreditFields.For(Kind)[CreditFields.DecisionDate].Label;

    public string AuthorityLabel => CreditFields.For(Kind)[CreditFields.Authority].Label;

    public string SummaryLabel => Kind == CreditRecordKind.Licence ? "许可类别" : "处罚类别";

    public Pager Pager => new(Result.Page, Result.PageCount, Result.Total, p => Form.Url(Path, p));

    public CreditSearchBox SearchBox => new(Kind, Form);

    public string RecordUrl(long id) => CreditUrls.Record(Kind, id);
}

/// <summary>One record's public fields, masked, labelled as the national standard labels them.</summary>
public sealed record CreditRecordPage(CreditRecordKind Kind, string Title, string PartyName, IReadOnlyList<MetadataRow> Fields)
{
    public string KindName => CreditVocabulary.Name(Kind);

    public string ListUrl => CreditUrls.List(Kind);
}

/// <summary>The notice left where a withdrawn record was: which decision, when and why (行政处罚法 第四十八条).</summary>
public sealed record CreditWithdrawnPage(CreditRecordKind Kind, CreditWithdrawnNotice Notice)
{
    public string KindName => CreditVocabulary.Name(Kind);

    public string ListUrl => CreditUrls.List(Kind);

    public string Title => $"{KindName}信息：{Notice.DecisionNumber}";

    public string NumberLabel => CreditFields.For(Kind)[CreditFields.DecisionNumber].Label;

    public string AuthorityLabel => CreditFields.For(Kind)[CreditFields.Authority].Label;
}

public static class CreditUrls
{
    public const string Home = "/credit";

    public static string List(CreditRecordKind kind) => kind == CreditRecordKind.Licence ? "/credit/licences" : "/credit/penalties";

    public static string Record(CreditRecordKind kind, long id) => $"{List(kind)}/{id}";
}
