using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Disclosure.Core.Tables;
using Disclosure.Enforcement.Api;
using Disclosure.Enforcement.Data;
using Disclosure.Media.Tables;
using Microsoft.EntityFrameworkCore;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>
/// Getting case events in: the signed API (401 for anything not signed by a configured source within the window,
/// cases with their 查询码 once, events all or none and idempotent) and the admin's table upload with its 预检.
/// </summary>
public sealed class ApiTests(ApiSiteFixture fixture) : IClassFixture<ApiSiteFixture>
{
    /// <summary>A demo 刑事案件 accepted on 2026-09-24.</summary>
    private const string DemoCase = "A6401215100002026090031";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpRequestMessage Signed(string path, object body, string? source = ApiSiteFixture.Source, byte[]? key = null, TimeSpan? skew = null)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var timestamp = (fixture.Clock.GetUtcNow() + (skew ?? TimeSpan.Zero)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (source is not null)
        {
            request.Headers.Add(SourceSignature.SourceHeader, source);
            request.Headers.Add(SourceSignature.TimestampHeader, timestamp);
            request.Headers.Add(SourceSignature.SignatureHeader, SourceSignature.Sign(key ?? ApiSiteFixture.Key, timestamp, bytes));
        }

        return request;
    }

    private static object Event(string id, string type, string formedOn, string number = DemoCase, string? detail = null) =>
        new { sourceEventId = id, caseNumber = number, type, formedOn, detail };

    private Task<int> EventCountAsync(string number = DemoCase) =>
        fixture.DbAsync(db => (from e in db.Set<CaseEventRecord>() join c in db.Set<EnforcementCaseRecord>() on e.CaseId equals c.Id where c.Number == number select e).CountAsync());

    [Fact]
    public async Task Calls_not_signed_by_a_configured_source_within_five_minutes_are_refused()
    {
        var client = fixture.Site.CreateClient();
        var batch = new { events = new[] { Event("x-1", "appraisal", "2026-11-20") } };
        var before = await EventCountAsync();
        var cases = new (string Name, HttpRequestMessage Request)[]
        {
            ("unsigned", Signed("/api/v1/enforcement/events", batch, source: null)),
            ("wrong key", Signed("/api/v1/enforcement/events", batch, key: [.. ApiSiteFixture.Key.Reverse()])),
            ("unknown source", Signed("/api/v1/enforcement/events", batch, source: "other")),
            ("stale", Signed("/api/v1/enforcement/events", batch, skew: TimeSpan.FromSeconds(-301))),
            ("from the future", Signed("/api/v1/enforcement/events", batch, skew: TimeSpan.FromSeconds(301))),
            ("case, unsigned", Signed("/api/v1/enforcement/cases", new { number = "A1" }, source: null)),
        };
        foreach (var (name, request) in cases)
        {
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, name);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("签名无效", problem.RootElement.GetProperty("title").GetString());
        }

        // A body changed after signing does not pass either.
        var tampered = Signed("/api/v1/enforcement/events", batch);
        tampered.Content = new StringContent(JsonSerializer.Serialize(new { events = new[] { Event("x-1", "withdrawn", "2026-11-20") } }, Json), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(tampered)).StatusCode);
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task A_source_registers_a_case_then_sends_events_once_and_a_bad_batch_writes_nothing()
    {
        var client = fixture.Site.CreateClient();
        const string number = "A6401215100002026110777";
        var registered = await client.SendAsync(Signed("/api/v1/enforcement/cases", new
        {
            number, kind = "criminal", unitName = "永宁县公安局刑事侦查大队", unitContact = "0951-8011110", acceptedOn = "2026-11-02",
            parties = new object[]
            {
                new { role = "victim", name = "（测试）马某", phone = "13995110777", notify = true },
                new { role = "suspect", name = "（测试）杨某家属", idNumber = "640121198804177777" },
            },
        }));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using (var body = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()))
        {
            Assert.Equal(number, body.RootElement.GetProperty("number").GetString());
            var parties = body.RootElement.GetProperty("parties").EnumerateArray().ToList();
            Assert.Equal(["被害人或其家属", "犯罪嫌疑人或其家属"], parties.Select(p => p.GetProperty("role").GetString()));
            Assert.All(parties, p => Assert.Equal(14, p.GetProperty("queryCode").GetString()!.Length)); // XXXX-XXXX-XXXX
        }

        // The same case again: 409, the codes are not issued twice; a role the kind does not know: 422 with the reason.
        var again = await client.SendAsync(Signed("/api/v1/enforcement/cases", new
        {
            number, kind = "criminal", unitName = "x", unitContact = "x", acceptedOn = "2026-11-02", parties = new[] { new { role = "victim", name = "某", phone = "13995110777" } },
        }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var badRole = await client.SendAsync(Signed("/api/v1/enforcement/cases", new
        {
            number = number + "9", kind = "criminal", unitName = "x", unitContact = "x", acceptedOn = "2026-11-02", parties = new[] { new { role = "applicant", name = "某", phone = "13995110777" } },
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badRole.StatusCode);
        using (var problem = JsonDocument.Parse(await badRole.Content.ReadAsStringAsync()))
        {
            Assert.Equal("案件未登记：内容有误", problem.RootElement.GetProperty("title").GetString());
            Assert.Contains("不是刑事案件的当事人身份", problem.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
        }

        var batch = new { events = new[] { Event("jz-777-1", "立案", "2026-11-05", number), Event("jz-777-2", "coercive-measure", "2026-11-06", number, "刑事拘留") } };
        var dry = await client.SendAsync(Signed("/api/v1/enforcement/events?dryRun=true", batch));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Contains("\"dryRun\":true,\"added\":2,\"alreadyPresent\":0", await dry.Content.ReadAsStringAsync());
        Assert.Equal(1, await EventCountAsync(number));

        var sent = await client.SendAsync(Signed("/api/v1/enforcement/events", batch));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("\"added\":2,\"alreadyPresent\":0", await sent.Content.ReadAsStringAsync());
        var repeated = await client.SendAsync(Signed("/api/v1/enforcement/events", batch));
        Assert.Contains("\"added\":0,\"alreadyPresent\":2", await repeated.Content.ReadAsStringAsync());
        Assert.Equal(3, await EventCountAsync(number));
        var stored = await fixture.DbAsync(db => db.Set<CaseEventRecord>().SingleAsync(e => e.SourceEventId == "jz-777-1"));
        Assert.Equal((ApiSiteFixture.Source, "api:" + ApiSiteFixture.Source), (stored.Source, stored.RecordedBy));
        // The victim asked to be notified: one notice for 立案, one for 强制措施 (the suspect did not ask).
        var eventIds = await fixture.DbAsync(db => (from e in db.Set<CaseEventRecord>() join c in db.Set<EnforcementCaseRecord>() on e.CaseId equals c.Id where c.Number == number select e.Id).ToListAsync());
        var notices = await fixture.DbAsync(db => db.Set<Disclosure.Channels.Outbox.OutboxMessage>().Where(m => m.ContentType == "notice/enforcement-step").Select(m => m.ContentItemId).ToListAsync());
        Assert.Equal(2, notices.Count(n => eventIds.Any(id => n.StartsWith($"enforcement-step:{id}.", StringComparison.Ordinal))));
        // The dispatcher delivers them to the app webhook, signed, with the case, the step, its date and the party's id only.
        var delivered = await DeliveredNoticesAsync(number, 2);
        Assert.Equal(["立案", "采取刑事强制措施"], delivered.Select(n => n.GetProperty("data").GetProperty("step").GetString()).Order(StringComparer.Ordinal));
        Assert.All(delivered, n => Assert.Equal("enforcement-step", n.GetProperty("notice").GetString()));
        Assert.Equal(["2026-11-05", "2026-11-06"], delivered.Select(n => n.GetProperty("data").GetProperty("formedOn").GetString()).Order(StringComparer.Ordinal));

        var bad = await client.SendAsync(Signed("/api/v1/enforcement/events", new
        {
            events = new[] { Event("jz-777-3", "solved", "2026-11-20", number), Event("jz-777-4", "solved", "2026-12-05", number), Event("jz-777-5", "hearing", "2026-11-01", number) },
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        using (var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            Assert.Equal("办理环节未导入：整批未写入", problem.RootElement.GetProperty("title").GetString());
            var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("where").GetString(), e.GetProperty("item").GetInt32(), e.GetProperty("message").GetString()!)).ToList();
            Assert.Equal(3, errors.Count);
            Assert.Equal(("第 2 条", 1, "形成日期 2026-12-05 晚于今天。"), errors[0]);
            Assert.Equal(2, errors[1].Item2);
            Assert.StartsWith("“hearing”不是刑事案件的办理环节", errors[1].Item3);
            Assert.Equal("形成日期 2026-11-01 早于受案日期 2026-11-02。", errors[2].Item3);
        }

        Assert.Equal(3, await EventCountAsync(number));
        var unparsable = await client.SendAsync(Signed("/api/v1/enforcement/events", new { events = new[] { new { sourceEventId = "x", formedOn = "23/11/2026" } } }));
        Assert.Equal(HttpStatusCode.BadRequest, unparsable.StatusCode);
    }

    private async Task<List<JsonElement>> DeliveredNoticesAsync(string number, int expected)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var found = new List<JsonElement>();
            foreach (var (name, timestamp, signature, body) in fixture.Receiver.Received.Where(r => r.Event == "notice"))
            {
                Assert.True(Disclosure.Channels.Webhooks.WebhookSignature.Verify(ApiSiteFixture.WebhookSecret, timestamp, signature, body, fixture.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)), name);
                var root = JsonDocument.Parse(body).RootElement;
                if (root.GetProperty("data").GetProperty("caseNumber").GetString() == number)
                {
                    var text = Encoding.UTF8.GetString(body);
                    Assert.DoesNotContain("马某", text);
                    Assert.DoesNotContain("13995110777", text);
                    found.Add(root);
                }
            }

            if (found.Count >= expected)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"expected {expected} notices for {number} at the webhook, got {fixture.Receiver.Received.Count} deliveries in all");
    }

    [Fact]
    public void Sources_are_checked_at_start_with_chinese_messages()
    {
        var options = new EnforcementOptions
        {
            Sources =
            [
                new EnforcementSource { Name = "jz", Key = Convert.ToBase64String(ApiSiteFixture.Key) },
                new EnforcementSource { Name = "JZ", Key = Convert.ToBase64String(ApiSiteFixture.Key) },
                new EnforcementSource { Name = "upload", Key = Convert.ToBase64String(ApiSiteFixture.Key) },
                new EnforcementSource { Name = "办案系统", Key = "not base64!" },
                new EnforcementSource { Name = "short", Key = Convert.ToBase64String(new byte[16]) },
                new EnforcementSource { Name = "client-jz", Key = Convert.ToBase64String(ApiSiteFixture.Key) },
            ],
        };
        var result = new EnforcementOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Equal(
        [
            "Enforcement:Sources:1:Name“JZ”重复：每个来源系统的名称须唯一。",
            "Enforcement:Sources:2:Name 不能为“upload”：该名称留给后台上传的文件。",
            "Enforcement:Sources:3:Name“办案系统”无效：来源名称须为 1 至 32 位字母、数字、点、下划线或连字符。",
            "Enforcement:Sources:5:Name“client-jz”无效：以“client-”开头的名称留给接口客户端（台账中记为 api:客户端标识）。",
        ], result.Failures!.Where(f => f.Contains(":Name", StringComparison.Ordinal)));
        Assert.Equal(["Enforcement:Sources:3:Key", "Enforcement:Sources:4:Key"], result.Failures!.Where(f => f.Contains(":Key", StringComparison.Ordinal)).Select(f => f.Split(' ')[0]));
        Assert.False(new EnforcementOptionsValidator().Validate(null, new EnforcementOptions()).Failed);
    }

    [Fact]
    public async Task The_api_is_in_the_openapi_document()
    {
        var document = await fixture.Site.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/enforcement/cases", document);
        Assert.Contains("/api/v1/enforcement/events", document);
        Assert.Contains("X-Disclosure-Signature", document);
    }

    [Fact]
    public async Task The_upload_page_checks_a_table_first_then_imports_it_all_and_once()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var before = await EventCountAsync();
        var header = string.Join(",", Disclosure.Enforcement.Services.CaseEventImporter.Columns);
        var bad = Encoding.UTF8.GetBytes($"{header}\r\nup-1,{DemoCase},鉴定意见,2026-11-20,鉴定意见通知书,,,是\r\nup-2,{DemoCase},撤案,2026-12-05,,,,是\r\n");
        var (token, report) = await UploadAsync(editor, "办理环节.csv", bad);
        Assert.Contains("共 2 行数据，其中 1 行有错误，共 1 处。", report);
        Assert.Contains("<td>第 3 行</td><td>形成日期</td><td>不符合字段要求</td><td>形成日期 2026-12-05 晚于今天。</td>", report);
        Assert.DoesNotContain(">导入</button>", report);
        var forced = await editor.PostAsync($"/admin/enforcement/import/{token}?handler=Confirm", Form(report));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Equal(before, await EventCountAsync());

        // Corrected, as a workbook whose name says CSV: it is read by what it is.
        using var xlsx = new MemoryStream();
        await XlsxTableWriter.WriteAsync(xlsx, "办理环节", Disclosure.Enforcement.Services.CaseEventImporter.Columns,
        [
            ["up-1", DemoCase, "鉴定意见", "2026-11-20", "鉴定意见通知书", "永公（刑）鉴通字〔2026〕9号", null, "是"],
            ["up-2", DemoCase, "withdrawn", "2026-11-21", null, null, null, "否"],
        ]);
        (token, report) = await UploadAsync(editor, "办理环节（改）.csv", xlsx.ToArray());
        Assert.Contains("共 2 行数据，全部正确：将新增 2 条，已导入过 0 条（不重复导入）。", report);
        Assert.Contains("<td>第 3 行</td><td>A6401215100002026090031</td><td>withdrawn</td><td>2026-11-21</td><td>否</td><td>新增</td>", report);
        var imported = await editor.PostAsync($"/admin/enforcement/import/{token}?handler=Confirm", Form(report));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("已导入办理环节 2 条", WebUtility.HtmlDecode(await editor.GetStringAsync(imported.Headers.Location!.OriginalString)));
        Assert.Equal(before + 2, await EventCountAsync());
        var stored = await fixture.DbAsync(db => db.Set<CaseEventRecord>().SingleAsync(e => e.SourceEventId == "up-2"));
        Assert.Equal((CaseEventSources.Upload, "editor", null), (stored.Source, stored.RecordedBy, stored.VisibleUtc));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/enforcement/import/{token}")).StatusCode);

        // The same file again: everything already there, nothing added.
        (_, report) = await UploadAsync(editor, "办理环节.xlsx", xlsx.ToArray());
        Assert.Contains("将新增 0 条，已导入过 2 条", report);

        // Not a table at all.
        (_, report) = await UploadAsync(editor, "照片.csv", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46]);
        Assert.Contains("有错误", report);
        Assert.DoesNotContain(">导入</button>", report);
    }

    [Fact]
    public async Task The_template_holds_the_header_row_and_only_editors_and_the_office_may_upload()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var response = await office.GetAsync($"/admin/enforcement/import?handler=Template&format={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = TableFiles.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Equal(Disclosure.Enforcement.Services.CaseEventImporter.Columns, Assert.Single(reader.Rows()).Cells);
        }

        var head = await Staff.SignedInAsync(fixture.Site, "head");
        Assert.Equal(HttpStatusCode.Redirect, (await head.GetAsync("/admin/enforcement/import")).StatusCode);

        // Without the antiforgery token the upload is refused.
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        using var content = new MultipartFormDataContent { { new ByteArrayContent("来源事件编号\r\n"u8.ToArray()), "Upload", "a.csv" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/admin/enforcement/import", content)).StatusCode);
    }

    private static async Task<(string Token, string Report)> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var form = await client.GetStringAsync("/admin/enforcement/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(CaseEventSources.Upload), "Source" },
            { new StringContent(Staff.Token(form)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", fileName);
        var response = await client.PostAsync("/admin/enforcement/import", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return (location.Split('/').Last(), WebUtility.HtmlDecode(await client.GetStringAsync(location)));
    }
}
