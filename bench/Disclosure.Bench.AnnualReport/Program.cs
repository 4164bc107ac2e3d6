using System.Diagnostics;
using System.Globalization;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Documents;
using Disclosure.AnnualReports.Models;
using Disclosure.AnnualReports.Services;
using Disclosure.Bench.AnnualReport;
using Disclosure.Credit.Data;
using Disclosure.DataGenerator;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/Disclosure.Bench.AnnualReport -- [--postgres "Host=…;Database=…" | --data-folder DIR]
//     [--items 200000] [--applications 20000] [--credit 10000] [--rounds 7] [--year 2025]
// Seeds the database once (items with tools/Disclosure.DataGenerator, applications, appeals and 双公示 records in
// bulk), then measures in a fresh child process, so the peak memory is the report's and not the seeding's.
var items = IntOption("--items", 200_000);
var applications = IntOption("--applications", 20_000);
var credit = IntOption("--credit", 10_000);
var rounds = IntOption("--rounds", 7);
var year = IntOption("--year", 2025);
const string Agency = "640121-103";
var root = FindRoot();
var options = Option("--postgres") is { } connection
    ? new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = connection }
    : new StorageOptions { DataFolder = Path.GetFullPath(Option("--data-folder") ?? Path.Combine(Path.GetTempPath(), $"disclosure-bench-report-{items}")) };
Directory.CreateDirectory(options.DataFolder);
var services = new ServiceCollection().AddLogging().AddDisclosureStorage(options).AddDisclosureModules(InstalledModules.All).BuildServiceProvider();
DisclosureDbContext NewContext()
{
    var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
    StorageServiceCollectionExtensions.Configure(builder, options, InstalledModules.All);
    return new DisclosureDbContext(builder.Options);
}

if (!args.Contains("--measure"))
{
    await SeedAsync();
    // Measure in a child process of the same program: its VmHWM then covers only the report.
    var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. Environment.GetCommandLineArgs().Skip(Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal) ? 0 : 1), "--measure"]) { UseShellExecute = false })!;
    await child.WaitForExitAsync();
    return child.ExitCode;
}

return await MeasureAsync();

async Task SeedAsync()
{
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        await db.MigrateAsync();
        var setup = scope.ServiceProvider.GetRequiredService<SetupService>();
        if (!await setup.IsSetUpAsync())
        {
            await setup.RunAsync([Path.Combine(root, "recipes", "setup.json")]);
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ApplyAsync([DemoOrganisation.Read(Path.Combine(root, "recipes"))]);
        }

        var watch = Stopwatch.StartNew();
        if (await db.ContentItems.CountAsync() < items)
        {
            Console.WriteLine($"Seeding {items:N0} published items (tools/Disclosure.DataGenerator) …");
            await new DatabaseFiller(NewContext, Console.Out).FillAsync(new Corpus(Path.Combine(root, "recipes", "setup.json"), items), CancellationToken.None);
        }

        if (await db.InformationRequests().CountAsync() < applications)
        {
            Console.WriteLine($"Seeding {applications:N0} applications and their appeals …");
            await BulkSeed.ApplicationsAsync(NewContext, Agency, applications, 7);
        }

        if (await db.Set<CreditLicenceRecord>().CountAsync() + await db.Set<CreditPenaltyRecord>().CountAsync() < credit)
        {
            Console.WriteLine($"Seeding {credit:N0} 双公示 records …");
            await BulkSeed.CreditAsync(NewContext, Agency, credit, 7);
        }

        Console.WriteLine($"Database ready ({watch.Elapsed.TotalSeconds:N1} s of seeding this run).");
    }
}

async Task<int> MeasureAsync()
{
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        Console.WriteLine($"Engine {options.Provider}: {await db.ContentVersions.CountAsync():N0} content versions, " +
            $"{await db.InformationRequests().CountAsync():N0} applications, {await db.Set<Disclosure.Requests.Data.RequestAppealRecord>().CountAsync():N0} appeals, " +
            $"{await db.Set<CreditLicenceRecord>().CountAsync() + await db.Set<CreditPenaltyRecord>().CountAsync():N0} 双公示 records; report on {year} for {Agency}, {rounds} rounds after a warm-up.");
    }

    var baseline = new List<double>();
    var report = new List<double>();
    AnnualReportFigures? figures = null;
    var bytes = 0;
    for (var round = 0; round <= rounds; round++)
    {
        // The two alternate which goes first, so neither always finds the cache the other warmed.
        foreach (var contender in round % 2 == 0 ? new[] { 0, 1 } : [1, 0])
        {
            var watch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            if (contender == 0)
            {
                // Baseline: one bare COUNT(*) over each table the report reads.
                var total = 0L;
                foreach (var table in new[] { "ContentItems", "ContentVersions", "OutboxMessages", "InformationRequests", "InformationRequestAppeals", "CreditLicences", "CreditPenalties", "CatalogueClasses" })
                {
#pragma warning disable EF1003 // the table names are the constants above, not input
                    total += await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"").SingleAsync();
#pragma warning restore EF1003
                }

                GC.KeepAlive(total);
            }
            else
            {
                figures = await scope.ServiceProvider.GetRequiredService<ReportStatistics>().ComputeAsync(Agency, year);
                var content = new AnnualReportContent("永宁县公安局", year, OverviewDrafter.Draft("永宁县公安局", figures), "问题。", "其他。", figures, new DateOnly(year + 1, 1, 20));
                bytes = AnnualReportDocx.Write(content).Length + AnnualReportHtml.Render(content).Length;
            }

            if (round > 0)
            {
                (contender == 0 ? baseline : report).Add(watch.Elapsed.TotalMilliseconds);
            }
        }
    }

    var peak = PeakMemoryMiB();

    // Where the report's time goes: each aggregation alone, same rounds.
    var parts = new (string Name, Func<IServiceProvider, Task> Run)[]
    {
        ("table 二 regulatory documents", sp => sp.GetRequiredService<ReportStatistics>().DocumentCountsAsync(Agency, year)),
        ("table 二 licences + penalties", async sp => { await sp.GetRequiredService<ReportStatistics>().LicensingAsync([Agency], year); await sp.GetRequiredService<ReportStatistics>().PenaltiesAsync([Agency], year); }),
        ("table 二 fees", sp => sp.GetRequiredService<ReportStatistics>().FeeAmountAsync(Agency, year)),
        ("tables 三 + 四", async sp => { await sp.GetRequiredService<Disclosure.Requests.Services.RequestStatistics>().ApplicationTableAsync(Agency, year); await sp.GetRequiredService<Disclosure.Requests.Services.RequestStatistics>().AppealTableAsync(Agency, year); }),
        ("section 一 facts", sp => sp.GetRequiredService<ReportStatistics>().OverviewAsync(Agency, year)),
        // For comparison: tables 三 + 四 as RequestStatistics computed them before, loading one row per application.
        ("tables 三 + 四 loading rows (before)", async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            var facts = await db.Set<Disclosure.Requests.Data.InformationRequestRecord>().AsNoTracking()
                .Where(r => r.ReceivedOn <= last && (r.ClosedOn == null || r.ClosedOn >= first))
                .Select(r => new Disclosure.Requests.Statistics.RequestFact(r.Kind, r.ReceivedOn, r.ClosedOn, r.Outcome)).ToListAsync();
            var appeals = await db.Set<Disclosure.Requests.Data.RequestAppealRecord>().AsNoTracking().Where(a => a.FiledOn <= last)
                .Select(a => new Disclosure.Requests.Statistics.AppealFact(a.Kind, a.FiledOn, a.DecidedOn, a.Result)).ToListAsync();
            GC.KeepAlive(Disclosure.Requests.Statistics.ApplicationTable.Compute(year, facts));
            GC.KeepAlive(Disclosure.Requests.Statistics.AppealTable.Compute(year, appeals));
        }),
    };
    var breakdown = new List<(string, double)>();
    foreach (var (name, run) in parts)
    {
        var times = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            await run(scope.ServiceProvider);
            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        breakdown.Add((name, Median(times)));
    }

    Console.WriteLine($"Table 三 总计 {figures!.Applications.ResultsTotal.Counts.Total:N0} closed in {year}, 结转 {figures.Applications.CarriedForward.Counts.Total:N0}; " +
        $"行政规范性文件 制发/废止/现行有效 {string.Join("/", figures.Proactive.Normative.Cells)}; 许可 {figures.Proactive.Licensing:N0}, 处罚 {figures.Proactive.Penalty:N0}; output {bytes:N0} bytes.");
    Console.WriteLine($"{"",-34} {"median",10} {"min",10} {"max",10}");
    Console.WriteLine($"{"bare COUNT(*) over the 8 tables",-34} {Median(baseline),8:N1}ms {baseline.Min(),8:N1}ms {baseline.Max(),8:N1}ms");
    Console.WriteLine($"{"report (statistics+DOCX+HTML)",-34} {Median(report),8:N1}ms {report.Min(),8:N1}ms {report.Max(),8:N1}ms");
    Console.WriteLine($"ratio report / baseline (median): {Median(report) / Median(baseline):N2}×");
    Console.WriteLine($"peak memory of the measuring process (VmHWM): {peak:N0} MiB");
    foreach (var (name, median) in breakdown)
    {
        Console.WriteLine($"  of which {name,-32} {median,8:N1}ms (median)");
    }
    return 0;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static long PeakMemoryMiB() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).FirstOrDefault();

int IntOption(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

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

    throw new InvalidOperationException("Disclosure.sln not found.");
}

internal static class DbExtensions
{
    public static IQueryable<Disclosure.Requests.Data.InformationRequestRecord> InformationRequests(this DisclosureDbContext db) =>
        db.Set<Disclosure.Requests.Data.InformationRequestRecord>();
}
