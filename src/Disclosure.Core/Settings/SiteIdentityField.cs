namespace Disclosure.Core.Settings;

/// <summary>
/// One setting of the office's identity. <see cref="Name"/> is how configuration names it
/// (<c>Site:Identity:{Name}</c>) and how the settings form posts it; <see cref="Key"/> is the row in the
/// SiteSettings table.
/// </summary>
public sealed record SiteIdentityField(string Name, string Key, string Label, string Group, bool Required = false, int MaxLength = 200, string? Hint = null)
{
    /// <summary>Kept on the agency's own row (发布机构) rather than in SiteSettings: 机构名称, 统一社会信用代码, 行政区划代码.</summary>
    public bool OnAgency => Key.StartsWith(SiteIdentityFields.AgencyKeyPrefix, StringComparison.Ordinal);
}

/// <summary>The identity settings in the order the settings page shows them.</summary>
public static class SiteIdentityFields
{
    internal const string AgencyKeyPrefix = "Agency.";

    public const string SiteName = "SiteName";
    public const string AgencyName = "AgencyName";
    public const string CreditCode = "CreditCode";
    public const string AreaCode = "AreaCode";
    public const string IndexNumberFormat = "IndexNumberFormat";
    public const string OfficeAddress = "OfficeAddress";
    public const string OfficePhone = "OfficePhone";
    public const string ReconsiderationAuthority = "ReconsiderationAuthority";
    public const string Court = "Court";
    public const string Sponsor = "Sponsor";
    public const string WebsiteCode = "WebsiteCode";
    public const string IcpNumber = "IcpNumber";
    public const string PoliceRecordNumber = "PoliceRecordNumber";
    public const string ContactAddress = "ContactAddress";
    public const string ContactPhone = "ContactPhone";
    public const string ContactEmail = "ContactEmail";

    /// <summary>Which agency row is the office's own (its code); set on first start, not on the form.</summary>
    public const string OwnAgencySetting = "Identity.AgencyCode";

    private const string Agency = "本机关", Letter = "答复告知书", Website = "网站标识（页面底部）";

    public static readonly IReadOnlyList<SiteIdentityField> All =
    [
        new(SiteName, "SiteName", "网站名称", Website, Required: true, MaxLength: 100),
        new(AgencyName, AgencyKeyPrefix + "Name", "机构名称", Agency, Required: true, MaxLength: 100, Hint: "答复告知书落款、年度报告标题和发布机构使用此名称。"),
        new(CreditCode, AgencyKeyPrefix + "CreditCode", "统一社会信用代码", Agency, MaxLength: 18, Hint: "18 位，末位为 GB 32100 校验码。"),
        new(AreaCode, AgencyKeyPrefix + "AreaCode", "行政区划代码", Agency, Required: true, MaxLength: 6, Hint: "6 位数字，索引号中的 {area}。"),
        new(IndexNumberFormat, "DefaultIndexNumberFormat", "索引号格式", Agency, Required: true, MaxLength: 100,
            Hint: "占位符：{area} 区划代码、{dept} 部门代码、{agency} 机构代码、{year}、{month}、{seq:00000} 流水号。"),
        new(OfficeAddress, "Identity.OfficeAddress", "联系地址", Agency, Hint: "依申请公开页面和回执上的信函、当面申请地址。"),
        new(OfficePhone, "Identity.OfficePhone", "联系电话", Agency, MaxLength: 50),
        new(ReconsiderationAuthority, "Identity.ReconsiderationAuthority", "行政复议机关", Letter, MaxLength: 100, Hint: "答复告知书中申请人可申请行政复议的机关。"),
        new(Court, "Identity.Court", "行政诉讼法院", Letter, MaxLength: 100, Hint: "答复告知书中申请人可提起行政诉讼的人民法院；留空则写“人民法院”。"),
        new(Sponsor, "Identity.Sponsor", "主办单位", Website, MaxLength: 100),
        new(WebsiteCode, "Identity.WebsiteCode", "网站标识码", Website, MaxLength: 10, Hint: "政府网站标识码，10 位字母或数字。"),
        new(IcpNumber, "Identity.IcpNumber", "ICP 备案号", Website, MaxLength: 50, Hint: "如“宁ICP备12000123号-1”，链接到工业和信息化部备案管理系统。"),
        new(PoliceRecordNumber, "Identity.PoliceRecordNumber", "公安机关备案号", Website, MaxLength: 50, Hint: "如“宁公网安备 64012102000123号”，链接到全国互联网安全管理服务平台。"),
        new(ContactAddress, "Identity.ContactAddress", "联系我们：地址", Website),
        new(ContactPhone, "Identity.ContactPhone", "联系我们：电话", Website, MaxLength: 50),
        new(ContactEmail, "Identity.ContactEmail", "联系我们：电子邮箱", Website, MaxLength: 100),
    ];

    /// <summary>
    /// The fields an agency may set for itself (集约化: each 县局 its own 联系地址, 复议机关, 主办单位 …), overriding the
    /// installation's value and its ancestors'. 网站名称 is the one website's; 机构名称, 统一社会信用代码, 行政区划代码 and
    /// 索引号格式 are the agency row's own columns.
    /// </summary>
    public static readonly IReadOnlyList<SiteIdentityField> PerAgency =
        All.Where(f => !f.OnAgency && f.Name is not (SiteName or IndexNumberFormat)).ToList();

    public static SiteIdentityField Get(string name) => All.Single(f => f.Name == name);
}
