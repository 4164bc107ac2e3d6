using System.Text.RegularExpressions;
using Disclosure.Core.Secrecy;

namespace Disclosure.Credit.Models;

/// <summary>
/// What of a 双公示 record the public may see (standards.md §4, after the provincial rule it cites). The full record
/// stays internal; the public copy made here is the only thing public pages, the API and any index get.
/// <list type="bullet">
/// <item>自然人: the name masked to its surname (张*) and the document number to its area code and last four digits
/// (110101********123X).</item>
/// <item>个体工商户: the business itself is a registered market entity — its name (字号) and credit code are already
/// public in the 国家企业信用信息公示系统 — so they stay; its operator (经营者, in the 法定代表人 field) is a natural
/// person, so the operator's name and ID number are masked, and so is the operator's name wherever it appears in the
/// business name (a 个体工商户 without a 字号 is registered under the operator's own name).</item>
/// <item>法人及非法人组织: the 法定代表人's name is public registration data and stays; their ID number is masked.</item>
/// <item>Free text (违法事实, 许可内容, 处罚内容, 备注 …): every natural person the record names — the party when a
/// natural person, the 个体工商户's operator, and the 法定代表人 of any party (whose name stays in its own field of
/// a 法人, but is not repeated in the prose: the provincial rule hides natural persons other than the party) — is
/// masked wherever the name appears, also written with spaces (李 四, 李　四) and as the given name alone (德福, for a
/// given name of two characters or more; a one-character given name alone is an ordinary word). Then the secrecy
/// scan's personal data — ID (and suspect ID), mobile and bank-card numbers, e-mail addresses and names found in
/// context (当事人、证人、受害人 …) — is masked as it proposes.</item>
/// </list>
/// The internal columns (the two flags, 失信严重程度) are not part of the public field list at all.
/// </summary>
public static class CreditMasking
{
    private static readonly SecrecyScanner Scanner = new([]);

    private static readonly FindingKind[] PersonalData =
        [FindingKind.ResidentId, FindingKind.SuspectResidentId, FindingKind.MobileNumber, FindingKind.BankCard, FindingKind.Email, FindingKind.PersonName];

    /// <summary>A document number with the middle hidden: 18-character IDs keep 6 + 4, 15-digit IDs 6 + 3, others 2 + 2.</summary>
    public static string MaskDocumentNumber(string number)
    {
        var (head, tail) = number.Length switch
        {
            18 => (6, 4),
            15 => (6, 3),
            <= 4 => (0, 0),
            _ => (2, 2),
        };
        return string.Concat(number.AsSpan(0, head), new string('*', number.Length - head - tail), number.AsSpan(number.Length - tail));
    }

    public static T ToPublic<T>(T record) where T : CreditRecordData
    {
        var party = record.Party;
        var names = new List<(string Raw, string Masked)>();
        var publicParty = party with
        {
            LegalRepresentativeIdNumber = party.LegalRepresentativeIdNumber is { } legalId ? MaskDocumentNumber(legalId) : null,
            IdNumber = party.IdNumber is { } id ? MaskDocumentNumber(id) : null,
        };

        string? maskedRepresentative = null;
        if (party.LegalRepresentative is { } representative && !string.IsNullOrWhiteSpace(representative))
        {
            maskedRepresentative = SecrecyMasking.MaskPersonName(representative);
            names.Add((representative.Trim(), maskedRepresentative));
        }

        switch (party.Kind)
        {
            case PartyKind.NaturalPerson:
                var maskedName = SecrecyMasking.MaskPersonName(party.Name);
                names.Add((party.Name.Trim(), maskedName));
                publicParty = publicParty with { Name = maskedName };
                break;
            case PartyKind.IndividualBusiness when maskedRepresentative is not null:
                publicParty = publicParty with { LegalRepresentative = maskedRepresentative, Name = ReplaceNames(party.Name, names) };
                break;
        }

        CreditRecordData copy = record switch
        {
            LicenceData licence => licence with
            {
                Party = publicParty,
                Content = MaskText(licence.Content, names),
                CertificateName = MaskOptional(licence.CertificateName, names),
                Remarks = MaskOptional(licence.Remarks, names),
            },
            PenaltyData penalty => penalty with
            {
                Party = publicParty,
                ViolationType = MaskText(penalty.ViolationType, names),
                ViolationFacts = MaskText(penalty.ViolationFacts, names),
                Content = MaskText(penalty.Content, names),
                SuspendedLicence = MaskOptional(penalty.SuspendedLicence, names),
                Remarks = MaskOptional(penalty.Remarks, names),
            },
            _ => throw new ArgumentException($"Unknown record type {record.GetType().Name}.", nameof(record)),
        };
        return (T)copy;
    }

    /// <summary>The public fields of a record as (field, display text), masked, in the national order; blanks left out.</summary>
    public static IReadOnlyList<(CreditField Field, string Value)> PublicFields(CreditRecordData record)
    {
        var set = CreditFields.For(record.Kind);
        var values = CreditRowFormatter.Format(ToPublic(record));
        return set.Fields
            .Select((field, i) => (Field: field, Value: values[i]))
            .Where(x => x.Field.Public && !string.IsNullOrWhiteSpace(x.Value))
            .Select(x => (x.Field, CreditRowFormatter.Display(x.Field, x.Value)))
            .ToList();
    }

    /// <summary>The name the public sees and searches on: masked for a natural person, the operator's name masked inside a 个体工商户's.</summary>
    public static string PublicName(CreditParty party) => ToPublic(new LicenceData
    {
        Party = party, DecisionDocumentName = string.Empty, DecisionNumber = string.Empty, Category = string.Empty, Content = string.Empty,
        DecisionDate = default, ValidFrom = default, ValidUntil = default, Authority = string.Empty, AuthorityCreditCode = string.Empty,
        CurrentState = string.Empty, SourceUnit = string.Empty, SourceUnitCreditCode = string.Empty,
    }).Party.Name;

    public static string MaskText(string text, IReadOnlyList<(string Raw, string Masked)> names)
    {
        var named = ReplaceNames(text, names);
        var findings = Scanner.Scan(named, "双公示").Where(f => PersonalData.Contains(f.Kind)).ToList();
        return findings.Count == 0 ? named : SecrecyMasking.Apply(named, findings);
    }

    private static string? MaskOptional(string? text, IReadOnlyList<(string Raw, string Masked)> names) => text is null ? null : MaskText(text, names);

    /// <summary>
    /// Replaces each name of two or more characters, spaced or not, then each given name of two or more characters
    /// standing alone; longer names first, so 王德福 is not cut by a shorter 王德. A one-character "name" would blank
    /// out ordinary words.
    /// </summary>
    private static string ReplaceNames(string text, IReadOnlyList<(string Raw, string Masked)> names)
    {
        var named = names.Where(n => n.Raw.Length >= 2 && n.Raw != n.Masked).ToList();
        foreach (var (raw, masked) in named.OrderByDescending(n => n.Raw.Length))
        {
            text = SpacedPattern(raw).Replace(text, masked);
        }

        foreach (var (raw, _) in named.OrderByDescending(n => n.Raw.Length))
        {
            var givenName = raw[Math.Max(1, ChineseSurnames.SurnameLength(raw))..];
            if (givenName.Length >= 2)
            {
                text = SpacedPattern(givenName).Replace(text, new string('*', givenName.Length));
            }
        }

        return text;
    }

    /// <summary>The name with any run of spaces (half or full width) allowed between its characters: 李 四, 李　四.</summary>
    private static Regex SpacedPattern(string name) =>
        new(string.Join(@"[ \t\u3000]*", name.Select(c => Regex.Escape(c.ToString()))), RegexOptions.CultureInvariant);
}
