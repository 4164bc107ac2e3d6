using Disclosure.DataGenerator;
using Disclosure.Storage;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project tools/Disclosure.DataGenerator -- --items 1000000 [--seed 1]
//     [--data-folder DIR | --postgres "Host=…;Database=…"]
// Sets the database up from recipes/setup.json if it is new, then adds the generated disclosures.
var items = int.Parse(Option("--items") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);
var seed = int.Parse(Option("--seed") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
var root = FindRoot();
var options = Option("--postgres") is { } connection
    ? new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = connection }
    : new StorageOptions { DataFolder = Path.GetFullPath(Option("--data-folder") ?? Path.Combine(root, "src", "Disclosure.Web", "App_Data")) };
Directory.CreateDirectory(options.DataFolder);

var services = new ServiceCollection().AddLogging().AddDisclosureStorage(options).BuildServiceProvider();
await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
    await db.MigrateAsync();
    var setup = scope.ServiceProvider.GetRequiredService<SetupService>();
    if (!await setup.IsSetUpAsync())
    {
        Console.WriteLine("新数据库：应用 recipes/setup.json。");
        await setup.RunAsync([Path.Combine(root, "recipes", "setup.json")]);
    }
}

Console.WriteLine($"生成 {items:N0} 条公开信息（种子 {seed}）到 {(options.Provider == DatabaseProvider.PostgreSQL ? "PostgreSQL" : options.DataFolder)}");
var corpus = new Corpus(Path.Combine(root, "recipes", "setup.json"), items, seed);
var filler = new DatabaseFiller(() =>
{
    var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
    StorageServiceCollectionExtensions.Configure(builder, options);
    return new DisclosureDbContext(builder.Options);
}, Console.Out);
try
{
    await filler.FillAsync(corpus, CancellationToken.None);
}
catch (InvalidOperationException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

return 0;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("未找到 Disclosure.sln：请在仓库中运行。");
}
