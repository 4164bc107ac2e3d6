using System.Net;
using System.Net.Http.Headers;
using Disclosure.Core.Tables;
using Disclosure.Core.Tests.Credit;
using Disclosure.Core.Text;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Media.Tables;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Credit;

/// <summary>The office's 双公示 pages: roles, antiforgery, the form, publication, 撤回, 信用修复, import and export.</summary>
[Collection(CreditSiteGroup.Name)]
public sealed class CreditAdminTests(CreditSiteFixture fixture)
{
    [Theory]
    [InlineData("head")]
    [InlineData("secrecy")]
    [InlineData("leader")]
    [InlineData("norole")]
    public async Task Only_editors_and_the_office_may_open_the_pages(string user)
    {
        var client = await Staff.SignedInAsync(fixture.Site, user);
        foreach (var url in new[] { "/admin/credit", "/admin/credit/penalties/1", "/admin/credit/import", "/admin/credit/export?kind=penalties&format=csv", "/admin/credit/penalties/edit" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
        }

        Assert.DoesNotContain("href=\"/admin/credit\"", await (await client.GetAsync("/admin/denied")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_editor_may_enter_records_but_not_publish_withdraw_or_repair_them()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        Assert.Contains("<a href=\"/admin/credit\">双公示</a>", await editor.GetStringAsync("/admin"));
        var draft = await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().Where(r => r.Status == CreditRecordStatus.Draft && !r.PartyIsMinor && !r.InvolvesSecrets && r.Severity != Severity.Minor).Select(r => r.Id).FirstAsync());
        var page = await editor.GetStringAsync($"/admin/credit/penalties/{draft}");
        Assert.DoesNotContain("handler=Publish", page);
        foreach (var handler in new[] { "Publish", "Withdraw", "Repair" })
        {
            var response = await editor.PostAsync($"/admin/credit/penalties/{draft}?handler={handler}", Form(page, ("Reason", "信息员试图操作"), ("ChangedOn", "2026-11-20")));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
        }

        Assert.Equal(CreditRecordStatus.Draft, await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().Where(r => r.Id == draft).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var id = await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().Where(r => r.Status == CreditRecordStatus.Published).Select(r => r.Id).FirstAsync());
        var response = await office.PostAsync($"/admin/credit/penalties/{id}?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "无令牌", ["ChangedOn"] = "2026-11-20" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CreditRecordStatus.Published, await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_dashboard_flags_overdue_records_and_the_list_shows_them()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var dashboard = WebUtility.HtmlDecode(await office.GetStringAsync("/admin"));
        Assert.Contains("有 2 条双公示信息已超过 7 个工作日仍未公示（行政许可 0 条，行政处罚 2 条）", dashboard);

        var list = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/credit?kind=penalties&overdue=true"));
        Assert.Contains("共 2 条", list);
        Assert.Contains("2026-11-05（逾期未公示）", list); // decided Tue 10-27: 7 working days to Thu 11-05
        Assert.Contains("2026-11-11（逾期未公示）", list); // decided Mon 11-02
    }

    [Fact]
    public async Task A_record_typed_in_is_checked_like_an_import_row_then_published_masked_and_withdrawn()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var form = await editor.GetStringAsync("/admin/credit/penalties/edit");
        Assert.Contains("value=\"永宁县公安局\"", form);
        Assert.Contains("value=\"11640121MB1570283J\"", form);

        var row = CreditSamples.Penalty("永公(望)行罚决字〔2026〕9001号", "2026-11-20");
        row[CreditFields.IdNumber] = CreditSamples.PersonId[..17] + (CreditSamples.PersonId[17] == '1' ? "2" : "1");
        row[CreditFields.DecisionDate] = "2026-11-24";
        (string Key, string Value)[] fields = row.Where(f => f.Value is not null && f.Key != CreditFields.PenaltyCategories).Select(f => (Key: f.Key, Value: f.Value!))
            .Append((CreditFields.PenaltyCategories, "罚款")).Append((CreditFields.PenaltyCategories, "行政拘留")).ToArray();
        var refused = await editor.PostAsync("/admin/credit/penalties/edit", Form(form, fields));
        var html = await TextAsync(refused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("未保存：有 2 处需要修改", html);
        Assert.Contains("校验位错误", html);
        Assert.Contains("晚于今天（2026-11-23）", html);
        Assert.Contains("value=\"马建国\"", html);
        Assert.Contains("value=\"罚款\" checked", html);

        fields = fields.Select(f => f.Key switch
        {
            CreditFields.IdNumber => (f.Key, CreditSamples.PersonId),
            CreditFields.DecisionDate => (f.Key, "2026-11-20"),
            _ => f,
        }).ToArray();
        var saved = await editor.PostAsync("/admin/credit/penalties/edit", Form(form, fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = saved.Headers.Location!.OriginalString;
        var id = long.Parse(details.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/credit/penalties/{id}")).StatusCode);

        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync(details);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync($"{details}?handler=Publish", Form(page))).StatusCode);
        var shown = WebUtility.HtmlDecode(await office.GetStringAsync($"/credit/penalties/{id}"));
        Assert.Contains("<dd>马**</dd>", shown);
        Assert.DoesNotContain("马建国", shown);
        Assert.DoesNotContain(CreditSamples.PersonId, shown);

        // Withdrawn (the decision was revoked on Friday): gone at once, and the ledger says when it was due.
        page = await office.GetStringAsync(details);
        var withdrawn = await office.PostAsync($"{details}?handler=Withdraw", Form(page, ("Reason", "行政复议撤销原处罚决定"), ("ChangedOn", "2026-11-20")));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("已撤回（时限 2026-11-25）", WebUtility.HtmlDecode(await office.GetStringAsync(details)));
        // In its place, for anyone: a notice with the reason (行政处罚法 第四十八条), as 410 Gone, naming no party.
        var anonymous = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });
        var gone = await anonymous.GetAsync($"/credit/penalties/{id}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var notice = WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync());
        Assert.Contains("<h2>该信息已撤回</h2>", notice);
        Assert.Contains("行政处罚决定书文号：永公(望)行罚决字〔2026〕9001号。", notice);
        Assert.Contains("撤回日期：2026-11-23。", notice);
        Assert.Contains("撤回说明：行政复议撤销原处罚决定", notice);
        Assert.Contains("该决定于 2026-11-20 被依法变更、撤销、确认违法或者确认无效", notice);
        Assert.Contains("第四十八条", notice);
        Assert.DoesNotContain("马**", notice);
        Assert.DoesNotContain("马建国", notice);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/credit/licences/{id}")).StatusCode);
        var ledger = await fixture.DbAsync(db => db.Ledger.Where(e => e.ContentItemId == $"penalty/{id}").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal([CreditLedgerActions.CreditDraftCreated, CreditLedgerActions.CreditPublish, CreditLedgerActions.CreditWithdraw], ledger);
    }

    [Fact]
    public async Task A_blank_severity_in_the_form_is_refused_with_a_message_not_taken_for_general()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var form = await editor.GetStringAsync("/admin/credit/penalties/edit");
        Assert.Contains("失信严重程度（必填）", WebUtility.HtmlDecode(form));
        var row = CreditSamples.Penalty("永公(望)行罚决字〔2026〕9002号", "2026-11-20");
        (string Key, string Value)[] fields = row.Where(f => f.Value is not null && f.Key != CreditFields.Severity).Select(f => (f.Key, f.Value!))
            .Append((CreditFields.Severity, string.Empty)).ToArray();
        var refused = await editor.PostAsync("/admin/credit/penalties/edit", Form(form, fields));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await TextAsync(refused);
        Assert.Contains("未保存：有 1 处需要修改", html);
        Assert.Contains("「失信严重程度」未填写：请认定为轻微、一般、严重之一（它决定公示期限），不能留空。", html);
        Assert.Equal(0, await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().CountAsync(r => r.DecisionNumber == "永公(望)行罚决字〔2026〕9002号")));

        fields = fields.Select(f => f.Key == CreditFields.Severity ? (f.Key, "严重") : f).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/admin/credit/penalties/edit", Form(form, fields))).StatusCode);
        Assert.Equal(Severity.Serious, await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().Where(r => r.DecisionNumber == "永公(望)行罚决字〔2026〕9002号").Select(r => r.Severity).SingleAsync()));
    }

    [Fact]
    public async Task Credit_repair_needs_the_minimum_period_and_a_reason_and_takes_the_penalty_off_the_public_side()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");

        // 严重, decided 2026-03-17: at least 12 months, so not before 2027-03-18.
        var page = await office.GetStringAsync("/admin/credit/penalties/193");
        var early = await office.PostAsync("/admin/credit/penalties/193?handler=Repair", Form(page, ("Reason", "已缴清罚款")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        var earlyHtml = await TextAsync(early);
        Assert.Contains("严重失信信息最短公示 12 个月，2027-03-18 起方可信用修复。", earlyHtml);
        Assert.Contains(">已缴清罚款</textarea>", earlyHtml);

        var id = await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>()
            .Where(r => r.Status == CreditRecordStatus.Published && r.Severity == Severity.General && r.DecisionDate < new DateOnly(2026, 8, 1) && r.PublicationEnd >= new DateOnly(2026, 11, 23))
            .Select(r => r.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/credit/penalties/{id}")).StatusCode);
        page = await office.GetStringAsync($"/admin/credit/penalties/{id}");
        var noReason = await office.PostAsync($"/admin/credit/penalties/{id}?handler=Repair", Form(page, ("Reason", " ")));
        Assert.Contains("请填写修复理由。", await TextAsync(noReason));

        var repaired = await office.PostAsync($"/admin/credit/penalties/{id}?handler=Repair", Form(page, ("Reason", "当事人已履行处罚决定并作出信用承诺")));
        Assert.Equal(HttpStatusCode.Redirect, repaired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/credit/penalties/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/v1/credit/penalties/{id}")).StatusCode);
        var entry = await fixture.DbAsync(db => db.Ledger.SingleAsync(e => e.ContentItemId == $"penalty/{id}" && e.Action == CreditLedgerActions.CreditRepair));
        Assert.Equal("office", entry.Actor);
        Assert.EndsWith("当事人已履行处罚决定并作出信用承诺", entry.Detail);
    }

    [Fact]
    public async Task An_import_with_bad_rows_reports_them_and_cannot_be_confirmed_and_a_clean_one_imports_all_rows()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var rows = Enumerable.Range(1, 3).Select(i => CreditSamples.Penalty($"永公(闽)行罚决字〔2026〕88{i}号", "2026-11-18")).ToList();
        rows[1][CreditFields.FineAmount] = "0.0500001";
        rows[2][CreditFields.PenaltyCategories] = "罚款、训诫";
        var (token, report) = await UploadAsync(editor, "penalties", "处罚（有错）.csv", CreditSamples.Csv(CreditFields.Penalty, rows, Gb18030.Strict));
        Assert.Contains("共 3 行数据，其中 2 行有错误，共 2 处。", report);
        Assert.Contains("<td>第 3 行</td><td>罚款金额（万元）</td><td>小数位数过多</td>", report);
        Assert.Contains("<td>第 4 行</td><td>处罚类别</td><td>不是可选值</td>", report);
        Assert.DoesNotContain("确认导入", report);
        var forced = await editor.PostAsync($"/admin/credit/import/{token}?handler=Confirm", Form(report));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
        Assert.Equal(0, await fixture.DbAsync(db => db.Set<CreditPenaltyRecord>().CountAsync(r => r.DecisionNumber.StartsWith("永公(闽)行罚决字〔2026〕88"))));

        // The same rows, corrected, as an Excel workbook.
        rows[1][CreditFields.FineAmount] = "0.05";
        rows[2][CreditFields.PenaltyCategories] = "罚款";
        using var xlsx = new MemoryStream();
        await XlsxTableWriter.WriteAsync(xlsx, "行政处罚", CreditFields.Penalty.Labels, rows.Select(r => CreditFields.Penalty.Fields.Select(f => r.GetValueOrDefault(f.Key)).ToArray()));
        (token, report) = await UploadAsync(editor, "penalties", "处罚.xlsx", xlsx.ToArray());
        Assert.Contains("共 3 行数据，全部正确。", report);
        var confirmed = await editor.PostAsync($"/admin/credit/import/{token}?handler=Confirm", Form(report));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var batchList = confirmed.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/credit?kind=penalties&batch=", batchList);
        Assert.Contains("已导入行政处罚记录 3 条（草稿）", WebUtility.HtmlDecode(await editor.GetStringAsync(batchList)));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/credit/import/{token}")).StatusCode);

        // The office publishes the batch in one go.
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var list = await office.GetStringAsync(batchList);
        var batch = batchList.Split("batch=")[1];
        var published = await office.PostAsync("/admin/credit?handler=PublishBatch", Form(list, ("kind", "penalties"), ("batch", batch)));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var json = await (await office.GetAsync("/api/v1/credit/penalties?q=" + Uri.EscapeDataString("永公(闽)行罚决字〔2026〕88") + "&by=number")).Content.ReadAsStringAsync();
        Assert.Contains("\"total\":3", json);
    }

    [Fact]
    public async Task Exports_open_as_the_import_format_and_read_back_by_the_importer()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var total = await fixture.DbAsync(db => db.Set<CreditLicenceRecord>().CountAsync());
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var response = await office.GetAsync($"/admin/credit/export?kind=licences&format={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TableFormats.ContentType(TableFormats.FromName(format)!.Value).Split(';')[0], response.Content.Headers.ContentType!.MediaType);
            Assert.EndsWith($".{format}", response.Content.Headers.ContentDisposition!.FileNameStar);
            using var reader = TableFiles.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            var read = reader.Rows().ToList();
            Assert.Equal(CreditFields.Licence.Labels, read[0].Cells);
            Assert.Equal(total, read.Count - 1);

            // Uploaded again it is read in full: every row is already there, so every row is a duplicate.
            var (_, report) = await UploadAsync(office, "licences", $"导出.{format}", await response.Content.ReadAsByteArrayAsync());
            Assert.Contains($"共 {total} 行数据，其中 {total} 行有错误", report);
            Assert.Contains("与已有记录重复", report);
        }

        var template = await office.GetAsync("/admin/credit/export?kind=powerlist&format=csv&template=true");
        using var templateReader = TableFiles.Open(new MemoryStream(await template.Content.ReadAsByteArrayAsync()));
        var header = Assert.Single(templateReader.Rows());
        Assert.Equal("事项编码", header.Cells[header.Cells.ToList().IndexOf("事项编码")]);
        Assert.Contains("事项名称", header.Cells);
    }

    private static async Task<(string Token, string Report)> UploadAsync(HttpClient client, string kind, string fileName, byte[] bytes)
    {
        var form = await client.GetStringAsync($"/admin/credit/import?kind={kind}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(kind), "Kind" },
            { new StringContent(Staff.Token(form)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", fileName);
        var response = await client.PostAsync("/admin/credit/import", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return (location.Split('/').Last(), WebUtility.HtmlDecode(await client.GetStringAsync(location)));
    }
}
