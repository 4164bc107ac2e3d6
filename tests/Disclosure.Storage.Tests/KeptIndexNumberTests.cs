using Disclosure.Core.Recipes;
using Disclosure.Modules;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>
/// Content brought in from an earlier system (the customer's seed documents, a migration) keeps the 索引号 it was
/// published under: a content file with <c>data</c>, <c>publishedAt</c> and <c>indexNumber</c> is published with that
/// number, and the number is never handed out again.
/// </summary>
public sealed class KeptIndexNumberTests
{
    [Fact]
    public async Task An_imported_item_keeps_its_index_number_and_the_series_skips_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await database.ApplySetupAndDemoOfficeAsync();
        using var recipe = new RecipeFolder();

        // Refused, and nothing applied: a number on an item that was never published, and one number twice.
        recipe.Content("a-draft.json", Item("draft-with-number", null, "640121-103/2017-00005"));
        recipe.Content("b-kept.json", Item("kept-one", "2017-03-29T10:00:00+08:00", "640121-103/2017-00001"));
        recipe.Content("c-twice.json", Item("kept-twice", "2017-04-01T10:00:00+08:00", "640121-103/2017-00001"));
        var error = await Assert.ThrowsAsync<RecipeException>(() => recipe.ApplyAsync(database));
        Assert.Collection(error.Errors.OrderBy(e => e.File, StringComparer.Ordinal),
            e => Assert.True(e.File.EndsWith("a-draft.json", StringComparison.Ordinal) && e.Path == "$.indexNumber" && e.Message.Contains("未发布", StringComparison.Ordinal), e.Message),
            e => Assert.True(e.File.EndsWith("c-twice.json", StringComparison.Ordinal) && e.Path == "$.indexNumber" && e.Message.Contains("重复", StringComparison.Ordinal), e.Message));
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.AnyAsync()));

        // Kept as written (surrounding spaces aside); the next item of the same agency and year, published after it
        // and without a number of its own, is allocated the next free number of the series, not the kept one.
        recipe.Delete("a-draft.json");
        recipe.Delete("c-twice.json");
        recipe.Content("b-kept.json", Item("kept-one", "2017-03-29T10:00:00+08:00", " 640121-103/2017-00001 "));
        recipe.Content("d-new.json", Item("allocated", "2017-05-02T10:00:00+08:00", null));
        await recipe.ApplyAsync(database);

        var numbers = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems
            .ToDictionaryAsync(i => i.ContentItemId, i => i.IndexNumber));
        Assert.Equal("640121-103/2017-00001", numbers["kept-one"]);
        Assert.Equal("640121-103/2017-00002", numbers["allocated"]);

        // An item already on the site holds the number: a later import may not take it again.
        recipe.Content("e-taken.json", Item("takes-it-again", "2018-01-02T10:00:00+08:00", "640121-103/2017-00002"));
        var taken = await Assert.ThrowsAsync<RecipeException>(() => recipe.ApplyAsync(database));
        Assert.Contains("allocated", Assert.Single(taken.Errors).Message);
    }

    private static string Item(string id, string? publishedAt, string? indexNumber) => $$"""
        { "id": "{{id}}", "type": "Disclosure"{{(publishedAt is null ? "" : $", \"publishedAt\": \"{publishedAt}\"")}}{{(indexNumber is null ? "" : $", \"indexNumber\": \"{indexNumber}\"")}},
          "data": { "TitlePart": { "Title": "迁入的条目 {{id}}" },
            "DisclosureMetadataPart": { "Catalogue": "03.04", "Agency": "640121-103", "Topic": "综合政务",
              "WrittenDate": "2017-03-01", "Validity": "有效", "Attribute": "主动公开" } } }
        """;

    /// <summary>A recipe with only a Content step, reading a folder the test writes (setup and the office are applied).</summary>
    private sealed class RecipeFolder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("disclosure-kept-index-");

        public RecipeFolder()
        {
            Directory.CreateDirectory(Path.Combine(_folder.FullName, "content"));
            File.WriteAllText(Path.Combine(_folder.FullName, "import.json"), """{ "name": "import", "steps": [ { "name": "Content", "source": "content" } ] }""");
        }

        public void Content(string file, string json) => File.WriteAllText(Path.Combine(_folder.FullName, "content", file), json);

        public void Delete(string file) => File.Delete(Path.Combine(_folder.FullName, "content", file));

        public Task ApplyAsync(TestDatabase database)
        {
            var recipe = InstalledModules.ReadRecipe(Path.Combine(_folder.FullName, "import.json"));
            return database.InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ApplyAsync([recipe]));
        }

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
