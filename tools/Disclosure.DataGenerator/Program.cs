using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.DataGenerator;
using Disclosure.Modules;
using Disclosure.Requests.Data;
using Disclosure.Requests.Services;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project tools/Disclosure.DataGenerator -- --items 1000000 [--seed 1]
//     [--credit-records N] [--applications N] [--cases N] [--letters N] [--survey-answers N]
//     [--agencies N] [--data-folder DIR] [--postgres "Host=…;Database=…"]
// Sets the database up from recipes/setup.json if it is new, then adds the generated disclosures, 双公示 records
// (default: one per ten items, licences and penalties half each), 依申请公开 applications (default: one per fifty
// items), 执法公开 cases with their parties and events (default: one per twenty items, about ten events each) and 局长信箱
// letters with their writers and ratings (default: one per fifty items), all dated up to 2026-10-31 so a run is the
// same whatever day it is; and 社会评议 answers to one generated questionnaire (default: one per hundred items).
// --agencies N adds a generated tree of N agencies (GeneratedAgencies: 1 = a single agency) through the recipe executor
// and spreads the items over it instead of over the demo office's agencies (bench/Disclosure.Bench.Agencies).
var items = Number("--items") ?? 100_000;
var seed = Number("--seed") ?? 1;
var creditRecords = Number("--credit-records") ?? items / 10;
var applications = Number("--applications") ?? items / 50;
var cases = Number("--cases") ?? items / 20;
var letters = Number("--letters") ?? items / 50;
var surveyAnswers = Number("--survey-answers") ?? items / 100;
var agencyCount = Number("--agencies");
var firstDate = new DateOnly(2024, 1, 1);
var lastDate = new DateOnly(2026, 10, 31);
var root = FindRoot();
// The data folder holds the 台账 keys and media whichever database is used (and the SQLite file when no --postgres).
var dataFolder = Path.GetFullPath(Option("--data-folder") ?? Path.Combine(root, "src", "Disclosure.Web", "App_Data"));
var options = Option("--postgres") is { } connection
    ? new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = connection, DataFolder = dataFolder }
    : new StorageOptions { DataFolder = dataFolder };
Directory.CreateDirectory(options.DataFolder);

var services = new ServiceCollection().AddLogging().AddDisclosureStorage(options).AddDisclosureModules(InstalledModules.All).BuildServiceProvider();
await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
    await db.MigrateAsync();
    var setup = scope.ServiceProvider.GetRequiredService<SetupService>();
    if (!await setup.IsSetUpAsync())
    {
        Console.WriteLine("新数据库：应用 recipes/setup.json 和演示机构（recipes/demo.json 的设置和机构）。");
        await setup.RunAsync([Path.Combine(root, "recipes", "setup.json")]);
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ApplyAsync([DemoOrganisation.Read(Path.Combine(root, "recipes"))]);
    }

    if (agencyCount is { } count)
    {
        Console.WriteLine($"机构树：{count:N0} 个生成的机构（{GeneratedAgencies.RecipeName}）。");
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ApplyAsync([GeneratedAgencies.Recipe(Path.Combine(root, "recipes"), count)]);
    }
}

Console.WriteLine($"生成 {items:N0} 条公开信息（种子 {seed}）到 {(options.Provider == DatabaseProvider.PostgreSQL ? "PostgreSQL" : options.DataFolder)}");
var generatedTree = agencyCount is { } n ? GeneratedAgencies.Tree(n) : null;
var corpus = new Corpus(Path.Combine(root, "recipes", "setup.json"), items, seed, generatedTree, generatedTree is null ? null : GeneratedAgencies.Weights(generatedTree));
var filler = new DatabaseFiller(CreateContext, Console.Out);
try
{
    if (items > 0)
    {
        await filler.FillAsync(corpus, CancellationToken.None);
    }

    if (cases > 0)
    {
        Console.WriteLine($"生成 {cases:N0} 件执法公开案件（种子 {seed}）");
        await new EnforcementFiller(CreateContext, Console.Out).FillAsync(new EnforcementCorpus(seed, cases, firstDate, lastDate), CancellationToken.None);
    }

    if (letters > 0)
    {
        Console.WriteLine($"生成 {letters:N0} 封局长信箱来信（种子 {seed}）");
        await new MailboxFiller(CreateContext, Console.Out).FillAsync(letters, seed, firstDate, lastDate, CancellationToken.None);
    }

    if (surveyAnswers > 0)
    {
        Console.WriteLine($"生成 {surveyAnswers:N0} 份社会评议答卷（种子 {seed}）");
        await SurveyFiller.FillAsync(services, seed, surveyAnswers, Console.Out, CancellationToken.None);
    }

    await using var scope = services.CreateAsyncScope();
    var watch = System.Diagnostics.Stopwatch.StartNew();
    if (creditRecords > 0)
    {
        var credit = new CreditCorpus(seed, firstDate, lastDate, numberPrefix: $"G{seed}-");
        var importer = scope.ServiceProvider.GetRequiredService<CreditImporter>();
        var importOptions = new CreditImportOptions { SkipExisting = true, PublishAfterWorkingDays = 5 };
        foreach (var (kind, rows) in new[] { (CreditRecordKind.Licence, creditRecords / 2), (CreditRecordKind.Penalty, creditRecords - (creditRecords / 2)) })
        {
            IEnumerable<string?[]> Rows() => kind == CreditRecordKind.Licence ? credit.Licences(rows) : credit.Penalties(rows);
            var result = await importer.ImportAsync(kind, () => new GeneratedTable(CreditCorpus.Headers(kind), Rows()), "generator", "generator", importOptions);
            if (!result.Report.IsClean)
            {
                throw new InvalidOperationException("生成的双公示数据未通过校验：" + string.Join("；", result.Report.Problems.Take(5)));
            }

            Console.WriteLine($"双公示（{(kind == CreditRecordKind.Licence ? "行政许可" : "行政处罚")}）：导入 {result.Imported:N0} 条，公示 {result.Published:N0} 条。");
        }
    }

    if (applications > 0)
    {
        var added = await scope.ServiceProvider.GetRequiredService<RequestImporter>()
            .ImportAsync(new RequestCorpus(seed, firstDate, lastDate).Requests(applications));
        Console.WriteLine($"依申请公开：新增 {added:N0} 件申请。");
    }

    Console.WriteLine($"双公示与申请用时 {watch.Elapsed.TotalSeconds:N1} 秒。");
}
catch (Exception exception) when (exception is InvalidOperationException or RequestException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

return 0;

DisclosureDbContext CreateContext()
{
    var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
    StorageServiceCollectionExtensions.Configure(builder, options, InstalledModules.All);
    return new DisclosureDbContext(builder.Options);
}

int? Number(string name) => Option(name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;

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
