using System.Globalization;
using Disclosure.Bench.Enforcement;

// 执法公开 at scale, each measure against a baseline taken in the same run (see bench/README.md):
//   query   PartyCaseQuery.FindAsync over random valid and invalid (案件编号, 查询码, 后四位) triples on a SQLite database of
//           --cases cases (default 1,000,000, about ten events each: 10,000,000), against a bare indexed lookup of the
//           same rows (prepared ADO.NET: party by hash → case → events by case). The database is generated once with
//           the data generator's EnforcementCorpus into data/cases-<N>-seed<S>/ (gitignored) and reused.
//   import  100,000 events through CaseRegistry.RecordEventsAsync in batches of 10,000, time
//           and memory after each batch, against a plain prepared ADO.NET insert of the same rows; each contender in
//           its own child process on its own copy of the same database, so its peak memory is its own.
//
//   dotnet run -c Release --project bench/Disclosure.Bench.Enforcement -- query [--cases 1000000] [--probes 2000] [--seed 1] [--data DIR]
//   dotnet run -c Release --project bench/Disclosure.Bench.Enforcement -- import [--events 100000] [--seed 1] [--data DIR]
var options = BenchOptions.Parse(args);
return options.Mode switch
{
    "query" => await QueryRun.RunAsync(options),
    "import" => await ImportRun.RunAsync(options),
    "import-child" => await ImportRun.ChildAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: query [--cases N] [--probes N] [--seed N] [--data DIR] | import [--events N] [--seed N] [--data DIR]");
    return 2;
}

namespace Disclosure.Bench.Enforcement
{
    internal sealed record BenchOptions(string Mode, int Cases, int Probes, int Events, int Seed, string Data, string? Contender, string? Database)
    {
        public static BenchOptions Parse(string[] args)
        {
            string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            int Number(string name, int fallback) => Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
            return new BenchOptions(
                args.Length > 0 ? args[0] : "query",
                Number("--cases", 1_000_000),
                Number("--probes", 2_000),
                Number("--events", 100_000),
                Number("--seed", 1),
                Path.GetFullPath(Value("--data") ?? Path.Combine(Paths.Root, "bench", "Disclosure.Bench.Enforcement", "data")),
                Value("--contender"),
                Value("--database"));
        }
    }
}
