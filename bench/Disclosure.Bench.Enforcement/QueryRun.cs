using System.Diagnostics;
using System.Globalization;
using Disclosure.Core.Security;
using Disclosure.DataGenerator;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Bench.Enforcement;

/// <summary>One query as a party (or someone guessing) types it, and whether it should find the case.</summary>
internal sealed record Probe(string Label, string CaseNumber, string Code, string Tail, bool Valid);

/// <summary>
/// The party query on the generated corpus: every probe through <see cref="PartyCaseQuery.FindAsync"/> in its own DI
/// scope (as each web request has), and through the bare lookup, interleaved and alternating which goes first, so
/// both see the same cache and machine state. Both must give the same answer for every probe (found with the same
/// number of events, or nothing) or the run fails.
/// </summary>
internal static class QueryRun
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var corpus = BenchCorpus.Create(options.Seed, options.Cases);
        var folder = Path.Combine(options.Data, $"cases-{options.Cases}-seed{options.Seed}");
        await BenchCorpus.EnsureAsync(folder, corpus, openingOnly: false);
        await using (var db = BenchCorpus.Context(folder))
        {
            Console.WriteLine($"database: {await db.Set<EnforcementCaseRecord>().CountAsync():N0} cases, {await db.Set<CaseEventRecord>().CountAsync():N0} events, "
                + $"{await db.Set<CasePartyRecord>().CountAsync():N0} parties; {new FileInfo(Path.Combine(folder, "disclosure.db")).Length / 1048576.0:N0} MiB");
        }

        var watch = Stopwatch.StartNew();
        var probes = Probes(corpus, options.Probes, new Random(20261204));
        Console.WriteLine($"{probes.Count:N0} probes ({probes.Count(p => p.Valid):N0} valid) computed from the seed in {watch.Elapsed.TotalSeconds:N1} s");

        await using var services = BenchCorpus.Services(folder);
        using var bare = new BareLookup(BenchCorpus.ConnectionString(folder), await KindsAsync(services));

        // Warm-up: JIT, EF's query cache, the connection pool and the pages of a sample of the indexes.
        foreach (var probe in probes.Take(300))
        {
            Check(probe, await ServiceAsync(services, probe), bare.Find(probe));
        }

        var timings = new Dictionary<(string Contender, string Label), List<double>>();
        var clock = new Stopwatch();
        var process = Process.GetCurrentProcess();
        var cpu = new Dictionary<string, TimeSpan> { ["service"] = TimeSpan.Zero, ["bare"] = TimeSpan.Zero };
        for (var i = 0; i < probes.Count; i++)
        {
            var probe = probes[i];
            int? service = null;
            int? baseline = null;
            for (var k = 0; k < 2; k++)
            {
                var runService = (k == 0) == (i % 2 == 0);
                var cpuBefore = process.TotalProcessorTime;
                clock.Restart();
                if (runService)
                {
                    service = await ServiceAsync(services, probe);
                }
                else
                {
                    baseline = bare.Find(probe);
                }

                clock.Stop();
                process.Refresh();
                cpu[runService ? "service" : "bare"] += process.TotalProcessorTime - cpuBefore;
                Add(timings, (runService ? "service" : "bare", probe.Label), clock.Elapsed.TotalMilliseconds);
                if (!probe.Valid)
                {
                    Add(timings, (runService ? "service" : "bare", "all invalid"), clock.Elapsed.TotalMilliseconds);
                }

                Add(timings, (runService ? "service" : "bare", "all"), clock.Elapsed.TotalMilliseconds);
            }

            Check(probe, service, baseline);
        }

        Console.WriteLine();
        Console.WriteLine($"| probes | n | PartyCaseQuery p50 | p95 | bare lookup p50 | p95 | ratio p50 | ratio p95 |");
        Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var label in new[] { "all", "valid", "all invalid", "unknown code", "wrong tail", "wrong case number" })
        {
            if (!timings.TryGetValue(("service", label), out var s))
            {
                continue;
            }

            var b = timings[("bare", label)];
            var (s50, s95) = Percentiles(s);
            var (b50, b95) = Percentiles(b);
            Console.WriteLine($"| {label} | {s.Count:N0} | {Ms(s50)} | {Ms(s95)} | {Ms(b50)} | {Ms(b95)} | {s50 / b50:0.0}× | {s95 / b95:0.0}× |");
        }

        // The process's CPU time around each call, summed: coarse per call (clock ticks) but fair over thousands, and
        // unlike wall time it does not grow with the machine's load.
        Console.WriteLine();
        Console.WriteLine($"CPU per query (mean, process time): PartyCaseQuery {Ms(cpu["service"].TotalMilliseconds / probes.Count)}, bare lookup {Ms(cpu["bare"].TotalMilliseconds / probes.Count)}, "
            + $"ratio {cpu["service"].TotalMilliseconds / Math.Max(cpu["bare"].TotalMilliseconds, 0.001):0.0}×; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }

    /// <summary>
    /// Half valid (a random case's random party, with the tail of the ID number or phone they gave), half invalid in three
    /// ways: a code no one holds, a right code with the wrong tail, a right code with another case's number. The codes
    /// and tails are computed from the seed, as the generator derived them; nothing is read from the database.
    /// </summary>
    private static List<Probe> Probes(EnforcementCorpus corpus, int count, Random random)
    {
        var wanted = Enumerable.Range(0, count).Select(_ => random.Next(corpus.Size)).ToHashSet();
        var heads = corpus.Heads().Where(h => wanted.Contains(h.Index)).ToList();
        var probes = new List<Probe>(count);
        foreach (var head in heads)
        {
            var generated = corpus.Case(head);
            var party = generated.Parties[random.Next(generated.Parties.Count)];
            var code = TrackingCode.Format(party.Code);
            probes.Add((probes.Count % 6) switch
            {
                0 or 2 or 4 => new Probe("valid", head.Number, code, party.QueryTail, true),
                1 => new Probe("unknown code", head.Number, TrackingCode.Format(TrackingCode.New()), party.QueryTail, false),
                3 => new Probe("wrong tail", head.Number, code, WrongTail(party), false),
                _ => new Probe("wrong case number", heads[random.Next(heads.Count)].Number is var other && other != head.Number ? other : head.Number + "1", code, party.QueryTail, false),
            });
        }

        // Random order, so neither valid nor invalid probes run in the corpus's (date) order.
        return probes.OrderBy(_ => random.Next()).ToList();
    }

    /// <summary>Four digits that are the tail of neither the party's ID number nor their phone.</summary>
    private static string WrongTail(GeneratedParty party)
    {
        var taken = new[] { CaseText.Tail(party.IdNumber), CaseText.Tail(party.Phone) };
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 4)).First(t => !taken.Contains(t));
    }

    private static async Task<int?> ServiceAsync(IServiceProvider services, Probe probe)
    {
        await using var scope = services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<PartyCaseQuery>().FindAsync(probe.CaseNumber, probe.Code, probe.Tail);
        return view?.Events.Count;
    }

    private static async Task<CaseKinds> KindsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseKindStore>().GetAsync();
    }

    private static void Check(Probe probe, int? service, int? bare)
    {
        if (service != bare || (service is not null) != probe.Valid)
        {
            throw new InvalidOperationException($"{probe}: PartyCaseQuery gave {service?.ToString(CultureInfo.InvariantCulture) ?? "null"} events, the bare lookup {bare?.ToString(CultureInfo.InvariantCulture) ?? "null"}");
        }
    }

    private static void Add(Dictionary<(string, string), List<double>> timings, (string, string) key, double value)
    {
        if (!timings.TryGetValue(key, out var list))
        {
            timings[key] = list = [];
        }

        list.Add(value);
    }

    // Nearest-rank percentiles.
    private static (double P50, double P95) Percentiles(List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return (At(0.50), At(0.95));
    }

    private static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture) + " ms";

    /// <summary>
    /// The bare indexed lookup of the same rows, on one open connection with prepared statements: the party by its
    /// code's hash (unique index) joined to its case and contact, the tails and number compared, then the case's
    /// visible events by the (CaseId, FormedOn) index, kept if the role sees their type. No DI scope, no EF, no
    /// fixed-time comparison, no stand-ins.
    /// </summary>
    private sealed class BareLookup : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _party;
        private readonly SqliteCommand _events;
        private readonly CaseKinds _kinds;

        public BareLookup(string connectionString, CaseKinds kinds)
        {
            _kinds = kinds;
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _party = _connection.CreateCommand();
            _party.CommandText = """
                SELECT c."Id", c."Number", c."KindCode", p."RoleCode", t."IdNumber", t."Phone"
                FROM "EnforcementCaseParties" p
                JOIN "EnforcementCases" c ON c."Id" = p."CaseId"
                JOIN "EnforcementCasePartyContacts" t ON t."PartyId" = p."Id"
                WHERE p."QueryCodeHash" = $hash
                """;
            _party.Parameters.Add("$hash", SqliteType.Text);
            _party.Prepare();
            _events = _connection.CreateCommand();
            _events.CommandText = """
                SELECT "TypeCode", "DocumentName", "DocumentNumber", "Detail", "FormedOn"
                FROM "EnforcementCaseEvents"
                WHERE "CaseId" = $case AND "VisibleUtc" IS NOT NULL AND "VisibleUtc" <= $now
                ORDER BY "FormedOn", "Id"
                """;
            _events.Parameters.Add("$case", SqliteType.Integer);
            _events.Parameters.Add("$now", SqliteType.Text);
            _events.Prepare();
        }

        public int? Find(Probe probe)
        {
            if (TrackingCode.Normalize(probe.Code) is not { } code)
            {
                return null;
            }

            _party.Parameters[0].Value = CaseRegistry.HashCode(code);
            long caseId;
            string kindCode, roleCode;
            using (var reader = _party.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                var tail = CaseText.Tail(probe.Tail);
                if (reader.GetString(1) != CaseText.NormalizeNumber(probe.CaseNumber)
                    || (CaseText.Tail(reader.IsDBNull(4) ? null : reader.GetString(4)) != tail && CaseText.Tail(reader.IsDBNull(5) ? null : reader.GetString(5)) != tail))
                {
                    return null;
                }

                (caseId, kindCode, roleCode) = (reader.GetInt64(0), reader.GetString(2), reader.GetString(3));
            }

            var sees = _kinds.Find(kindCode)?.FindRole(roleCode)?.Sees;
            if (sees is null)
            {
                return null;
            }

            _events.Parameters[0].Value = caseId;
            _events.Parameters[1].Value = DateTime.UtcNow;
            var events = new List<(string Type, string Document, string? Number, string? Detail, string FormedOn)>();
            using (var reader = _events.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (sees.Contains(reader.GetString(0)))
                    {
                        events.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
                    }
                }
            }

            return events.Count;
        }

        public void Dispose()
        {
            _party.Dispose();
            _events.Dispose();
            _connection.Dispose();
        }
    }
}
