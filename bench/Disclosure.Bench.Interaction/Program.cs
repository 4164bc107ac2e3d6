using System.Diagnostics;
using System.Globalization;
using Disclosure.DataGenerator;
using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Ratings;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The 局长信箱's published figures at scale, against a baseline in the same run (bench/README.md):
//   /mailbox/statistics's two queries — MailboxStatistics.YearAsync (received by month and kind; replied, on time and
//   working days by month and kind) and SatisfactionStatistics.YearAsync (ratings by month, kind and department) — over
//   a SQLite database of --letters letters (default 1,000,000, 2024-01 … 2026-10, a third of the replies rated),
//   against a bare prepared `SELECT COUNT(*) FROM MailboxLetters WHERE ReceivedMonth BETWEEN …` of the same year.
//   Interleaved, alternating which goes first, --rounds rounds (default 30) after a warm-up; medians and their ratio.
//
//   dotnet run -c Release --project bench/Disclosure.Bench.Interaction -- [--letters 1000000] [--rounds 30] [--year 2025] [--data DIR]
string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int Number(string name, int fallback) => Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
var letters = Number("--letters", 1_000_000);
var rounds = Number("--rounds", 30);
var year = Number("--year", 2025);
var root = FindRoot();
var folder = Path.Combine(Path.GetFullPath(Value("--data") ?? Path.Combine(root, "bench", "Disclosure.Bench.Interaction", "data")), $"letters-{letters}");
var storage = new StorageOptions { DataFolder = folder };

if (!File.Exists(Path.Combine(folder, "disclosure.db")))
{
    Directory.CreateDirectory(folder);
    await using (var setup = Services())
    await using (var scope = setup.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().MigrateAsync();
    }

    await new MailboxFiller(Context, Console.Out).FillAsync(letters, 1, new DateOnly(2024, 1, 1), new DateOnly(2026, 10, 31), CancellationToken.None);
}

await using (var db = Context())
{
    var count = await db.Set<LetterRecord>().CountAsync();
    if (count != letters)
    {
        throw new InvalidOperationException($"{folder} holds {count:N0} letters, not {letters:N0}: delete the folder and run again.");
    }

    Console.WriteLine($"database: {count:N0} letters, {await db.Set<ReplyRatingRecord>().CountAsync():N0} ratings; {new FileInfo(Path.Combine(folder, "disclosure.db")).Length / 1048576.0:N0} MiB");
}

await using var services = Services();
await using var connection = new SqliteConnection(storage.ResolveConnectionString());
await connection.OpenAsync();
await using var bare = connection.CreateCommand();
bare.CommandText = "SELECT COUNT(*) FROM MailboxLetters WHERE ReceivedMonth BETWEEN $first AND $last";
bare.Parameters.AddWithValue("$first", year * 100 + 1);
bare.Parameters.AddWithValue("$last", year * 100 + 12);
await bare.PrepareAsync();

var timings = new Dictionary<string, List<double>> { ["letters"] = [], ["satisfaction"] = [], ["bare COUNT"] = [] };
long received = 0;
for (var round = -3; round < rounds; round++)
{
    var order = round % 2 == 0 ? new[] { "bare COUNT", "letters", "satisfaction" } : ["satisfaction", "letters", "bare COUNT"];
    foreach (var contender in order)
    {
        var watch = Stopwatch.StartNew();
        switch (contender)
        {
            case "bare COUNT":
                received = (long)(await bare.ExecuteScalarAsync())!;
                break;
            case "letters":
                await using (var scope = services.CreateAsyncScope())
                {
                    var figures = await scope.ServiceProvider.GetRequiredService<MailboxStatistics>().YearAsync(year);
                    if (figures.Total.Received != received && received != 0)
                    {
                        throw new InvalidOperationException($"MailboxStatistics counted {figures.Total.Received:N0} letters received in {year}, the bare COUNT {received:N0}.");
                    }
                }

                break;
            default:
                await using (var scope = services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<SatisfactionStatistics>().YearAsync(year);
                }

                break;
        }

        if (round >= 0)
        {
            timings[contender].Add(watch.Elapsed.TotalMilliseconds);
        }
    }
}

var baseline = Median(timings["bare COUNT"]);
Console.WriteLine($"{year}: {received:N0} letters received; {rounds} rounds, medians (ms) and ratio to the bare COUNT:");
foreach (var (contender, values) in timings)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {contender,-14} median {Median(values),8:N2}  p90 {Percentile(values, 0.9),8:N2}  ×{Median(values) / baseline:N2}"));
}

return 0;

ServiceProvider Services() =>
    new ServiceCollection().AddLogging().AddDisclosureStorage(storage).AddDisclosureModules(InstalledModules.All).BuildServiceProvider();

DisclosureDbContext Context()
{
    var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
    StorageServiceCollectionExtensions.Configure(builder, storage, InstalledModules.All);
    return new DisclosureDbContext(builder.Options);
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Disclosure.sln not found: run inside the repository.");
}
