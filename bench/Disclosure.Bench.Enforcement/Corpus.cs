using System.Diagnostics;
using Disclosure.DataGenerator;
using Disclosure.Enforcement.Data;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Bench.Enforcement;

internal static class Paths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Disclosure.sln not found: run the bench inside the repository.");
    }
}

/// <summary>The generated corpora the bench runs on: the generator's cases, dated as the generator dates them.</summary>
internal static class BenchCorpus
{
    public static readonly DateOnly FirstDate = new(2024, 1, 1);
    public static readonly DateOnly LastDate = new(2026, 10, 31);

    public static EnforcementCorpus Create(int seed, int cases) => new(seed, cases, FirstDate, LastDate);

    public static ServiceProvider Services(string folder) =>
        new ServiceCollection().AddLogging().AddDisclosureStorage(new StorageOptions { DataFolder = folder }).AddDisclosureModules(InstalledModules.All).BuildServiceProvider();

    public static DisclosureDbContext Context(string folder)
    {
        var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { DataFolder = folder }, InstalledModules.All);
        return new DisclosureDbContext(builder.Options);
    }

    public static string ConnectionString(string folder) => new StorageOptions { DataFolder = folder }.ResolveConnectionString();

    /// <summary>
    /// The database of <paramref name="corpus"/> in <paramref name="folder"/>: reused when it holds the corpus's cases,
    /// generated (setup recipe, then the corpus through the generator's bulk filler) when the folder is new.
    /// </summary>
    public static async Task EnsureAsync(string folder, EnforcementCorpus corpus, bool openingOnly)
    {
        if (File.Exists(Path.Combine(folder, "disclosure.db")))
        {
            await using var existing = Context(folder);
            var count = await existing.Set<EnforcementCaseRecord>().CountAsync();
            if (count != corpus.Size)
            {
                throw new InvalidOperationException($"{folder} holds {count:N0} cases, not {corpus.Size:N0} (an interrupted generation?): delete the folder and run again.");
            }

            Console.WriteLine($"reusing {folder} ({count:N0} cases, {new FileInfo(Path.Combine(folder, "disclosure.db")).Length / 1048576.0:N0} MiB)");
            return;
        }

        Directory.CreateDirectory(folder);
        var watch = Stopwatch.StartNew();
        await using (var services = Services(folder))
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<SetupService>().RunAsync([Path.Combine(Paths.Root, "recipes", "setup.json")]);
        }

        await new EnforcementFiller(() => Context(folder), Console.Out).FillAsync(corpus, CancellationToken.None, openingOnly);
        Console.WriteLine($"generated {corpus.Size:N0} cases into {folder} in {watch.Elapsed.TotalSeconds:N0} s ({new FileInfo(Path.Combine(folder, "disclosure.db")).Length / 1048576.0:N0} MiB)");
    }
}
