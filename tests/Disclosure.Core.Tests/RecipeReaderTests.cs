using Disclosure.Core.Organisation;
using Disclosure.Core.Calendar;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Recipes;
using Disclosure.Core.Settings;
using Disclosure.Modules;

namespace Disclosure.Core.Tests;

public sealed class RecipeReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("disclosure-recipes-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_shipped_setup_recipe_reads_cleanly()
    {
        var recipe = InstalledModules.ReadRecipe(Path.Combine(Calendar.ShippedCalendar.RepositoryRoot(), "recipes", "setup.json"));
        var types = recipe.Steps.OfType<ContentDefinitionStep>().Single().ContentTypes;
        Assert.Contains(types, t => t.Name == "ServiceGuide" && t.Fields.Any(f => f.Name == "Faq" && f.Type == FieldType.Table));
        var catalogue = recipe.Steps.OfType<CatalogueStep>().Single().Classes;
        Assert.Contains(catalogue, c => c.Code == "02.02" && c.Name == "规范性文件" && c.ParentCode == "02");
    }

    [Fact]
    public void Invalid_json_names_the_file_and_the_line()
    {
        var file = Write("broken.json", "{\n  \"name\": \"setup\",\n  \"steps\": [ { \"name\": \"Topics\" ,, } ]\n}");
        var error = Assert.Single(Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(file)).Errors);
        Assert.Equal(file, error.File);
        Assert.Contains("不是有效的 JSON（第 3 行", error.Message);
    }

    [Fact]
    public void An_unknown_field_type_names_the_file_the_path_and_the_choices()
    {
        var file = Write("types.json", """
            { "name": "setup", "steps": [
              { "name": "ContentDefinition", "contentTypes": [
                { "name": "Notice", "displayName": "通知", "parts": ["TitlePart"], "fields": [
                  { "name": "Deadline", "displayName": "截止日期", "type": "Dat" } ] } ] } ] }
            """);
        var exception = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(file));
        var error = Assert.Single(exception.Errors);
        Assert.Equal(file, error.File);
        Assert.Equal("$.steps[0].contentTypes[0].fields[0].type", error.Path);
        Assert.Contains("未知的字段类型“Dat”", error.Message);
        Assert.Contains("Date", error.Message);
        Assert.Contains(file, exception.Message);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        var file = Write("many.json", """
            { "name": "setup", "steps": [
              { "name": "Agencies", "agencies": [ { "code": "640121-103", "name": "永宁县公安局", "departmentCode": "103", "indexNumberFormat": "{area}/{year}" } ] },
              { "name": "Catalogue", "classes": [ { "code": "01", "name": "机构职能" }, { "code": "01", "name": "重复" } ] },
              { "name": "ContentDefinition", "contentTypes": [ { "name": "notice", "displayName": "通知" },
                { "name": "Guide", "displayName": "指南", "parts": ["TitlePart", "SeoPart"],
                  "fields": [ { "name": "Kind", "displayName": "类别", "type": "Choice" }, { "name": "Faq", "displayName": "问答", "type": "Table" },
                              { "name": "Days", "displayName": "天数", "type": "Number", "min": 10, "max": 1 } ] } ] },
              { "name": "Workflow" }
            ] }
            """);
        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(file)).Errors;
        Assert.Equal(
            [
                "$.steps[0].agencies[0].areaCode",
                "$.steps[0].agencies[0].indexNumberFormat",
                "$.steps[1].classes[1].code",
                "$.steps[2].contentTypes[0].name",
                "$.steps[2].contentTypes[1].parts[1]",
                "$.steps[2].contentTypes[1].fields[0]",
                "$.steps[2].contentTypes[1].fields[1]",
                "$.steps[2].contentTypes[1].fields[2]",
                "$.steps[3]",
            ],
            errors.Select(e => e.Path));
        Assert.Contains(errors, e => e.Message.Contains("必须提供 options"));
        Assert.Contains(errors, e => e.Message.Contains("未知的步骤“Workflow”"));
        Assert.Contains(errors, e => e.Message.Contains("未知的部件 字符串“SeoPart”"));
    }

    [Fact]
    public void An_agency_tree_names_known_parents_without_cycles_and_only_per_agency_settings()
    {
        var good = Write("tree.json", """
            { "name": "tree", "steps": [ { "name": "Agencies", "agencies": [
              { "code": "city", "name": "市局", "areaCode": "150600", "departmentCode": "103",
                "settings": { "Identity.ReconsiderationAuthority": "鄂尔多斯市人民政府" } },
              { "code": "county", "name": "旗局", "parent": "city", "areaCode": "150627", "departmentCode": "103", "acceptsOnlineRequests": false }
            ] } ] }
            """);
        var agencies = Assert.IsType<AgenciesStep>(Assert.Single(RecipeReader.ReadFile(good).Steps)).Agencies;
        Assert.Equal([(null, 0, true), ("city", 1, false)], agencies.Select(a => (a.ParentCode, a.Position, a.AcceptsOnlineRequests)));
        Assert.Equal("鄂尔多斯市人民政府", agencies[0].Settings["Identity.ReconsiderationAuthority"]);

        var bad = Write("bad-tree.json", """
            { "name": "tree", "steps": [ { "name": "Agencies", "agencies": [
              { "code": "a", "name": "甲", "parent": "b", "areaCode": "150600", "departmentCode": "1" },
              { "code": "b", "name": "乙", "parent": "a", "areaCode": "150600", "departmentCode": "2" },
              { "code": "c", "name": "丙", "parent": "nowhere", "areaCode": "150600", "departmentCode": "3",
                "settings": { "SiteName": "不是机构的设置", "Identity.OfficePhone": 110 } }
            ] } ] }
            """);
        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(bad)).Errors;
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[0].parent" && e.Message == "机构“a”的上级关系形成了循环。");
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[1].parent" && e.Message == "机构“b”的上级关系形成了循环。");
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[2].parent" && e.Message == "上级机构“nowhere”不在本步骤的机构中。");
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[2].settings.SiteName" && e.Message.StartsWith("“SiteName”不是机构可以单独设置的标识项", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[2].settings.Identity.OfficePhone" && e.Message == "设置值应为字符串。");
    }

    [Fact]
    public void An_agencys_site_settings_in_a_recipe_are_checked_as_the_agency_form_checks_them()
    {
        var good = Write("site.json", """
            { "name": "site", "steps": [ { "name": "Agencies", "agencies": [
              { "code": "city", "name": "市局", "areaCode": "150600", "departmentCode": "103",
                "settings": { "Site.HostNames": "gaj.example.gov.cn, www.gaj.example.gov.cn", "Site.PrimaryColor": "#1f5c3a", "Site.LogoUrl": "/media/logo.png" } }
            ] } ] }
            """);
        var agency = Assert.Single(Assert.IsType<AgenciesStep>(Assert.Single(RecipeReader.ReadFile(good).Steps)).Agencies);
        Assert.Equal("#1f5c3a", agency.Settings[AgencySiteFields.PrimaryColor]);

        var bad = Write("bad-site.json", """
            { "name": "site", "steps": [ { "name": "Agencies", "agencies": [
              { "code": "city", "name": "市局", "areaCode": "150600", "departmentCode": "103",
                "settings": { "Site.HostNames": "https://gaj.example.gov.cn/", "Site.PrimaryColor": "#ffff00", "Site.LogoUrl": "javascript:alert(1)" } }
            ] } ] }
            """);
        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(bad)).Errors;
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[0].settings.Site.HostNames" && e.Message.StartsWith("“https://gaj.example.gov.cn/”不是有效的域名", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[0].settings.Site.PrimaryColor" && e.Message.Contains("低于 4.5:1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[0].settings.Site.LogoUrl");
    }

    [Theory]
    [InlineData("#767676", true)]   // 4.54:1, the lightest grey white text may sit on
    [InlineData("#777777", false)]  // 4.48:1
    [InlineData("#1a4f8b", true)]
    [InlineData("#000000", true)]
    [InlineData("#ffffff", false)]
    [InlineData("#12345", false)]
    [InlineData("1a4f8b", false)]
    public void A_primary_colour_is_rrggbb_and_readable_under_white_text(string color, bool accepted)
    {
        var (errors, values) = AgencySiteFields.Validate(new Dictionary<string, string?> { [AgencySiteFields.PrimaryColor] = color });
        Assert.Equal(accepted, !errors.ContainsKey(AgencySiteFields.PrimaryColor));
        if (accepted)
        {
            Assert.Equal(color.ToLowerInvariant(), values[AgencySiteFields.PrimaryColor]);
        }
    }

    [Theory]
    [InlineData("yjhlq.gov.cn", true)]
    [InlineData("WWW.Example.GOV.cn", true)]
    [InlineData("a-b.example.com", true)]
    [InlineData("localhost", false)]
    [InlineData("-bad.example.com", false)]
    [InlineData("bad-.example.com", false)]
    [InlineData("example.com:8080", false)]
    [InlineData("http://example.com", false)]
    [InlineData("ex ample.com", false)]
    [InlineData("例子.中国", false)]
    [InlineData("example.123", false)]
    public void Host_names_are_plain_dns_names(string host, bool accepted)
    {
        var (errors, values) = AgencySiteFields.Validate(new Dictionary<string, string?> { [AgencySiteFields.HostNames] = host });
        Assert.Equal(accepted, !errors.ContainsKey(AgencySiteFields.HostNames));
        if (accepted)
        {
            Assert.Equal(host.ToLowerInvariant(), values[AgencySiteFields.HostNames]);
        }
    }

    [Fact]
    public void An_agency_lists_its_local_calendar_days_and_a_wrong_one_is_named()
    {
        var good = Write("local-days.json", """
            { "name": "local", "steps": [ { "name": "Agencies", "agencies": [
              { "code": "county", "name": "旗局", "areaCode": "150627", "departmentCode": "103", "calendar": [
                { "date": "2026-08-04", "kind": "holiday", "name": "那达慕", "source": "旗政府通知" },
                { "date": "2026-08-08", "kind": "workday", "name": "那达慕" } ] }
            ] } ] }
            """);
        var agency = Assert.Single(Assert.IsType<AgenciesStep>(Assert.Single(RecipeReader.ReadFile(good).Steps)).Agencies);
        Assert.Equal(
            [
                new AgencyCalendarDayDefinition(new CalendarDay(new DateOnly(2026, 8, 4), CalendarDayKind.Holiday, "那达慕"), "旗政府通知"),
                new AgencyCalendarDayDefinition(new CalendarDay(new DateOnly(2026, 8, 8), CalendarDayKind.AdjustedWorkingDay, "那达慕"), null),
            ],
            agency.Calendar);

        var bad = Write("bad-local-days.json", """
            { "name": "local", "steps": [ { "name": "Agencies", "agencies": [
              { "code": "county", "name": "旗局", "areaCode": "150627", "departmentCode": "103", "calendar": [
                { "date": "2026-08-04", "kind": "sometimes", "name": "那达慕" },
                { "date": "2026-02-30", "kind": "holiday", "name": "那达慕" },
                { "date": "2026-08-05", "kind": "holiday", "name": "" },
                { "date": "2026-08-06", "kind": "holiday", "name": "甲" },
                { "date": "2026-08-06", "kind": "holiday", "name": "乙" } ] }
            ] } ] }
            """);
        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(bad)).Errors;
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[0].calendar[0].kind" && e.Message == "kind 应为 holiday（放假）或 workday（调休上班），实际是“sometimes”。");
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[0].calendar[1].date" && e.Message.StartsWith("日期“2026-02-30”无效", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[0].calendar[2].name");
        Assert.Contains(errors, e => e.Path == "$.steps[0].agencies[0].calendar[4].date" && e.Message == "2026-08-06 在本机构的日历中重复。");
    }

    [Fact]
    public void Content_files_are_checked_for_ids_and_times_and_a_missing_folder_is_named()
    {
        Write("content/a.json", """{ "id": "Bad Id", "type": "Disclosure", "data": {} }""");
        Write("content/b.json", """{ "id": "item-b", "type": "Disclosure", "publishedAt": "2017-03-29", "data": {} }""");
        Write("content/c.json", """{ "id": "item-c", "type": "Disclosure", "publishedAt": "2017-03-29T10:00:00+08:00", "withdrawn": { "at": "2017-03-01T10:00:00+08:00", "reason": "错误" }, "data": {} }""");
        Write("content/d.json", """{ "id": "item-b", "type": "Disclosure", "data": {} }""");
        var file = Write("demo.json", """{ "name": "demo", "steps": [ { "name": "Content", "source": "content" } ] }""");

        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(file)).Errors;
        Assert.Contains(errors, e => e.File.EndsWith("a.json", StringComparison.Ordinal) && e.Path == "$.id" && e.Message.Contains("只能包含小写字母"));
        Assert.Contains(errors, e => e.File.EndsWith("b.json", StringComparison.Ordinal) && e.Path == "$.publishedAt" && e.Message.Contains("ISO 8601"));
        Assert.Contains(errors, e => e.File.EndsWith("c.json", StringComparison.Ordinal) && e.Path == "$.withdrawn" && e.Message.Contains("撤回时间必须晚于发布时间"));
        Assert.Contains(errors, e => e.File.EndsWith("d.json", StringComparison.Ordinal) && e.Message.Contains('与') && e.Message.Contains("重复"));

        var missing = Write("missing.json", """{ "name": "demo", "steps": [ { "name": "Content", "source": "nowhere" } ] }""");
        var error = Assert.Single(Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(missing)).Errors);
        Assert.Equal("$.steps[0].source", error.Path);
        Assert.Contains("不存在", error.Message);
    }

    [Fact]
    public void A_content_file_with_its_history_reads_every_version_and_keeps_its_index_number()
    {
        Write("export/content/Disclosure/item-a.json", """
            { "id": "item-a", "type": "Disclosure", "indexNumber": "640121-103/2026-00012", "createdAt": "2026-03-01T08:00:00.0000000+00:00", "versions": [
              { "number": 1, "status": "Archived", "data": { "TitlePart": { "Title": "旧" } }, "publishedAt": "2026-03-02T08:00:00.0000000+00:00", "publishedBy": "editor" },
              { "number": 2, "status": "Published", "data": { "TitlePart": { "Title": "新" } }, "publishedAt": "2026-03-05T08:00:00.0000000+00:00" },
              { "number": 3, "status": "Draft", "data": { "TitlePart": { "Title": "草稿" } } } ] }
            """);
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "export", "media"));
        var file = Write("export/recipe.json", """
            { "name": "export", "steps": [ { "name": "Content", "source": "content", "media": "media", "indexNumberCounters": { "640121-103/2026": 12 } } ] }
            """);

        var step = Assert.IsType<ContentStep>(Assert.Single(RecipeReader.ReadFile(file).Steps));
        var item = Assert.Single(step.Items);
        Assert.Equal("640121-103/2026-00012", item.IndexNumber);
        Assert.Equal([1, 2, 3], item.Versions!.Select(v => v.Number));
        Assert.Equal([ContentManagement.ContentStatus.Archived, ContentManagement.ContentStatus.Published, ContentManagement.ContentStatus.Draft], item.Versions!.Select(v => v.Status));
        Assert.Equal("草稿", item.Data.Title); // the latest version's data
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), item.Versions![0].PublishedAt);
        Assert.Equal(12, step.IndexNumberCounters["640121-103/2026"]);
        Assert.Equal(Path.Combine(_folder.FullName, "export", "media"), step.MediaFolder);
    }

    [Fact]
    public void A_history_out_of_order_with_an_unknown_status_or_two_published_versions_is_refused()
    {
        Write("content/gap.json", """{ "id": "gap", "type": "Disclosure", "versions": [ { "number": 2, "status": "Draft", "data": {} } ] }""");
        Write("content/status.json", """{ "id": "status", "type": "Disclosure", "versions": [ { "number": 1, "status": "Lost", "data": {} } ] }""");
        Write("content/two.json", """{ "id": "two", "type": "Disclosure", "versions": [ { "number": 1, "status": "Published", "data": {} }, { "number": 2, "status": "Published", "data": {} } ] }""");
        Write("content/mixed.json", """{ "id": "mixed", "type": "Disclosure", "publishedAt": "2017-03-29T10:00:00+08:00", "versions": [ { "number": 1, "status": "Published", "data": {} } ] }""");
        var file = Write("recipe.json", """{ "name": "export", "steps": [ { "name": "Content", "source": "content", "indexNumberCounters": { "x": -1 } } ] }""");

        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(file)).Errors;
        Assert.Contains(errors, e => e.File.EndsWith("gap.json", StringComparison.Ordinal) && e.Message == "版本号应为 1（从 1 起按顺序）。");
        Assert.Contains(errors, e => e.File.EndsWith("status.json", StringComparison.Ordinal) && e.Path == "$.versions[0].status" && e.Message.StartsWith("版本状态“Lost”无效", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File.EndsWith("two.json", StringComparison.Ordinal) && e.Message == "至多一个版本为已发布（Published）。");
        Assert.Contains(errors, e => e.File.EndsWith("mixed.json", StringComparison.Ordinal) && e.Message.Contains("不用 publishedAt", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.steps[0].indexNumberCounters.x" && e.Message == "索引号计数应为非负整数。");
    }
}
