using Disclosure.Core.Recipes;
using Disclosure.Modules;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

public sealed class SetupRecipeTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Applying_setup_and_demo_twice_changes_nothing_the_second_time(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json", "demo.json");
        var first = await SnapshotAsync(database);
        await database.ApplyRecipesAsync("setup.json", "demo.json");
        var second = await SnapshotAsync(database);

        Assert.Equal(first, second);
        Assert.True(first.Items > 100, $"demo content should hold over a hundred items, found {first.Items}");
        Assert.Equal(13, first.Types); // nine disclosure types, the AnnualReport, 征求意见 and its 意见采纳情况, 在线访谈
        Assert.Equal(6, first.Roles);
        Assert.Equal(33 + 3, first.Requests); // recipes/requests/demo.json: 永宁县公安局's 33 and 伊金霍洛旗公安局's 3

        // The first-start service sees setup has run and does nothing more.
        var ranAgain = await database.InScopeAsync(sp => sp.GetRequiredService<SetupService>().RunAsync([Path.Combine(RepositoryPaths.Recipes, "setup.json")]));
        Assert.False(ranAgain);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_content_file_with_an_error_aborts_the_whole_run_and_names_the_file_and_path(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var folder = Directory.CreateTempSubdirectory("disclosure-recipe-");
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Recipes, "setup.json"), Path.Combine(folder.FullName, "setup.json"));
            Directory.CreateDirectory(Path.Combine(folder.FullName, "calendar"));
            foreach (var year in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Recipes, "calendar")))
            {
                File.Copy(year, Path.Combine(folder.FullName, "calendar", Path.GetFileName(year)));
            }

            Directory.CreateDirectory(Path.Combine(folder.FullName, "content"));
            File.WriteAllText(Path.Combine(folder.FullName, "demo.json"), """
                { "name": "demo", "steps": [
                  { "name": "Agencies", "agencies": [ { "code": "640121-103", "name": "演示局", "areaCode": "640121", "departmentCode": "103" } ] },
                  { "name": "Content", "source": "content" } ] }
                """);
            var good = File.ReadAllText(Directory.EnumerateFiles(RepositoryPaths.Content, "*.json", SearchOption.AllDirectories).Order().First());
            File.WriteAllText(Path.Combine(folder.FullName, "content", "a-good.json"), good);
            File.WriteAllText(Path.Combine(folder.FullName, "content", "b-bad.json"), """
                { "id": "bad-date", "type": "Disclosure", "publishedAt": "2020-01-02T10:00:00+08:00",
                  "data": { "TitlePart": { "Title": "日期写错的条目" },
                    "DisclosureMetadataPart": { "Catalogue": "03.04", "Agency": "640121-103", "Topic": "综合政务",
                      "WrittenDate": "2020-13-01", "Validity": "有效", "Attribute": "主动公开" } } }
                """);

            var recipes = new[] { "setup.json", "demo.json" }.Select(f => InstalledModules.ReadRecipe(Path.Combine(folder.FullName, f))).ToList();
            var error = await Assert.ThrowsAsync<RecipeException>(() => database.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ApplyAsync(recipes)));

            var only = Assert.Single(error.Errors);
            Assert.EndsWith("b-bad.json", only.File);
            Assert.Equal("$.data.DisclosureMetadataPart.WrittenDate", only.Path);
            Assert.Contains("不是有效日期", only.Message);

            // Nothing of either recipe was applied, not even the setup steps that came first.
            var snapshot = await SnapshotAsync(database);
            Assert.Equal(new Snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), snapshot);
            Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().CalendarDays.AnyAsync()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Migrations_match_the_model()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var pending = await database.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<DisclosureDbContext>().Database.HasPendingModelChanges()));
        Assert.False(pending, "The model has changes without a migration: run tools/Disclosure.MigrationTool.");
    }

    private sealed record Snapshot(int Types, int Agencies, int Departments, int Catalogue, int Topics, int Roles, int Items, int Versions, int Changes, int Requests);

    private static Task<Snapshot> SnapshotAsync(TestDatabase database) => database.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DisclosureDbContext>();
        return new Snapshot(
            await db.ContentTypes.CountAsync(), await db.Agencies.CountAsync(), await db.Departments.CountAsync(),
            await db.CatalogueClasses.CountAsync(), await db.Topics.CountAsync(), await db.Roles.CountAsync(),
            await db.ContentItems.CountAsync(), await db.ContentVersions.CountAsync(), await db.ChangeLog.CountAsync(),
            await db.Set<Disclosure.Requests.Data.InformationRequestRecord>().CountAsync());
    });
}
