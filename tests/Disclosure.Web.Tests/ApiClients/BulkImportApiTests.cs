using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Disclosure.ApiClients;
using Disclosure.Core.Tests.Credit;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Enforcement.Api;
using Disclosure.Enforcement.Data;
using Disclosure.Web.Tests.Enforcement;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>
/// The bulk endpoints of a headless installation: a data platform importing 双公示 tables with <c>credit:import</c>,
/// a case-handling system pushing cases and events with <c>cases:import</c> — through the same importers as the admin,
/// all or nothing, with the client as the 台账 actor and its agency as the records' — while the enforcement API's
/// signed source systems keep working as before. The enforcement API's site: sources configured, clock at 2026-12-04.
/// </summary>
public sealed class BulkImportApiTests(ApiSiteFixture fixture) : IClassFixture<ApiSiteFixture>
{
    private const string Agency = "640121-103";
    private const string CsvType = "text/csv";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static HttpRequestMessage Post(string path, HttpContent content, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private static ByteArrayContent Body(byte[] bytes, string mediaType = CsvType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private static List<Dictionary<string, string?>> Penalties(string prefix) =>
        [.. Enumerable.Range(1, 3).Select(i => CreditSamples.Penalty($"{prefix}{i}号", "2026-11-18"))];

    private Task<int> PenaltyCountAsync(string prefix) =>
        fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().CountAsync(r => r.DecisionNumber.StartsWith(prefix)));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_client_imports_a_clean_penalty_file_as_its_agency_and_a_bad_one_writes_nothing()
    {
        const string prefix = "永公(接)行罚决字〔2026〕90";
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "公共信用信息平台", null, ApiScopes.ImportCredit);
        using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));
        var rows = Penalties(prefix);

        // One bad row: 422 naming its row and column, and nothing written — not even the good rows.
        rows[1][CreditFields.FineAmount] = "0.0500001";
        using (var bad = await api.SendAsync(Post("/api/v1/credit/penalties/imports", Body(CreditSamples.Csv(CreditFields.Penalty, rows)))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
            var problem = await JsonAsync(bad);
            Assert.Equal("文件有误：未导入任何记录", problem.GetProperty("title").GetString());
            Assert.Equal(3, problem.GetProperty("rows").GetInt32());
            var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
            Assert.Equal((3, "罚款金额（万元）", "小数位数过多"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("kind").GetString()));
            Assert.Contains("第 3 行「罚款金额（万元）」", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(0, await PenaltyCountAsync(prefix));

        // Corrected: a dry run counts and writes nothing.
        rows[1][CreditFields.FineAmount] = "0.05";
        var csv = CreditSamples.Csv(CreditFields.Penalty, rows);
        using (var dry = await api.SendAsync(Post("/api/v1/credit/penalties/imports?dryRun=true", Body(csv))))
        {
            Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            var body = await JsonAsync(dry);
            Assert.True(body.GetProperty("dryRun").GetBoolean());
            Assert.Equal((3, 3), (body.GetProperty("rows").GetInt32(), body.GetProperty("imported").GetInt32()));
            Assert.Equal(JsonValueKind.Null, body.GetProperty("batch").ValueKind);
        }

        Assert.Equal(0, await PenaltyCountAsync(prefix));

        // The import, under an idempotency key: drafts of the client's agency, the client as the 台账 actor.
        string batch;
        string answer;
        using (var imported = await api.SendAsync(Post("/api/v1/credit/penalties/imports", Body(csv), "penalties-2026-12-04")))
        {
            answer = await imported.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            var body = JsonDocument.Parse(answer).RootElement;
            Assert.False(body.GetProperty("dryRun").GetBoolean());
            Assert.Equal((3, 3, 0), (body.GetProperty("rows").GetInt32(), body.GetProperty("imported").GetInt32(), body.GetProperty("skipped").GetInt32()));
            batch = body.GetProperty("batch").GetString()!;
        }

        var records = await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().Where(r => r.DecisionNumber.StartsWith(prefix)).ToListAsync());
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal((Agency, "api:" + registered.ClientId, CreditRecordStatus.Draft, batch), (r.AgencyCode, r.CreatedBy, r.Status, r.ImportBatch)));
        var entry = await fixture.DbAsync(db => db.Ledger.SingleAsync(e => e.Action == CreditLedgerActions.CreditImport && e.Detail!.Contains(batch)));
        Assert.Equal("api:" + registered.ClientId, entry.Actor);
        Assert.StartsWith("行政处罚：导入 3 条（草稿）", entry.Detail);

        // A retry with the same key replays the answer and imports nothing more.
        using (var replayed = await api.SendAsync(Post("/api/v1/credit/penalties/imports", Body(csv), "penalties-2026-12-04")))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(answer, await replayed.Content.ReadAsStringAsync());
        }

        Assert.Equal(3, await PenaltyCountAsync(prefix));
        Assert.Equal(1, await fixture.DbAsync(db => db.Ledger.CountAsync(e => e.Action == CreditLedgerActions.CreditImport && e.Detail!.Contains(batch))));

        // The same file sent again without a key: every row is already recorded, refused; skipExisting leaves them alone.
        using (var again = await api.SendAsync(Post("/api/v1/credit/penalties/imports", Body(csv))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
            Assert.Equal(3, (await JsonAsync(again)).GetProperty("errors").GetArrayLength());
        }

        using (var skipping = await api.SendAsync(Post("/api/v1/credit/penalties/imports?skipExisting=true", Body(csv))))
        {
            Assert.Equal(HttpStatusCode.OK, skipping.StatusCode);
            var body = await JsonAsync(skipping);
            Assert.Equal((3, 0, 3), (body.GetProperty("rows").GetInt32(), body.GetProperty("imported").GetInt32(), body.GetProperty("skipped").GetInt32()));
        }

        Assert.Equal(3, await PenaltyCountAsync(prefix));
    }

    [Fact]
    public async Task A_licence_workbook_is_read_by_its_content_and_bodies_that_are_not_a_table_are_refused()
    {
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "行政审批系统", null, ApiScopes.ImportCredit);
        using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));
        var licence = CreditSamples.Licence("永公(接)许字〔2026〕第901号", "2026-11-18");
        using var xlsx = new MemoryStream();
        await Disclosure.Media.Tables.XlsxTableWriter.WriteAsync(xlsx, "行政许可", CreditFields.Licence.Labels, [CreditFields.Licence.Fields.Select(f => licence.GetValueOrDefault(f.Key)).ToArray()]);

        // Labelled CSV but a workbook: the bytes decide, as for the admin's uploads.
        using (var imported = await api.SendAsync(Post("/api/v1/credit/licences/imports", Body(xlsx.ToArray(), "text/csv; charset=utf-8"))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            Assert.Equal(1, (await JsonAsync(imported)).GetProperty("imported").GetInt32());
        }

        Assert.Equal(Agency, await fixture.DbAsync(db => db.Set<CreditLicenceRecord>().Where(r => r.DecisionNumber == "永公(接)许字〔2026〕第901号").Select(r => r.AgencyCode).SingleAsync()));

        using var json = await api.SendAsync(Post("/api/v1/credit/licences/imports", JsonContent.Create(new { rows = Array.Empty<string>() })));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        using var empty = await api.SendAsync(Post("/api/v1/credit/licences/imports", Body([])));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请求正文为空", (await JsonAsync(empty)).GetProperty("detail").GetString());
        using var brokenWorkbook = await api.SendAsync(Post("/api/v1/credit/licences/imports", Body([.. "PK\u0003\u0004 not really a zip"u8], Disclosure.Core.Tables.TableFormats.XlsxContentType)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, brokenWorkbook.StatusCode);
        Assert.Equal("文件", (await JsonAsync(brokenWorkbook)).GetProperty("errors")[0].GetProperty("column").GetString());
        using var unknownKind = await api.SendAsync(Post("/api/v1/credit/powerlist/imports", Body(xlsx.ToArray())));
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
    }

    [Fact]
    public async Task Credit_import_needs_its_scope_and_a_token()
    {
        var drafting = await RegisteredClient.RegisterAsync(fixture.Site.Services, "办公自动化系统", "zhzx", ApiScopes.WriteContent);
        using var api = RegisteredClient.Bearer(fixture.Site, await drafting.TokenAsync(fixture.Site.CreateClient()));
        var csv = CreditSamples.Csv(CreditFields.Penalty, Penalties("永公(无)行罚决字〔2026〕90"));
        using var forbidden = await api.SendAsync(Post("/api/v1/credit/penalties/imports", Body(csv)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("credit:import", (await JsonAsync(forbidden)).GetProperty("detail").GetString());

        using var anonymous = await fixture.Site.CreateClient().SendAsync(Post("/api/v1/credit/penalties/imports", Body(csv)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await PenaltyCountAsync("永公(无)行罚决字〔2026〕90"));
    }

    private static object Event(string id, string type, string formedOn, string number, string? detail = null) =>
        new { sourceEventId = id, caseNumber = number, type, formedOn, detail };

    private Task<int> EventCountAsync(string number) =>
        fixture.DbAsync(db => (from e in db.Set<CaseEventRecord>() join c in db.Set<EnforcementCaseRecord>() on e.CaseId equals c.Id where c.Number == number select e).CountAsync());

    [Fact]
    public async Task A_client_with_cases_import_registers_its_agencys_cases_and_sends_events_once()
    {
        const string number = "A6401215100002026120901";
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "执法办案系统", null, ApiScopes.ImportCases);
        using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));
        var actor = "api:" + registered.ClientId;

        using (var created = await api.PostAsJsonAsync("/api/v1/enforcement/cases", new
        {
            number, kind = "criminal", unitName = "永宁县公安局刑事侦查大队", unitContact = "0951-8011110", acceptedOn = "2026-11-30",
            parties = new[] { new { role = "victim", name = "（测试）李某", phone = "13995120901" } },
        }, Json))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(14, (await JsonAsync(created)).GetProperty("parties")[0].GetProperty("queryCode").GetString()!.Length);
        }

        var stored = await fixture.DbAsync(db => db.Set<EnforcementCaseRecord>().SingleAsync(c => c.Number == number));
        Assert.Equal((Agency, actor), (stored.AgencyCode, stored.CreatedBy));

        var batch = new { events = new[] { Event("bl-901-1", "立案", "2026-12-01", number), Event("bl-901-2", "coercive-measure", "2026-12-02", number, "刑事拘留") } };
        using (var dry = await api.PostAsJsonAsync("/api/v1/enforcement/events?dryRun=true", batch, Json))
        {
            Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            Assert.Contains("\"dryRun\":true,\"added\":2,\"alreadyPresent\":0", await dry.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, await EventCountAsync(number));

        using (var sent = await api.SendAsync(Post("/api/v1/enforcement/events", JsonContent.Create(batch, options: Json), "jz-batch-901")))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Contains("\"added\":2,\"alreadyPresent\":0", await sent.Content.ReadAsStringAsync());
        }

        // The retry under the key replays; the batch sent again is idempotent by sourceEventId in the client's own namespace.
        using (var replayed = await api.SendAsync(Post("/api/v1/enforcement/events", JsonContent.Create(batch, options: Json), "jz-batch-901")))
        {
            Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        }

        using (var again = await api.PostAsJsonAsync("/api/v1/enforcement/events", batch, Json))
        {
            Assert.Contains("\"added\":0,\"alreadyPresent\":2", await again.Content.ReadAsStringAsync());
        }

        Assert.Equal(3, await EventCountAsync(number));
        var recorded = await fixture.DbAsync(db => db.Set<CaseEventRecord>().SingleAsync(e => e.SourceEventId == "bl-901-1"));
        Assert.Equal((CaseEventSources.Client(registered.ClientId), actor), (recorded.Source, recorded.RecordedBy));
        Assert.Equal("api-client:" + registered.ClientId, recorded.Source);
        Assert.True(await fixture.DbAsync(db => db.Ledger.AnyAsync(e => e.Actor == actor && e.Detail!.Contains("新增 2 条"))));

        // Another agency's client finds no such case, exactly as if it had never been registered.
        var other = await RegisteredClient.RegisterInAsync(fixture.Site.Services, Staff.OtherAgencyCode, "伊金霍洛旗执法办案系统", null, ApiScopes.ImportCases);
        using var otherApi = RegisteredClient.Bearer(fixture.Site, await other.TokenAsync(fixture.Site.CreateClient()));
        using (var refused = await otherApi.PostAsJsonAsync("/api/v1/enforcement/events", new { events = new[] { Event("yj-1", "solved", "2026-12-03", number) } }, Json))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains($"案件 {number} 未登记。", (await JsonAsync(refused)).GetProperty("errors")[0].GetProperty("message").GetString());
        }

        Assert.Equal(3, await EventCountAsync(number));
    }

    [Fact]
    public async Task Case_import_by_token_needs_its_scope_and_a_valid_token_while_signed_sources_work_as_before()
    {
        const string demoCase = "A6401215100002026090031";
        var batch = new { events = new[] { Event("sig-bl-1", "appraisal", "2026-12-01", demoCase, "轻伤二级") } };
        var drafting = await RegisteredClient.RegisterAsync(fixture.Site.Services, "办公自动化系统", "zhzx", ApiScopes.WriteContent);
        using var api = RegisteredClient.Bearer(fixture.Site, await drafting.TokenAsync(fixture.Site.CreateClient()));
        using (var forbidden = await api.PostAsJsonAsync("/api/v1/enforcement/events", batch, Json))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Contains("cases:import", (await JsonAsync(forbidden)).GetProperty("detail").GetString());
        }

        // A bad token is refused as a client, not checked as a signature.
        using var forged = RegisteredClient.Bearer(fixture.Site, "not-a-token");
        using (var unauthorized = await forged.PostAsJsonAsync("/api/v1/enforcement/cases", new { number = "A1" }, Json))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
            Assert.Equal("未通过身份验证", (await JsonAsync(unauthorized)).GetProperty("title").GetString());
        }

        var before = await EventCountAsync(demoCase);

        // No token: the signature decides, as before.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(batch, Json);
        var timestamp = fixture.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Post("/api/v1/enforcement/events", Body(bytes, "application/json"));
        signed.Headers.Add(SourceSignature.SourceHeader, ApiSiteFixture.Source);
        signed.Headers.Add(SourceSignature.TimestampHeader, timestamp);
        signed.Headers.Add(SourceSignature.SignatureHeader, SourceSignature.Sign(ApiSiteFixture.Key, timestamp, bytes));
        using (var accepted = await fixture.Site.CreateClient().SendAsync(signed))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Contains("\"added\":1", await accepted.Content.ReadAsStringAsync());
        }

        using (var unsigned = await fixture.Site.CreateClient().PostAsJsonAsync("/api/v1/enforcement/events", batch, Json))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            Assert.Equal("签名无效", (await JsonAsync(unsigned)).GetProperty("title").GetString());
        }

        Assert.Equal(before + 1, await EventCountAsync(demoCase));
        var recorded = await fixture.DbAsync(db => db.Set<CaseEventRecord>().SingleAsync(e => e.SourceEventId == "sig-bl-1"));
        Assert.Equal((ApiSiteFixture.Source, "api:" + ApiSiteFixture.Source), (recorded.Source, recorded.RecordedBy));
    }

    [Fact]
    public async Task The_api_description_names_the_scope_of_each_bulk_endpoint()
    {
        using var document = JsonDocument.Parse(await fixture.Site.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        string[] Scopes(string path) =>
            [.. paths.GetProperty(path).GetProperty("post").GetProperty("security")[0].GetProperty("ApiClient").EnumerateArray().Select(s => s.GetString()!)];
        Assert.Equal(["credit:import"], Scopes("/api/v1/credit/{kind}/imports"));
        Assert.Equal(["cases:import"], Scopes("/api/v1/enforcement/events"));
        Assert.Equal(["cases:import"], Scopes("/api/v1/enforcement/cases"));
        var events = paths.GetProperty("/api/v1/enforcement/events").GetProperty("post").GetProperty("description").GetString();
        Assert.Contains("X-Disclosure-Signature", events);
        Assert.Contains("Authorization: Bearer", events);
    }
}
