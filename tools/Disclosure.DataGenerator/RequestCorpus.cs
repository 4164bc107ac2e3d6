using System.Globalization;
using Disclosure.Core.Security;
using Disclosure.Requests.Models;
namespace Disclosure.DataGenerator;

/// <summary>
/// Deterministic 依申请公开 applications with their whole history: every applicant kind, corrections (补正) answered
/// and not, third-party consultations, extensions, every statutory outcome, cases still open at the end of the
/// range, and reconsiderations and lawsuits with every result. They enter through the real <c>RequestImporter</c>,
/// whose order checks they satisfy, so the annual-report statistics see them as real cases.
/// </summary>
public sealed class RequestCorpus(int seed, DateOnly firstReceived, DateOnly asOf)
{
    private static readonly string[] Subjects = ["户籍迁移", "道路交通事故处理", "烟花爆竹经营许可", "辅警招聘", "三公经费", "行政处罚决定", "居住证办理", "出入境证件", "网吧治安管理", "校园周边治安"];
    private static readonly string[] Organisations = ["宁夏永宁{0}商贸有限公司", "宁夏{0}研究院", "永宁县{0}公益协会", "宁夏{0}律师事务所", "永宁县{0}农民专业合作社"];
    private const string TrackingAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Applications 1…<paramref name="count"/>, in order of their number; application i is the same in every run.</summary>
    public IEnumerable<RequestImport> Requests(int count)
    {
        var random = new Random(seed + 2);
        var outcomes = RequestOutcomes.All.Where(o => o != RequestOutcome.OtherNoCorrection).ToArray();
        for (var i = 1; i <= count; i++)
        {
            var received = firstReceived.AddDays(random.Next(0, asOf.DayNumber - firstReceived.DayNumber + 1));
            var (kind, applicant) = Applicant(random, i);
            var subject = Subjects[random.Next(Subjects.Length)];
            DateOnly? correctionAsked = null, correctionReceived = null;
            if (random.Next(10) == 0)
            {
                correctionAsked = received.AddDays(3);
                correctionReceived = random.Next(5) == 0 ? null : correctionAsked.Value.AddDays(5);
            }

            var start = correctionReceived ?? received;
            var consultations = new List<ConsultationImport>();
            if (random.Next(20) == 0)
            {
                consultations.Add(new ConsultationImport($"{Identities.Town(random)}{Identities.Surnames[random.Next(Identities.Surnames.Length)]}某", start.AddDays(2), start.AddDays(9)));
            }

            var extended = random.Next(20) == 0;
            // Replies come after any consultation has ended.
            var closed = start.AddDays((consultations.Count > 0 ? 10 : 5) + random.Next(extended ? 40 : 24));
            var open = closed > asOf || (correctionAsked is not null && correctionReceived is null && received.AddDays(30) > asOf);
            RequestOutcome? outcome = open ? null
                : correctionAsked is not null && correctionReceived is null ? RequestOutcome.OtherNoCorrection
                : random.Next(100) switch
                {
                    < 45 => RequestOutcome.Disclosed,
                    < 55 => RequestOutcome.PartiallyDisclosed,
                    _ => outcomes[2 + random.Next(outcomes.Length - 2)],
                };
            if (open && consultations.Count > 0 && consultations[0].RepliedOn > asOf)
            {
                consultations[0] = consultations[0] with { RepliedOn = null };
            }

            yield return new RequestImport
            {
                Number = string.Create(CultureInfo.InvariantCulture, $"{received.Year}-{(seed * 1_000_000L) + i}"),
                TrackingCode = Tracking(random),
                Channel = (RequestChannel)random.Next(4),
                ReceivedOn = received,
                Details = new ApplicationDetails(kind, applicant, $"申请公开{received.Year - 1}年以来{subject}相关的政府信息。",
                    random.Next(3) == 0 ? $"永公发〔{received.Year - 1}〕{random.Next(1, 60)}号" : null,
                    (PreferredForm)random.Next(2), (DeliveryMethod)random.Next(4)),
                CorrectionRequestedOn = correctionAsked,
                CorrectionNote = correctionAsked is null ? null : "请明确所需信息的名称、文号或者便于查询的其他特征性描述。",
                CorrectionReceivedOn = correctionReceived,
                Consultations = consultations,
                ExtensionDays = extended ? 20 : 0,
                ExtensionReason = extended ? "涉及信息量大，需要调取多年档案。" : null,
                ExtensionApprovedBy = extended ? "公开办负责人" : null,
                ExtendedOn = extended ? start.AddDays(18) : null,
                Outcome = outcome,
                ClosedOn = open ? null : closed,
                ReplyText = open ? null : "经查，现将有关情况答复如下。",
                Appeals = outcome is null ? [] : Appeals(random, closed),
            };
        }
    }

    /// <summary>About one closed case in thirty is challenged; results decided before <c>asOf</c>, the rest pending.</summary>
    private List<AppealImport> Appeals(Random random, DateOnly closed)
    {
        if (random.Next(30) != 0)
        {
            return [];
        }

        var kind = (AppealKind)random.Next(3);
        var filed = closed.AddDays(10 + random.Next(40));
        if (filed > asOf)
        {
            return [];
        }

        var decided = filed.AddDays(60);
        // Some cases are still before the court or the reviewing body at the end of the range.
        var result = decided > asOf || random.Next(8) == 0 ? AppealResult.Pending : (AppealResult)random.Next(3);
        var authority = kind == AppealKind.Reconsideration ? "永宁县人民政府" : "银川市西夏区人民法院";
        return [new AppealImport(kind, filed, authority, null, result, result == AppealResult.Pending ? null : decided)];
    }

    private static (ApplicantKind Kind, ApplicantDetails Applicant) Applicant(Random random, int i)
    {
        var person = Identities.PersonName(random);
        var phone = string.Create(CultureInfo.InvariantCulture, $"139{random.Next(10_000_000, 99_999_999)}");
        var address = $"宁夏回族自治区银川市永宁县{Identities.Town(random)}{random.Next(1, 200)}号";
        if (random.Next(10) < 7)
        {
            return (ApplicantKind.NaturalPerson, new ApplicantDetails(person, IdentityDocumentType.ResidentIdCard, Identities.ResidentId(random), null, null, phone, address, "750100", null));
        }

        var kind = (ApplicantKind)(1 + random.Next(5));
        var name = string.Format(CultureInfo.InvariantCulture, Organisations[(int)kind - 1], i);
        return (kind, new ApplicantDetails(name, IdentityDocumentType.UnifiedSocialCreditCode, Identities.CreditCode(random, "91"), person, person, phone, address, "750100", null));
    }

    private static string Tracking(Random random) => string.Create(TrackingCode.Length, random, static (chars, r) =>
    {
        for (var c = 0; c < chars.Length; c++)
        {
            chars[c] = TrackingAlphabet[r.Next(TrackingAlphabet.Length)];
        }
    });
}
