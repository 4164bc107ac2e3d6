using System.Globalization;
using Disclosure.Core.Secrecy;
using Disclosure.Core.Tables;
using Disclosure.Core.Text;
using Disclosure.Core.Time;

namespace Disclosure.Credit.Models;

/// <summary>What parsing needs besides the row: today's Beijing date (no decision lies in the future) and the office's rules.</summary>
public sealed record CreditParseContext(DateOnly Today, CreditPolicy Policy);

/// <summary>
/// Turns a row of text (an import row or the admin form) into a checked record, reporting every problem with its
/// column — not only the first — so an office can fix a file in one go. The same rules serve import and form, so
/// a record that can be typed in can be imported and the other way round.
/// </summary>
public static class CreditRowParser
{
    private const int MaxAge = 18;

    public static CreditRecordData? Parse(CreditRowValues values, int row, CreditParseContext context, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var reader = new CellReader(values, row, problems);
        var party = ReadParty(reader);
        CreditRecordData? record = values.Set.Kind == CreditRecordKind.Licence
            ? ReadLicence(reader, party, context)
            : ReadPenalty(reader, party, context);
        return problems.Count == before ? record : null;
    }

    private static CreditParty? ReadParty(CellReader r)
    {
        var name = r.Text(CreditFields.PartyName);
        var kind = r.Option(CreditFields.PartyKind) is { } kindText && CreditVocabulary.TryParsePartyKind(kindText, out var k) ? k : (PartyKind?)null;
        var codes = CreditFields.PartyCodes.ToDictionary(k => k, k => r.Text(k, upper: true));
        var legalRep = r.Text(CreditFields.LegalRepresentative);
        var legalRepIdType = r.Option(CreditFields.LegalRepresentativeIdType);
        var legalRepId = r.Text(CreditFields.LegalRepresentativeIdNumber, upper: true);
        var idType = r.Option(CreditFields.IdType);
        var idNumber = r.Text(CreditFields.IdNumber, upper: true);

        if (codes[CreditFields.CreditCode] is { } creditCode)
        {
            r.CheckCreditCode(CreditFields.CreditCode, creditCode);
        }

        r.CheckDocument(CreditFields.LegalRepresentativeIdType, legalRepIdType, CreditFields.LegalRepresentativeIdNumber, legalRepId);
        r.CheckDocument(CreditFields.IdType, idType, CreditFields.IdNumber, idNumber);

        var anyCode = codes.Values.Any(v => v is not null);
        switch (kind)
        {
            case PartyKind.NaturalPerson:
                if (anyCode)
                {
                    var first = CreditFields.PartyCodes.First(k => codes[k] is not null);
                    r.Problem(first, ImportProblemKind.PartyMismatch, $"「行政相对人类别」为自然人，不应填写「{r.Label(first)}」等行政相对人代码。");
                }

                if (legalRep is not null || legalRepId is not null)
                {
                    r.Problem(CreditFields.LegalRepresentative, ImportProblemKind.PartyMismatch, "「行政相对人类别」为自然人，不应填写法定代表人及其证件。");
                }

                if (idType is null && idNumber is null)
                {
                    r.Problem(CreditFields.IdNumber, ImportProblemKind.MissingValue, "自然人须填写「证件类型」和「证件号码」。");
                }

                break;

            case PartyKind.LegalEntity:
                if (!anyCode)
                {
                    r.Problem(CreditFields.CreditCode, ImportProblemKind.MissingValue, "法人及非法人组织须填写「统一社会信用代码」（尚未赋码的，填写其他行政相对人代码之一）。");
                }
                else if (codes[CreditFields.CreditCode] is { } code && CreditCode.IsValid(code) && CreditCode.IsIndividualBusiness(code))
                {
                    r.Problem(CreditFields.CreditCode, ImportProblemKind.PartyMismatch, $"统一社会信用代码“{code}”以 92 开头，属于个体工商户，与「行政相对人类别」“法人及非法人组织”不符。");
                }

                if (legalRep is null)
                {
                    r.Problem(CreditFields.LegalRepresentative, ImportProblemKind.MissingValue, "法人及非法人组织须填写「法定代表人」。");
                }

                if (idType is not null || idNumber is not null)
                {
                    r.Problem(CreditFields.IdNumber, ImportProblemKind.PartyMismatch, "法人及非法人组织不应填写「证件类型」「证件号码」（法定代表人的证件填在「法定代表人证件类型」「法定代表人证件号码」）。");
                }

                break;

            case PartyKind.IndividualBusiness:
                if (codes[CreditFields.CreditCode] is null && codes[CreditFields.BusinessRegistrationNumber] is null)
                {
                    r.Problem(CreditFields.CreditCode, ImportProblemKind.MissingValue, "个体工商户须填写「统一社会信用代码」（尚未赋码的，填写「工商注册号」）。");
                }
                else if (codes[CreditFields.CreditCode] is { } code && CreditCode.IsValid(code) && !CreditCode.IsIndividualBusiness(code))
                {
                    r.Problem(CreditFields.CreditCode, ImportProblemKind.PartyMismatch, $"统一社会信用代码“{code}”不以 92 开头，不是个体工商户的代码，与「行政相对人类别」“个体工商户”不符。");
                }

                if (idType is not null || idNumber is not null)
                {
                    r.Problem(CreditFields.IdNumber, ImportProblemKind.PartyMismatch, "个体工商户不应填写「证件类型」「证件号码」（经营者的证件填在「法定代表人证件类型」「法定代表人证件号码」）。");
                }

                break;
        }

        if (name is null || kind is null)
        {
            return null;
        }

        return new CreditParty
        {
            Name = name,
            Kind = kind.Value,
            CreditCode = codes[CreditFields.CreditCode],
            BusinessRegistrationNumber = codes[CreditFields.BusinessRegistrationNumber],
            OrganisationCode = codes[CreditFields.OrganisationCode],
            TaxRegistrationNumber = codes[CreditFields.TaxRegistrationNumber],
            InstitutionCertificateNumber = codes[CreditFields.InstitutionCertificateNumber],
            SocialOrganisationNumber = codes[CreditFields.SocialOrganisationNumber],
            LegalRepresentative = legalRep,
            LegalRepresentativeIdType = legalRepIdType,
            LegalRepresentativeIdNumber = legalRepId,
            IdType = idType,
            IdNumber = idNumber,
        };
    }

    private static LicenceData? ReadLicence(CellReader r, CreditParty? party, CreditParseContext context)
    {
        var documentName = r.Text(CreditFields.DecisionDocumentName);
        var number = r.Text(CreditFields.DecisionNumber);
        var category = r.Option(CreditFields.LicenceCategory);
        var certificate = r.Text(CreditFields.CertificateName);
        var licenceNumber = r.Text(CreditFields.LicenceNumber);
        var content = r.Text(CreditFields.LicenceContent);
        var decided = r.DecisionDate(context.Today);
        var from = r.Date(CreditFields.ValidFrom);
        var until = r.Date(CreditFields.ValidUntil);
        if (from is { } f && until is { } u && u < f)
        {
            r.Problem(CreditFields.ValidUntil, ImportProblemKind.DateOrder, $"「有效期至」{DateText.Date(u)} 早于「有效期自」{DateText.Date(f)}。");
        }

        var common = ReadCommon(r);
        var state = r.Option(CreditFields.CurrentState);
        var (minor, secrets) = ReadFlags(r);
        if (party is null || documentName is null || number is null || category is null || content is null || decided is null
            || from is null || until is null || common is null || state is null)
        {
            return null;
        }

        return new LicenceData
        {
            Party = party,
            DecisionDocumentName = documentName,
            DecisionNumber = number,
            Category = category,
            CertificateName = certificate,
            LicenceNumber = licenceNumber,
            Content = content,
            DecisionDate = decided.Value,
            ValidFrom = from.Value,
            ValidUntil = until.Value,
            Authority = common.Value.Authority,
            AuthorityCreditCode = common.Value.AuthorityCode,
            CurrentState = state,
            SourceUnit = common.Value.Source,
            SourceUnitCreditCode = common.Value.SourceCode,
            Remarks = common.Value.Remarks,
            PartyIsMinor = minor || IsMinor(party, decided.Value),
            InvolvesSecrets = secrets,
        };
    }

    private static PenaltyData? ReadPenalty(CellReader r, CreditParty? party, CreditParseContext context)
    {
        var number = r.Text(CreditFields.DecisionNumber);
        var violationType = r.Text(CreditFields.ViolationType);
        var facts = r.Text(CreditFields.ViolationFacts);
        var basis = r.Text(CreditFields.LegalBasis);
        var categories = r.Options(CreditFields.PenaltyCategories);
        var content = r.Text(CreditFields.PenaltyContent);
        var fine = r.Amount(CreditFields.FineAmount);
        var confiscated = r.Amount(CreditFields.ConfiscatedAmount);
        var suspended = r.Text(CreditFields.SuspendedLicence);
        if (categories is not null)
        {
            if (categories.Contains(CreditVocabulary.Fine) && fine is null && !r.IsFilled(CreditFields.FineAmount))
            {
                r.Problem(CreditFields.FineAmount, ImportProblemKind.MissingRelated, "「处罚类别」含罚款，须填写「罚款金额（万元）」。");
            }

            if (categories.Intersect(CreditVocabulary.ConfiscationCategories).Any() && confiscated is null && !r.IsFilled(CreditFields.ConfiscatedAmount))
            {
                r.Problem(CreditFields.ConfiscatedAmount, ImportProblemKind.MissingRelated, "「处罚类别」含没收违法所得或没收非法财物，须填写没收的金额（万元）。");
            }

            if (categories.Intersect(CreditVocabulary.LicenceSanctionCategories).Any() && suspended is null)
            {
                r.Problem(CreditFields.SuspendedLicence, ImportProblemKind.MissingRelated, "「处罚类别」含暂扣或吊销许可证件，须填写「暂扣或吊销证照名称及编号」。");
            }
        }

        var decided = r.DecisionDate(context.Today);
        var validUntil = r.Date(CreditFields.PenaltyValidUntil);
        if (decided is { } d1 && validUntil is { } v && v < d1)
        {
            r.Problem(CreditFields.PenaltyValidUntil, ImportProblemKind.DateOrder, $"「处罚有效期」{DateText.Date(v)} 早于「处罚决定日期」{DateText.Date(d1)}。");
        }

        var publicationEnd = r.Date(CreditFields.PublicationEnd);
        var common = ReadCommon(r);
        var read = ReadSeverity(r);
        if (decided is { } d2 && publicationEnd is { } end && read is { } severity)
        {
            var earliest = context.Policy.EarliestPublicationEnd(d2, severity);
            var latest = context.Policy.PublicationEnd(d2, severity);
            if (end < earliest || end > latest)
            {
                var period = context.Policy.Period(severity);
                r.Problem(CreditFields.PublicationEnd, ImportProblemKind.PeriodOutOfRange,
                    $"「公示截止期」{DateText.Date(end)} 不在{CreditVocabulary.Name(severity)}失信信息的公示期限内（{period.MinMonths} 至 {period.MaxMonths} 个月，即 {DateText.Date(earliest)} 至 {DateText.Date(latest)}）。");
            }
        }

        var (minor, secrets) = ReadFlags(r);
        if (party is null || number is null || violationType is null || facts is null || basis is null || categories is null
            || content is null || decided is null || common is null || read is null)
        {
            return null;
        }

        return new PenaltyData
        {
            Party = party,
            DecisionNumber = number,
            ViolationType = violationType,
            ViolationFacts = facts,
            LegalBasis = basis,
            Categories = categories,
            Content = content,
            FineAmount = fine,
            ConfiscatedAmount = confiscated,
            SuspendedLicence = suspended,
            DecisionDate = decided.Value,
            PenaltyValidUntil = validUntil,
            PublicationEnd = publicationEnd ?? context.Policy.PublicationEnd(decided.Value, read.Value),
            Authority = common.Value.Authority,
            AuthorityCreditCode = common.Value.AuthorityCode,
            SourceUnit = common.Value.Source,
            SourceUnitCreditCode = common.Value.SourceCode,
            Remarks = common.Value.Remarks,
            Severity = read.Value,
            PartyIsMinor = minor || IsMinor(party, decided.Value),
            InvolvesSecrets = secrets,
        };
    }

    /// <summary>
    /// 失信严重程度 sets the 公示期 (《信用修复管理办法》: 轻微 not published in principle, 一般 up to a year, 严重 up to
    /// three), so a blank is refused rather than taken for 一般: a guess would keep a 轻微 penalty public or end a 严重
    /// one early.
    /// </summary>
    private static Severity? ReadSeverity(CellReader r)
    {
        if (!r.IsFilled(CreditFields.Severity))
        {
            r.Problem(CreditFields.Severity, ImportProblemKind.MissingValue,
                $"「失信严重程度」未填写：请认定为{string.Join("、", CreditVocabulary.Severities)}之一（它决定公示期限），不能留空。");
            return null;
        }

        return r.Option(CreditFields.Severity) is { } text && CreditVocabulary.TryParseSeverity(text, out var severity) ? severity : null;
    }

    private static (string Authority, string AuthorityCode, string Source, string SourceCode, string? Remarks)? ReadCommon(CellReader r)
    {
        var authority = r.Text(CreditFields.Authority);
        var authorityCode = r.Text(CreditFields.AuthorityCreditCode, upper: true);
        var source = r.Text(CreditFields.SourceUnit);
        var sourceCode = r.Text(CreditFields.SourceUnitCreditCode, upper: true);
        var remarks = r.Text(CreditFields.Remarks);
        if (authorityCode is not null)
        {
            r.CheckCreditCode(CreditFields.AuthorityCreditCode, authorityCode);
        }

        if (sourceCode is not null)
        {
            r.CheckCreditCode(CreditFields.SourceUnitCreditCode, sourceCode);
        }

        return authority is null || authorityCode is null || source is null || sourceCode is null
            ? null
            : (authority, authorityCode, source, sourceCode, remarks);
    }

    private static (bool Minor, bool Secrets) ReadFlags(CellReader r) => (r.YesNo(CreditFields.PartyIsMinor), r.YesNo(CreditFields.InvolvesSecrets));

    /// <summary>A natural person whose 身份证 shows they were under 18 on the day of the decision.</summary>
    public static bool IsMinor(CreditParty party, DateOnly decisionDate)
    {
        if (party.Kind != PartyKind.NaturalPerson || party.IdType != CreditVocabulary.ResidentIdCard || party.IdNumber is not { Length: 18 } id
            || !DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return false;
        }

        return birth.AddYears(MaxAge) > decisionDate;
    }

    /// <summary>Reads the cells of one row by key, adding a problem per bad cell.</summary>
    private sealed class CellReader(CreditRowValues values, int row, List<ImportProblem> problems)
    {
        private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];
        private static readonly char[] Separators = ['、', '；', ';', '，', ',', '/', '|'];
        private const int MaxDecimals = 6;
        private const decimal MaxAmount = 1_000_000_000m;

        public string Label(string key) => values.Set[key].Label;

        public void Problem(string key, ImportProblemKind kind, string message) => problems.Add(new ImportProblem(row, Label(key), kind, message));

        public bool IsFilled(string key) => !string.IsNullOrWhiteSpace(values[key]);

        public string? Text(string key, bool upper = false)
        {
            var field = values.Set[key];
            var text = values[key]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (field.Required)
                {
                    Problem(key, ImportProblemKind.MissingValue, $"「{field.Label}」为必填项。");
                }

                return null;
            }

            if (field.MaxLength > 0 && text.Length > field.MaxLength)
            {
                Problem(key, ImportProblemKind.TooLong, $"「{field.Label}」超过 {field.MaxLength} 个字符（现有 {text.Length} 个）。");
                return null;
            }

            return upper ? text.ToUpperInvariant() : text;
        }

        public string? Option(string key)
        {
            var field = values.Set[key];
            var text = Text(key);
            if (text is not null && !field.Options!.Contains(text))
            {
                Problem(key, ImportProblemKind.UnknownOption, $"「{field.Label}」“{text}”不是可选值（可选：{string.Join("、", field.Options!)}）。");
                return null;
            }

            return text;
        }

        public List<string>? Options(string key)
        {
            var field = values.Set[key];
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            var chosen = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            var unknown = chosen.Where(c => !field.Options!.Contains(c)).ToList();
            if (unknown.Count > 0 || chosen.Count == 0)
            {
                Problem(key, ImportProblemKind.UnknownOption, $"「{field.Label}」“{string.Join("、", unknown)}”不是可选值（可选：{string.Join("、", field.Options!)}）。");
                return null;
            }

            // Kept in the standard's order, so the same decision always reads and exports the same way.
            return field.Options!.Where(chosen.Contains).ToList();
        }

        public bool YesNo(string key)
        {
            var text = Text(key);
            switch (text)
            {
                case null or "否":
                    return false;
                case "是":
                    return true;
                default:
                    Problem(key, ImportProblemKind.UnknownOption, $"「{Label(key)}」应填“是”或“否”，实为“{text}”。");
                    return false;
            }
        }

        public DateOnly? Date(string key)
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1949)
            {
                return date;
            }

            Problem(key, ImportProblemKind.BadDate, $"「{Label(key)}」“{text}”不是有效日期，请写作 YYYY-MM-DD。");
            return null;
        }

        public DateOnly? DecisionDate(DateOnly today)
        {
            var date = Date(CreditFields.DecisionDate);
            if (date is { } d && d > today)
            {
                Problem(CreditFields.DecisionDate, ImportProblemKind.FutureDate, $"「{Label(CreditFields.DecisionDate)}」{DateText.Date(d)} 晚于今天（{DateText.Date(today)}），决定尚未作出不能公示。");
                return null;
            }

            return date;
        }

        public decimal? Amount(string key)
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || amount > MaxAmount)
            {
                Problem(key, ImportProblemKind.BadAmount, $"「{Label(key)}」“{text}”不是有效金额（单位万元，如 0.05 表示 500 元）。");
                return null;
            }

            if (amount < 0)
            {
                Problem(key, ImportProblemKind.NegativeAmount, $"「{Label(key)}」{text} 为负数。");
                return null;
            }

            var decimals = text.Contains('.') ? text[(text.IndexOf('.') + 1)..].TrimEnd('0').Length : 0;
            if (decimals > MaxDecimals)
            {
                Problem(key, ImportProblemKind.TooManyDecimals, $"「{Label(key)}」{text} 有 {decimals} 位小数，最多 {MaxDecimals} 位（单位万元，精确到分）。");
                return null;
            }

            return CreditAmounts.Normalize(amount);
        }

        public void CheckCreditCode(string key, string code)
        {
            if (CreditCode.Check(code) is { } error)
            {
                Problem(key, ImportProblemKind.BadCreditCode, $"「{Label(key)}」“{code}”{error}。");
            }
        }

        /// <summary>A document type and number go together; a 身份证 number must pass GB 11643.</summary>
        public void CheckDocument(string typeKey, string? type, string numberKey, string? number)
        {
            if (type is not null && number is null)
            {
                Problem(numberKey, ImportProblemKind.MissingRelated, $"已填「{Label(typeKey)}」，须填写「{Label(numberKey)}」。");
            }
            else if (type is null && number is not null && string.IsNullOrWhiteSpace(values[typeKey]))
            {
                Problem(typeKey, ImportProblemKind.MissingRelated, $"已填「{Label(numberKey)}」，须填写「{Label(typeKey)}」。");
            }
            else if (type == CreditVocabulary.ResidentIdCard && number is not null && !ResidentIdNumber.IsValid(number))
            {
                var reason = number.Length == 18 && ResidentIdNumber.CheckCharacter(number.AsSpan(0, 17)) is { } check && check != number[17]
                    ? $"校验位错误：按 GB 11643 应为“{check}”，实为“{number[17]}”"
                    : "不是有效的居民身份证号码（18 位，含真实出生日期和校验位）";
                Problem(numberKey, ImportProblemKind.BadIdNumber, $"「{Label(numberKey)}」“{number}”{reason}。");
            }
        }
    }
}
