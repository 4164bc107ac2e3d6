namespace Disclosure.Requests.Models;

/// <summary>
/// 申请人情况: the columns of the annual report's table 三 (自然人; 法人或其他组织 split five ways), in the order the
/// table lists them. The statistics rely on this order.
/// </summary>
public enum ApplicantKind
{
    /// <summary>自然人.</summary>
    NaturalPerson,

    /// <summary>商业企业.</summary>
    Commercial,

    /// <summary>科研机构.</summary>
    Research,

    /// <summary>社会公益组织.</summary>
    PublicWelfare,

    /// <summary>法律服务机构.</summary>
    LegalService,

    /// <summary>其他 (法人或其他组织 of any other kind).</summary>
    OtherOrganisation,
}

public static class ApplicantKinds
{
    /// <summary>Table 三's column order.</summary>
    public static readonly IReadOnlyList<ApplicantKind> All =
    [
        ApplicantKind.NaturalPerson, ApplicantKind.Commercial, ApplicantKind.Research,
        ApplicantKind.PublicWelfare, ApplicantKind.LegalService, ApplicantKind.OtherOrganisation,
    ];

    /// <summary>The column heading as table 三 prints it.</summary>
    public static string DisplayName(ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "自然人",
        ApplicantKind.Commercial => "商业企业",
        ApplicantKind.Research => "科研机构",
        ApplicantKind.PublicWelfare => "社会公益组织",
        ApplicantKind.LegalService => "法律服务机构",
        ApplicantKind.OtherOrganisation => "其他",
        _ => kind.ToString(),
    };

    /// <summary>How the kind reads outside the table: "法人或其他组织（商业企业）".</summary>
    public static string LongName(ApplicantKind kind) =>
        kind == ApplicantKind.NaturalPerson ? "自然人" : $"法人或其他组织（{(kind == ApplicantKind.OtherOrganisation ? "其他组织" : DisplayName(kind))}）";

    public static bool IsOrganisation(ApplicantKind kind) => kind != ApplicantKind.NaturalPerson;

    /// <summary>Parses the enum name as posted by a form; numbers and unknown names are refused.</summary>
    public static bool TryParse(string? text, out ApplicantKind kind) =>
        Enum.TryParse(text, ignoreCase: false, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
}
