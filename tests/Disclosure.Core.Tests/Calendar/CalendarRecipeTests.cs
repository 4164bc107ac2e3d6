using System.Text;
using Disclosure.Core.Calendar;
using Disclosure.Core.Recipes;
using Disclosure.Modules;

namespace Disclosure.Core.Tests.Calendar;

/// <summary>The Calendar recipe step and its year files: what is refused, and where the error is said to be.</summary>
public sealed class CalendarRecipeTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("disclosure-calendar-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Recipe(params (string Name, string Json)[] years)
    {
        Directory.CreateDirectory(Path.Combine(_folder.FullName, "calendar"));
        foreach (var (name, json) in years)
        {
            File.WriteAllText(Path.Combine(_folder.FullName, "calendar", name), json);
        }

        var recipe = Path.Combine(_folder.FullName, "setup.json");
        File.WriteAllText(recipe, """{ "name": "setup", "steps": [ { "name": "Topics", "topics": ["综合政务"] }, { "name": "Calendar", "source": "calendar" } ] }""");
        return recipe;
    }

    private string YearFile(string name) => Path.Combine(_folder.FullName, "calendar", name);

    [Fact]
    public void The_shipped_setup_recipe_imports_both_years()
    {
        var step = InstalledModules.ReadRecipe(Path.Combine(ShippedCalendar.RepositoryRoot(), "recipes", "setup.json")).Steps.OfType<CalendarStep>().Single();
        Assert.Equal([2025, 2026], step.Years.Select(y => y.Year));
        Assert.Equal("$.steps[6]", step.Path);
    }

    [Fact]
    public void A_good_year_file_is_read_day_by_day()
    {
        var step = RecipeReader.ReadFile(Recipe(("2027.json", """
            { "year": 2027, "source": "国办发明电〔2026〕1号",
              "festivals": [ { "name": "元旦", "from": "2027-01-01" },
                             { "name": "春节", "from": "2027-02-06", "to": "2027-02-08", "workdays": ["2027-01-31"] } ] }
            """))).Steps.OfType<CalendarStep>().Single();
        var year = Assert.Single(step.Years);
        Assert.Equal("国办发明电〔2026〕1号", year.Source);
        Assert.Equal(
            ["2027-01-01 Holiday 元旦", "2027-01-31 AdjustedWorkingDay 春节", "2027-02-06 Holiday 春节", "2027-02-07 Holiday 春节", "2027-02-08 Holiday 春节"],
            year.Days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Kind} {d.Name}"));
    }

    [Fact]
    public void Every_problem_in_a_year_file_is_named_with_the_file_and_path()
    {
        var recipe = Recipe(("2025.json", """
            { "year": 2025, "source": "国办发明电〔2024〕12号",
              "festivals": [
                { "name": "元旦", "from": "2024-12-31", "to": "2025-01-01" },
                { "name": "春节", "from": "2025-01-28", "to": "2025-02-04", "workdays": ["2025-01-27", "2025-02-08"] },
                { "name": "清明节", "from": "2025-04-31" },
                { "name": "国庆节", "from": "2025-10-01", "to": "2025-10-08", "workdays": ["2025-10-04", "2026-01-03"] },
                { "name": "", "from": "2025-05-01" },
                { "name": "端午节", "from": "2025-06-02", "to": "2025-05-31" }
              ] }
            """));
        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(recipe)).Errors;
        Assert.All(errors, e => Assert.Equal(YearFile("2025.json"), e.File));
        Assert.Equal(
            [
                ("$.festivals[0].from", "日期 2024-12-31 不在 2025 年内。"),
                ("$.festivals[1].workdays[0]", "2025-01-27 是星期一，本来就是工作日；调休上班日只能是星期六或星期日。"),
                ("$.festivals[2].from", "日期“2025-04-31”无效，请按 YYYY-MM-DD 填写，例如 2026-10-01。"),
                ("$.festivals[3].workdays[0]", "2025-10-04 已列为放假日（国庆节），同一天不能既放假又调休上班。"),
                ("$.festivals[3].workdays[1]", "日期 2026-01-03 不在 2025 年内。"),
                ("$.festivals[4].name", "不能为空。"),
                ("$.festivals[5].to", "结束日期 2025-05-31 早于开始日期 2025-06-02。"),
            ],
            errors.Select(e => (e.Path, e.Message)));
    }

    [Fact]
    public void A_date_listed_twice_is_a_duplicate()
    {
        var recipe = Recipe(("2026.json", """
            { "year": 2026, "source": "国办发明电〔2025〕7号",
              "festivals": [ { "name": "中秋节", "from": "2026-09-25", "to": "2026-09-27" },
                             { "name": "国庆节", "from": "2026-09-27", "to": "2026-10-07" } ] }
            """));
        var error = Assert.Single(Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(recipe)).Errors);
        Assert.Equal("$.festivals[1].from", error.Path);
        Assert.Equal("2026-09-27 已列为放假日（中秋节），不能重复添加。", error.Message);
    }

    [Fact]
    public void Year_and_source_are_required_and_a_year_may_come_only_once()
    {
        var recipe = Recipe(
            ("a.json", """{ "festivals": [] }"""),
            ("b.json", """{ "year": 2026.5, "source": "x", "festivals": [] }"""),
            ("c.json", """{ "year": 2026, "source": "国办发明电〔2025〕7号", "festivals": [] }"""),
            ("d.json", """{ "year": 2026, "source": "重复", "festivals": [] }"""),
            ("e.json", """{ "year": 2027, "source": "x", "festivals": [ { "name": "元旦", "from": 20270101 } ] }"""),
            ("f.json", $$"""{ "year": 2028, "source": "{{new string('文', 101)}}", "festivals": [] }"""));
        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(recipe)).Errors;
        Assert.Equal(
            [
                (YearFile("a.json"), "$.source", "缺少必填项。"),
                (YearFile("a.json"), "$", "缺少年份 year。"),
                (YearFile("b.json"), "$.year", "年份 2026.5 无效，应为 2000 到 2100 之间的整数。"),
                (YearFile("d.json"), "$.year", $"2026 年已在 {YearFile("c.json")} 中给出，每年只能有一个文件。"),
                (YearFile("e.json"), "$.festivals[0].from", "应为字符串，实际是 数字 20270101。"),
                (YearFile("f.json"), "$.source", "文件依据不能超过 100 个字符。"),
            ],
            errors.Select(e => (e.File, e.Path, e.Message)));
    }

    [Fact]
    public void A_missing_or_empty_calendar_folder_is_an_error_of_the_recipe()
    {
        var recipe = Path.Combine(_folder.FullName, "setup.json");
        File.WriteAllText(recipe, """{ "name": "setup", "steps": [ { "name": "Calendar", "source": "nowhere" } ] }""");
        var error = Assert.Single(Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(recipe)).Errors);
        Assert.Equal((recipe, "$.steps[0].source"), (error.File, error.Path));
        Assert.Contains("工作日历目录", error.Message);

        Directory.CreateDirectory(Path.Combine(_folder.FullName, "nowhere"));
        error = Assert.Single(Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(recipe)).Errors);
        Assert.Contains("没有任何年份文件", error.Message);
    }

    [Fact]
    public void An_uploaded_year_file_is_read_under_its_own_name()
    {
        var year = RecipeReader.ReadCalendarYear("2027.json", Encoding.UTF8.GetBytes("""
            { "year": 2027, "source": "国办发明电〔2026〕1号", "festivals": [ { "name": "元旦", "from": "2027-01-01" } ] }
            """));
        Assert.Equal(new CalendarDay(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦"), Assert.Single(year.Days));

        var bad = Assert.Throws<RecipeException>(() => RecipeReader.ReadCalendarYear("上传.json", "{ \"year\": 2027, "u8));
        Assert.Equal(("上传.json", "$"), (bad.Errors[0].File, bad.Errors[0].Path));
        Assert.Contains("不是有效的 JSON", bad.Errors[0].Message);
    }
}
