using Disclosure.Search.Following;
using Disclosure.Search.IndexStore;

namespace Disclosure.Web.Admin;

/// <summary>
/// <c>dotnet run --project src/Disclosure.Web -- rebuild-search-index</c>: builds a new index generation from the
/// whole change log and switches to it. A site running on the same data folder keeps answering from its current
/// generation meanwhile and moves to the new one on its next poll. Exit code 1 on failure.
/// </summary>
public static class SearchIndexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var indexer = services.GetRequiredService<SearchIndexer>();
        var index = services.GetRequiredService<SearchIndex>();
        Console.WriteLine($"正在重建检索索引（{index.RootFolder}）……");
        try
        {
            var progress = new Progress<SearchRebuildProgress>(p => Console.WriteLine($"  已读取变更至 {p.Checkpoint}，已索引 {p.Documents} 条"));
            var result = await indexer.RebuildAsync(progress);
            Console.WriteLine($"检索索引重建完成：第 {result.Generation} 代，共 {result.Documents} 条已发布内容，变更检查点 {result.Checkpoint}，用时 {result.Elapsed.TotalSeconds:0.0} 秒。");
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"检索索引重建失败：{ex.Message}");
            return 1;
        }
        finally
        {
            // Close the writer now, so a running site can open the new generation at once.
            index.Dispose();
        }
    }
}
