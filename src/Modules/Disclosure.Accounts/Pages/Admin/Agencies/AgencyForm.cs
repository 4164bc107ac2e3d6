using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;

namespace Disclosure.Accounts.Pages.Admin.Agencies;

/// <summary>The agency form's fields, as posted and as shown.</summary>
public sealed class AgencyForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? ParentCode { get; set; }
    public string? AreaCode { get; set; }
    public string? DepartmentCode { get; set; }
    public string? CreditCode { get; set; }
    public string? IndexNumberFormat { get; set; }
    public bool AcceptsOnlineRequests { get; set; } = true;

    public AgencyInput ToInput() => new(Code, Name, ParentCode, AreaCode, DepartmentCode, CreditCode, IndexNumberFormat, AcceptsOnlineRequests);

    public static AgencyForm From(AgencyRecord agency) => new()
    {
        Code = agency.Code,
        Name = agency.Name,
        ParentCode = agency.ParentCode,
        AreaCode = agency.AreaCode,
        DepartmentCode = agency.DepartmentCode,
        CreditCode = agency.CreditCode,
        IndexNumberFormat = agency.IndexNumberFormat,
        AcceptsOnlineRequests = agency.AcceptsOnlineRequests,
    };
}
