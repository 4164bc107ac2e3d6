using Disclosure.Core.Calendar;

namespace Disclosure.Core.Organisation;

/// <summary>A publishing agency (发布机构) with the codes its 索引号 are made from.</summary>
public sealed record AgencyDefinition
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string AreaCode { get; init; }        // 区划代码
    public required string DepartmentCode { get; init; }  // 部门代码
    public string? CreditCode { get; init; }              // 统一社会信用代码
    /// <summary>This agency's own 索引号 pattern; null uses the site default.</summary>
    public string? IndexNumberFormat { get; init; }
    /// <summary>The agency above this one (上级机关), or null for a root.</summary>
    public string? ParentCode { get; init; }
    /// <summary>Order among its siblings.</summary>
    public int Position { get; init; }
    /// <summary>Whether the public 依申请公开 form offers this agency.</summary>
    public bool AcceptsOnlineRequests { get; init; } = true;
    public IReadOnlyList<DepartmentDefinition> Departments { get; init; } = [];
    /// <summary>The agency's own identity settings (联系地址, 复议机关, footer marks …) by setting key; the rest it inherits.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    /// <summary>The agency's local working-day changes on top of the national calendar (地方放假, 本地调休), by date.</summary>
    public IReadOnlyList<AgencyCalendarDayDefinition> Calendar { get; init; } = [];
}

/// <summary>One local day of an agency's calendar, with the notice it comes from when known.</summary>
public sealed record AgencyCalendarDayDefinition(CalendarDay Day, string? Source);

/// <summary>An internal unit of an agency (中心/室/队/所) whose 信息员 drafts disclosures.</summary>
public sealed record DepartmentDefinition(string Code, string Name);

/// <summary>A class of the 信息公开目录, e.g. <c>02.02 规范性文件</c> under <c>02 政策法规</c>.</summary>
public sealed record CatalogueClassDefinition(string Code, string Name, string? ParentCode, int Position, string? Description);

/// <summary>A role users can hold (管理员, 信息员, 初审人 …).</summary>
public sealed record RoleDefinition(string Name, string DisplayName);
