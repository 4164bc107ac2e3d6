using Disclosure.Requests.Models;

namespace Disclosure.Requests.Statistics;

/// <summary>
/// One row of table 三 across its applicant columns (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他) with
/// <see cref="Total"/> as the 总计 column. Immutable with value equality, so a test can compare a row to one
/// written out by hand.
/// </summary>
public readonly record struct ApplicantCounts(int NaturalPerson, int Commercial, int Research, int PublicWelfare, int LegalService, int Other)
{
    public static ApplicantCounts Zero => default;

    /// <summary>总计: the sum of the six applicant columns.</summary>
    public int Total => NaturalPerson + Commercial + Research + PublicWelfare + LegalService + Other;

    public int this[ApplicantKind kind] => kind switch
    {
        ApplicantKind.NaturalPerson => NaturalPerson,
        ApplicantKind.Commercial => Commercial,
        ApplicantKind.Research => Research,
        ApplicantKind.PublicWelfare => PublicWelfare,
        ApplicantKind.LegalService => LegalService,
        ApplicantKind.OtherOrganisation => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The seven cells in table order: the six applicant columns, then 总计.</summary>
    public IReadOnlyList<int> Cells => [NaturalPerson, Commercial, Research, PublicWelfare, LegalService, Other, Total];

    /// <summary>These counts with one more (or <paramref name="count"/> more) in the column of <paramref name="kind"/>.</summary>
    public ApplicantCounts Add(ApplicantKind kind, int count = 1) => kind switch
    {
        ApplicantKind.NaturalPerson => this with { NaturalPerson = NaturalPerson + count },
        ApplicantKind.Commercial => this with { Commercial = Commercial + count },
        ApplicantKind.Research => this with { Research = Research + count },
        ApplicantKind.PublicWelfare => this with { PublicWelfare = PublicWelfare + count },
        ApplicantKind.LegalService => this with { LegalService = LegalService + count },
        ApplicantKind.OtherOrganisation => this with { Other = Other + count },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ApplicantCounts operator +(ApplicantCounts a, ApplicantCounts b) => new(
        a.NaturalPerson + b.NaturalPerson, a.Commercial + b.Commercial, a.Research + b.Research,
        a.PublicWelfare + b.PublicWelfare, a.LegalService + b.LegalService, a.Other + b.Other);

    public static ApplicantCounts Sum(IEnumerable<ApplicantCounts> counts) => counts.Aggregate(Zero, (a, b) => a + b);
}
