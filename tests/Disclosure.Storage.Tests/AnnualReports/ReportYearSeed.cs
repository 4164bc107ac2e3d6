using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.AnnualReports;

/// <summary>
/// A year of records (2025) for the annual report, with neighbours in 2024 and 2026 that must not count. Every
/// expected cell is worked out by hand in <see cref="AnnualReportStatisticsTests"/> from the comments here.
/// </summary>
public static class ReportYearSeed
{
    public const string Agency = "640121-103";
    public const string OtherAgency = "640121-001";

    public static async Task SeedAsync(TestDatabase database)
    {
        await database.ApplySetupAndDemoOfficeAsync();
        await SeedDocumentsAsync(database);
        await SeedFeesAsync(database);
        await SeedCreditAsync(database);
        await SeedRequestsAsync(database);
    }

    /// <summary>
    /// 行政规范性文件 of 640121-103 (2025: 制发 A B H = 3; 废止 B (declared) D (expired 2025-06-30) = 2; 现行有效 A C F H = 4):
    /// A written and published 2025, 有效; B written 2025, 已废止 from 2025-10-10; C from 2023, 已修改 in 2025;
    /// D from 2022 with 有效期至 2025-06-30; E 已废止 in 2024; F from 2024 valid to 2027; G written 2025-12-20 but
    /// published 2026; H written 2025-11-01, 已废止 only in 2026; I from 2024, withdrawn on 2025-05-05.
    /// 规章 (制发 R1 = 1; 现行有效 R1 R2 = 2). Another agency's document written in 2025 does not count.
    /// </summary>
    private static async Task SeedDocumentsAsync(TestDatabase database)
    {
        await DocumentAsync(database, "rd-a", "2025-03-01", [("2025-03-05", "有效")]);
        await DocumentAsync(database, "rd-b", "2025-06-01", [("2025-06-03", "有效"), ("2025-10-10", "已废止")]);
        await DocumentAsync(database, "rd-c", "2023-01-10", [("2023-01-12", "有效"), ("2025-04-01", "已修改")]);
        await DocumentAsync(database, "rd-d", "2022-05-05", [("2022-05-06", "有效")], expiry: "2025-06-30");
        await DocumentAsync(database, "rd-e", "2021-02-01", [("2021-02-02", "有效"), ("2024-08-01", "已废止")]);
        await DocumentAsync(database, "rd-f", "2024-12-20", [("2024-12-22", "有效")], expiry: "2027-12-31");
        await DocumentAsync(database, "rd-g", "2025-12-20", [("2026-01-05", "有效")]);
        await DocumentAsync(database, "rd-h", "2025-11-01", [("2025-11-02", "有效"), ("2026-02-01", "已废止")]);
        await DocumentAsync(database, "rd-i", "2024-03-03", [("2024-03-04", "有效")]);
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync("rd-i", "文件内容有误，撤回核实。", "office", TestClock.Beijing("2025-05-05")));
        await DocumentAsync(database, "rd-r1", "2025-02-02", [("2025-02-03", "有效")], kind: "规章");
        await DocumentAsync(database, "rd-r2", "2019-09-09", [("2019-09-10", "有效")], kind: "规章");
        await DocumentAsync(database, "rd-other", "2025-04-04", [("2025-04-05", "有效")], agency: OtherAgency);
    }

    /// <summary>行政事业性收费 of 2025: 12.35 + 0.65 = 13 (万元); other years, other categories and unpublished items do not count.</summary>
    private static async Task SeedFeesAsync(TestDatabase database)
    {
        await FeeAsync(database, "fee-a", "行政事业性收费", [["2024", "10.5"], ["2025", "12.35"]], publish: true);
        await FeeAsync(database, "fee-b", "行政事业性收费", [["2025", "0.65"]], publish: true);
        await FeeAsync(database, "fee-c", "经营服务性收费", [["2025", "99"]], publish: true);
        await FeeAsync(database, "fee-d", "行政事业性收费", [["2025", "5"]], publish: false);
    }

    /// <summary>
    /// 行政许可 decided in 2025 and published (or 公示 ended): 3. 行政处罚: 3 (one of them since 信用修复).
    /// Drafts, withdrawn records and decisions of 2024 and 2026 do not count.
    /// </summary>
    private static async Task SeedCreditAsync(TestDatabase database)
    {
        var n = 0;
        CreditLicenceRecord Licence(string date, CreditRecordStatus status) => Fill(new CreditLicenceRecord { ValidFrom = D(date), ValidUntil = D(date).AddYears(1) }, date, status, ++n);
        CreditPenaltyRecord Penalty(string date, CreditRecordStatus status) => Fill(new CreditPenaltyRecord { PublicationEnd = D(date).AddYears(1), Severity = Severity.General }, date, status, ++n);
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            db.Set<CreditLicenceRecord>().AddRange(
                Licence("2025-01-15", CreditRecordStatus.Published), Licence("2025-06-30", CreditRecordStatus.Published),
                Licence("2025-12-31", CreditRecordStatus.Published), Licence("2024-12-31", CreditRecordStatus.Published),
                Licence("2026-01-01", CreditRecordStatus.Published), Licence("2025-05-05", CreditRecordStatus.Draft),
                Licence("2025-07-07", CreditRecordStatus.Withdrawn));
            db.Set<CreditPenaltyRecord>().AddRange(
                Penalty("2025-02-02", CreditRecordStatus.Published), Penalty("2025-03-03", CreditRecordStatus.Repaired),
                Penalty("2025-11-11", CreditRecordStatus.Published), Penalty("2025-08-08", CreditRecordStatus.Withdrawn),
                Penalty("2024-06-06", CreditRecordStatus.Published));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// Applications, by kind (K0 自然人 … K5 其他):
    /// every one of the 21 outcomes received and closed in 2025, outcome i by kind i % 6; two more 予以公开 by K0;
    /// from 2024 and closed in 2025: 予以公开 K0, 本机关不掌握 K1, 予以公开 K4; from 2024 and still open: K5;
    /// received in 2025 and open at its end: K0, K2, and K3 (closed 2026-01-10); closed in 2024 (K1) and received
    /// in 2026 (K0) do not count.
    /// Appeals — 行政复议: 维持 ×2 (one filed in 2024), 纠正, 其他 (filed 2024), 尚未审结 ×2 (one decided in 2026);
    /// one decided in 2024 does not count. 直接起诉: 纠正, 其他, 尚未审结. 复议后起诉: 维持 (2025-12-31); one filed in 2026.
    /// </summary>
    private static async Task SeedRequestsAsync(TestDatabase database)
    {
        var requests = new List<InformationRequestRecord>();
        void Add(ApplicantKind kind, string received, string? closed = null, RequestOutcome? outcome = null) =>
            requests.Add(new InformationRequestRecord
            {
                AgencyCode = Agency,
                Number = $"{received[..4]}-{requests.Count + 1:0000}",
                TrackingCode = $"TRACK{requests.Count + 1:0000000}",
                Kind = kind,
                ReceivedOn = D(received),
                ClockStartOn = D(received),
                RegisteredUtc = DateTime.UtcNow,
                RegisteredBy = "office",
                Description = "测试申请",
                Stage = closed is null ? RequestStage.Processing : RequestStage.Closed,
                ClosedOn = closed is null ? null : D(closed),
                Outcome = outcome,
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });

        var outcomes = RequestOutcomes.All;
        for (var i = 0; i < outcomes.Count; i++)
        {
            Add(ApplicantKinds.All[i % 6], $"2025-{i % 11 + 1:00}-03", $"2025-{i % 11 + 1:00}-20", outcomes[i]);
        }

        Add(ApplicantKind.NaturalPerson, "2025-02-10", "2025-02-28", RequestOutcome.Disclosed);
        Add(ApplicantKind.NaturalPerson, "2025-08-10", "2025-08-28", RequestOutcome.Disclosed);
        Add(ApplicantKind.NaturalPerson, "2024-12-10", "2025-01-08", RequestOutcome.Disclosed);
        Add(ApplicantKind.Commercial, "2024-12-11", "2025-01-09", RequestOutcome.UnavailableNotHeld);
        Add(ApplicantKind.LegalService, "2024-12-12", "2025-01-10", RequestOutcome.Disclosed);
        Add(ApplicantKind.OtherOrganisation, "2024-12-30");
        Add(ApplicantKind.NaturalPerson, "2025-12-15");
        Add(ApplicantKind.Research, "2025-12-16");
        Add(ApplicantKind.PublicWelfare, "2025-12-20", "2026-01-10", RequestOutcome.Disclosed);
        Add(ApplicantKind.Commercial, "2024-11-01", "2024-12-15", RequestOutcome.Disclosed);
        Add(ApplicantKind.NaturalPerson, "2026-01-02");

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            db.AddRange(requests);
            await db.SaveChangesAsync();
            var on = requests[0].Id;
            db.AddRange(
                Appeal(on, AppealKind.Reconsideration, "2025-02-01", AppealResult.Upheld, "2025-03-01"),
                Appeal(on, AppealKind.Reconsideration, "2024-10-01", AppealResult.Upheld, "2025-01-15"),
                Appeal(on, AppealKind.Reconsideration, "2025-07-01", AppealResult.Corrected, "2025-09-01"),
                Appeal(on, AppealKind.Reconsideration, "2024-12-01", AppealResult.Other, "2025-05-01"),
                Appeal(on, AppealKind.Reconsideration, "2025-11-01", AppealResult.Pending, null),
                Appeal(on, AppealKind.Reconsideration, "2025-12-01", AppealResult.Corrected, "2026-01-20"),
                Appeal(on, AppealKind.Reconsideration, "2024-06-01", AppealResult.Upheld, "2024-09-01"),
                Appeal(on, AppealKind.DirectLitigation, "2025-03-01", AppealResult.Corrected, "2025-06-01"),
                Appeal(on, AppealKind.DirectLitigation, "2025-08-01", AppealResult.Pending, null),
                Appeal(on, AppealKind.DirectLitigation, "2025-04-01", AppealResult.Other, "2025-10-01"),
                Appeal(on, AppealKind.LitigationAfterReconsideration, "2025-06-01", AppealResult.Upheld, "2025-12-31"),
                Appeal(on, AppealKind.LitigationAfterReconsideration, "2026-01-05", AppealResult.Pending, null));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Adds one application received in <paramref name="received"/> and still open (to make a carry-over move).</summary>
    public static Task AddOpenApplicationAsync(TestDatabase database, ApplicantKind kind, string received, string number) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            db.Add(new InformationRequestRecord
            {
                AgencyCode = Agency,
                Number = number, TrackingCode = "X" + number.Replace("-", ""), Kind = kind, ReceivedOn = D(received), ClockStartOn = D(received),
                RegisteredUtc = DateTime.UtcNow, RegisteredBy = "office", Description = "后补登记的申请", Stage = RequestStage.Processing,
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
            await db.SaveChangesAsync();
        });

    private static RequestAppealRecord Appeal(long requestId, AppealKind kind, string filed, AppealResult result, string? decided) => new()
    {
        RequestId = requestId, Kind = kind, FiledOn = D(filed), Authority = kind == AppealKind.Reconsideration ? "永宁县人民政府" : "永宁县人民法院",
        Result = result, DecidedOn = decided is null ? null : D(decided), RecordedBy = "office",
    };

    private static T Fill<T>(T record, string date, CreditRecordStatus status, int n) where T : CreditRecordBase
    {
        record.AgencyCode = Agency;
        record.Status = status;
        record.PartyName = $"永宁县测试企业{n}有限公司";
        record.PublicPartyName = record.PartyName;
        record.PartyKind = PartyKind.LegalEntity;
        record.DecisionNumber = $"永公（治）决字〔{date[..4]}〕{n}号";
        record.DecisionNumberKey = $"key-{n}";
        record.DecisionDate = D(date);
        record.Authority = "永宁县公安局";
        record.AuthorityCreditCode = "11640121MB1570283J";
        record.SourceUnit = "永宁县公安局";
        record.SourceUnitCreditCode = "11640121MB1570283J";
        record.CreatedBy = record.UpdatedBy = "office";
        record.PublishedUtc = status == CreditRecordStatus.Draft ? null : DateTime.UtcNow;
        return record;
    }

    private static async Task DocumentAsync(TestDatabase database, string id, string written, (string PublishedOn, string Validity)[] versions,
        string? expiry = null, string? kind = null, string agency = Agency)
    {
        await database.InScopeAsync(async sp =>
        {
            var content = sp.GetRequiredService<ContentManager>();
            for (var v = 0; v < versions.Length; v++)
            {
                var data = Document(id, written, versions[v].Validity, expiry, kind, agency);
                if (v == 0)
                {
                    await content.CreateAsync("RegulatoryDocument", data, "editor", "fzdd", id);
                }
                else
                {
                    await content.SaveDraftAsync(id, data, "editor");
                }

                await content.PublishAsync(id, null, "office", TestClock.Beijing(versions[v].PublishedOn));
            }
        });
    }

    private static ContentData Document(string id, string written, string validity, string? expiry, string? kind, string agency)
    {
        var fields = new JsonObject { ["EffectiveDate"] = written };
        if (expiry is not null)
        {
            fields["ExpiryDate"] = expiry;
        }

        if (kind is not null)
        {
            fields["DocumentKind"] = kind;
        }

        return new ContentData(new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = $"规范性文件 {id}" },
            ["DisclosureMetadataPart"] = Metadata("02.02", agency, written, validity),
            ["RegulatoryDocument"] = fields,
        });
    }

    private static async Task FeeAsync(TestDatabase database, string id, string category, string[][] rows, bool publish)
    {
        var table = new JsonArray(rows.Select(r => (JsonNode)new JsonArray(r.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray())).ToArray());
        var data = new ContentData(new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = $"收费项目 {id}" },
            ["DisclosureMetadataPart"] = Metadata("08.01", Agency, "2025-01-03", "有效"),
            ["FeeItem"] = new JsonObject
            {
                ["Category"] = category, ["Standard"] = "每件 10 元", ["Basis"] = "- 收费依据", ["Collector"] = "永宁县公安局",
                ["Collections"] = new JsonObject { ["rows"] = table },
            },
        });
        await database.InScopeAsync(async sp =>
        {
            var content = sp.GetRequiredService<ContentManager>();
            await content.CreateAsync("FeeItem", data, "editor", "crjdd", id);
            if (publish)
            {
                await content.PublishAsync(id, null, "office", TestClock.Beijing("2025-01-06"));
            }
        });
    }

    private static JsonObject Metadata(string catalogue, string agency, string written, string validity) => new()
    {
        ["Catalogue"] = catalogue,
        ["Agency"] = agency,
        ["Topic"] = "公安、安全、司法",
        ["WrittenDate"] = written,
        ["Validity"] = validity,
        ["Attribute"] = "主动公开",
        ["Channels"] = new JsonArray("政府网站"),
    };

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd");
}
