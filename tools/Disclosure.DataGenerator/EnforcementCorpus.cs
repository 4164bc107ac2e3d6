using System.Security.Cryptography;
using System.Text;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Models;

namespace Disclosure.DataGenerator;

/// <summary>A generated case's identity: enough to number it, cheap enough to enumerate a million of.</summary>
public sealed record GeneratedCaseHead(int Index, string Number, string Kind, int Unit, DateOnly AcceptedOn, int Serial);

/// <summary>A generated party with their personal data and the 查询码 the generator derived for them.</summary>
public sealed record GeneratedParty(int Ordinal, string Role, string Name, string? IdNumber, string? Phone, bool Notify, string Code)
{
    /// <summary>The second factor a party types: the last four of the ID number, or of the phone when there is none.</summary>
    public string QueryTail => CaseText.Tail(IdNumber ?? Phone);
}

public sealed record GeneratedEvent(string Type, DateOnly FormedOn, string DocumentName, string? DocumentNumber, string? Detail, DateTime? VisibleUtc, DateTime RecordedUtc);

public sealed record GeneratedCase(GeneratedCaseHead Head, string UnitName, string UnitContact, IReadOnlyList<GeneratedParty> Parties, IReadOnlyList<GeneratedEvent> Events)
{
    /// <summary>The latest event's type by 形成日期 (then by order), as CaseRegistry keeps it.</summary>
    public string Stage => Events.Select((e, i) => (e, i)).MaxBy(x => (x.e.FormedOn, x.i)).e.Type;
}

/// <summary>
/// 执法公开 cases as a county police bureau (永宁县公安局) has them, deterministic from a seed: mostly 行政案件, then 刑事案件,
/// a few 行政复议, 国家赔偿 and 信访投诉; 案件编号 in the case-handling system's form (A + the unit's 12-digit code + year,
/// month + serial; FY-/PC-/XF- numbers for the others, as recipes/demo.json has them); 1–3 parties in the kind's roles
/// with fictional names, ID numbers (valid check character) and phones; 5–15 events in the order cases take
/// (受案 → 立案 → 刑事拘留 → 破案 → 鉴定 → 逮捕 → 移送审查起诉 …), each formed on or after 受案 and no later than the last
/// date, most visible within a few days, some late, a few held back. Cases are accepted in order of their index, spread
/// evenly over the period, so rows are written roughly in date order. Every party's 查询码 is derived from the seed,
/// the case number and the party's place (<see cref="Code"/>), so a benchmark can compute valid queries.
/// </summary>
public sealed class EnforcementCorpus(int seed, int size, DateOnly firstDate, DateOnly lastDate)
{
    /// <summary>TrackingCode's alphabet (Crockford's base 32: no I, L, O, U), so a derived code is one the query accepts.</summary>
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// Serials start here so generated numbers never meet the demo cases' (recipes/demo.json numbers its cases below 200)
    /// when the generator writes into a database the demo started.
    /// </summary>
    private const int FirstSerial = 200;

    private static readonly Unit[] Units =
    [
        new("永宁县公安局刑事侦查大队", "640121510000", "刑", "0951-8011110（工作日 8:30—17:30），永宁县团结东路 66 号"),
        new("永宁县公安局经济犯罪侦查大队", "640121520000", "经", "0951-8011152，永宁县团结东路 66 号"),
        new("永宁县公安局禁毒大队", "640121530000", "禁", "0951-8011153，永宁县团结东路 66 号"),
        new("永宁县公安局治安管理大队", "640121320000", "治", "0951-8011236，永宁县团结东路 66 号"),
        new("永宁县公安局杨和派出所", "640121610000", "杨", "0951-8035110，永宁县杨和镇育才路 12 号"),
        new("永宁县公安局望远派出所", "640121620000", "望", "0951-8026110，永宁县望远镇政通路 8 号"),
        new("永宁县公安局望洪派出所", "640121630000", "洪", "0951-8041110，永宁县望洪镇中心街 21 号"),
        new("永宁县公安局李俊派出所", "640121640000", "李", "0951-8051110，永宁县李俊镇银李路 5 号"),
        new("永宁县公安局胜利派出所", "640121650000", "胜", "0951-8061110，永宁县胜利乡政府街 3 号"),
        new("永宁县公安局增岗派出所", "640121660000", "增", "0951-8071110，永宁县增岗镇增岗街 17 号"),
        new("永宁县公安局闽宁派出所", "640121670000", "闽", "0951-8081110，永宁县闽宁镇福宁路 9 号"),
        new("永宁县公安局团结路派出所", "640121680000", "团", "0951-8091110，永宁县团结西路 102 号"),
        new("永宁县公安局法制大队", "640121290000", "法", "0951-8011290，永宁县团结东路 66 号"),
        new("永宁县公安局纪检督察室", "640121300000", "督", "0951-8011301（督察投诉），永宁县团结东路 66 号"),
    ];

    private static readonly int[] Stations = [4, 5, 6, 7, 8, 9, 10, 11];

    private static readonly string[] Penalties =
        ["警告", "罚款二百元", "罚款五百元", "行政拘留五日", "行政拘留十日", "行政拘留十日，并处罚款五百元", "行政拘留五日，并处罚款二百元"];

    private static readonly string[] Appraisals = ["人身伤害程度鉴定", "涉案财物价格认定", "毒品成分检验", "电子数据检验", "痕迹物证鉴定", "精神病司法鉴定"];

    private static readonly (string Name, string Document)[] LaterMeasures =
        [("逮捕", "逮捕通知书"), ("取保候审", "取保候审决定书"), ("监视居住", "监视居住决定书")];

    public int Size => size;

    public int Seed => seed;

    /// <summary>Every case's head in order: kind, unit, 受案 date and number, without its parties and events.</summary>
    public IEnumerable<GeneratedCaseHead> Heads()
    {
        var serials = new Dictionary<(string, int), int>();
        var span = lastDate.DayNumber - firstDate.DayNumber + 1;
        for (var i = 0; i < size; i++)
        {
            var random = Random(i, 0);
            var accepted = firstDate.AddDays((int)((long)i * span / size));
            var roll = random.NextDouble();
            var (kind, unit) = roll switch
            {
                < 0.70 => ("administrative", Pick(random, (0.22, 3), (0.05, 2)) ?? Stations[random.Next(Stations.Length)]),
                < 0.95 => ("criminal", Pick(random, (0.35, 0), (0.10, 1), (0.10, 2)) ?? Stations[random.Next(Stations.Length)]),
                < 0.97 => ("reconsideration", 12),
                < 0.975 => ("compensation", 12),
                _ => ("petition", 13),
            };
            var prefix = kind switch { "reconsideration" => "FY", "compensation" => "PC", "petition" => "XF", _ => "A" };
            var key = prefix == "A" ? (Units[unit].Code, accepted.Year * 100 + accepted.Month) : (prefix, accepted.Year);
            var serial = serials[key] = serials.GetValueOrDefault(key, FirstSerial - 1) + 1;
            var number = prefix == "A" ? $"A{Units[unit].Code}{accepted:yyyyMM}{serial:0000}" : $"{prefix}-{accepted.Year}-{serial:0000}";
            yield return new GeneratedCaseHead(i, number, kind, unit, accepted, serial);
        }
    }

    public IEnumerable<GeneratedCase> Cases() => Heads().Select(Case);

    /// <summary>The whole case of a head: parties and timeline, from the head's own random stream.</summary>
    public GeneratedCase Case(GeneratedCaseHead head)
    {
        var random = Random(head.Index, 1);
        var unit = Units[head.Unit];
        var parties = Parties(random, head);
        var events = Events(random, head, unit, parties.Count(p => p.Role is "suspect" or "counterpart"));
        return new GeneratedCase(head, unit.Name, unit.Contact, parties, events);
    }

    /// <summary>
    /// The 查询码 of a party: the first 60 bits of SHA-256 over the seed, the case number and the party's place, in the
    /// code alphabet. Deterministic so that a benchmark can compute valid (案件编号, 查询码, 后四位) triples; never use
    /// generated codes for a real office.
    /// </summary>
    public static string Code(int seed, string caseNumber, int ordinal)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"disclosure-generator:{seed}:{caseNumber}:{ordinal}"));
        var bits = BitConverter.ToUInt64(hash, 0);
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new string(chars);
    }

    private List<GeneratedParty> Parties(Random random, GeneratedCaseHead head)
    {
        var roles = new List<string>();
        switch (head.Kind)
        {
            case "criminal":
                roles.Add(random.NextDouble() < 0.8 ? "victim" : "complainant");
                if (random.NextDouble() < 0.6)
                {
                    roles.Add("suspect");
                }

                if (roles.Count < 3 && random.NextDouble() < 0.2)
                {
                    roles.Add(random.NextDouble() < 0.8 ? "agent" : "third-party");
                }

                break;
            case "administrative":
                roles.Add(random.NextDouble() < 0.35 ? "counterpart" : "suspect");
                if (random.NextDouble() < 0.55)
                {
                    roles.Add(random.NextDouble() < 0.85 ? "victim" : "complainant");
                }

                if (roles.Count < 3 && random.NextDouble() < 0.15)
                {
                    roles.Add(random.NextDouble() < 0.7 ? "suspect" : "third-party");
                }

                break;
            case "reconsideration":
                roles.Add("applicant");
                if (random.NextDouble() < 0.1)
                {
                    roles.Add("third-party");
                }

                break;
            case "compensation":
                roles.Add("applicant");
                break;
            default:
                roles.Add("petitioner");
                break;
        }

        return roles.Select((role, ordinal) =>
        {
            // Companies complain and apply; people are suspects, victims and petitioners.
            if (role is "complainant" or "applicant" or "counterpart" && random.NextDouble() < 0.12)
            {
                var town = Identities.Town(random);
                return new GeneratedParty(ordinal, role, $"宁夏永宁{town}{Identities.Surnames[random.Next(Identities.Surnames.Length)]}氏商贸有限公司",
                    Identities.CreditCode(random, "91"), $"0951-80{random.Next(0, 100_000):00000}", random.NextDouble() < 0.3, Code(seed, head.Number, ordinal));
            }

            var name = Identities.PersonName(random);
            var hasId = random.NextDouble() < 0.75;
            var phone = !hasId || random.NextDouble() < 0.9 ? Mobile(random) : null;
            return new GeneratedParty(ordinal, role, name, hasId ? Identities.ResidentId(random) : null, phone, random.NextDouble() < 0.3, Code(seed, head.Number, ordinal));
        }).ToList();
    }

    private List<GeneratedEvent> Events(Random random, GeneratedCaseHead head, Unit unit, int suspects)
    {
        // 5–15 steps, the shortest drawn again once: the closed-at-the-threshold cases (不予立案, 不予调查处理) and the
        // four-document kinds are short anyway, and the whole comes to about ten events a case.
        var wanted = random.Next(5, 16);
        wanted = wanted < 7 ? random.Next(5, 16) : wanted;
        var plan = new List<Step> { new("accepted", 0, null, null) };
        switch (head.Kind)
        {
            case "criminal":
                Criminal(random, plan, wanted, Math.Max(1, suspects));
                break;
            case "administrative":
                Administrative(random, plan, wanted, Math.Max(1, suspects));
                break;
            default:
                Results(random, plan, head.Kind);
                break;
        }

        // Dates: the steps' gaps added up from 受案; a case whose steps would run past the last date is squeezed into it
        // (a case accepted late in the period moves faster rather than into the future).
        var total = plan.Sum(s => s.Gap);
        var room = lastDate.DayNumber - head.AcceptedOn.DayNumber;
        var scale = total > room ? (double)room / total : 1;
        var events = new List<GeneratedEvent>(plan.Count);
        var elapsed = 0;
        var latestVisible = lastDate.AddDays(14);
        foreach (var step in plan)
        {
            elapsed += step.Gap;
            var formed = head.AcceptedOn.AddDays((int)(elapsed * scale));
            var type = step.Type;
            DateOnly? visible = random.NextDouble() switch
            {
                < 0.012 => null,
                < 0.07 => formed.AddDays(random.Next(8, 41)),
                _ => formed.AddDays(random.Next(0, 4)),
            };
            if (visible > latestVisible || (formed > lastDate.AddDays(-10) && random.NextDouble() < 0.3))
            {
                // Recent steps are still waiting for release, and a late one not yet released by now is held back still.
                visible = null;
            }

            var visibleUtc = visible is { } v ? At(v, random) : (DateTime?)null;
            events.Add(new GeneratedEvent(type, formed, step.Document ?? DefaultDocument(type, head.Kind), DocumentNumber(type, step, head, unit), step.Detail,
                visibleUtc, visibleUtc ?? At(formed, random)));
        }

        return events;
    }

    private static void Criminal(Random random, List<Step> plan, int wanted, int suspects)
    {
        if (random.NextDouble() < 0.08)
        {
            // 不予立案: the check before filing finds no crime (an appraisal sometimes decides it).
            if (random.NextDouble() < 0.5)
            {
                plan.Add(new("appraisal", random.Next(3, 20), null, Appraisals[random.Next(2)]));
            }

            plan.Add(new("not-filed", random.Next(3, 30), null, null));
            return;
        }

        plan.Add(new("filed", random.Next(0, 7), null, null));
        var outcome = random.NextDouble();
        var solved = outcome < 0.7;
        var tail = outcome switch { < 0.55 => "prosecution", >= 0.7 and < 0.8 => "withdrawn", _ => null };
        var middle = Math.Max(1, wanted - plan.Count - (solved ? 1 : 0) - (tail is null ? 0 : 1));
        var detained = 0;
        for (var i = 0; i < middle; i++)
        {
            if (solved && i == Math.Min(1, middle - 1))
            {
                plan.Add(new("solved", random.Next(1, 30), null, null));
            }

            if (random.NextDouble() < 0.55)
            {
                // Each suspect is detained first; later measures change it (逮捕, 取保候审, 监视居住).
                var (name, document) = detained < suspects ? ("刑事拘留", "拘留通知书") : LaterMeasures[random.Next(LaterMeasures.Length)];
                detained++;
                plan.Add(new("coercive-measure", random.Next(0, 15), document, name));
            }
            else
            {
                plan.Add(new("appraisal", random.Next(3, 25), null, Appraisals[random.Next(Appraisals.Length)]));
            }
        }

        if (tail is not null)
        {
            plan.Add(new(tail, random.Next(10, 90), null, null));
        }
    }

    private static void Administrative(Random random, List<Step> plan, int wanted, int suspects)
    {
        if (random.NextDouble() < 0.05)
        {
            plan.Add(new("no-investigation", random.Next(1, 6), null, null));
            return;
        }

        var outcome = random.NextDouble();
        var decision = outcome switch
        {
            < 0.78 => ("penalty-decision", Penalties[random.Next(Penalties.Length)]),
            < 0.88 => ("no-penalty-decision", "违法事实不能成立"),
            < 0.94 => ("investigation-closed", "没有违法事实"),
            _ => ((string, string)?)null,
        };
        var mediated = decision is not null && random.NextDouble() < 0.25;
        var slots = Math.Max(1, wanted - plan.Count - 1);
        if (mediated)
        {
            // 治安调解: one or more sessions, then the agreement (or, when it fails, the notice and the decision below).
            var agreed = random.NextDouble() < 0.7;
            var sessions = agreed ? slots : Math.Max(1, slots - suspects - 1);
            for (var i = 0; i < sessions; i++)
            {
                plan.Add(new("mediation", random.Next(1, 8), null, null));
            }

            if (agreed)
            {
                plan.Add(new("mediation-agreement", random.Next(1, 10), null, null));
                return;
            }

            slots = Math.Max(1, slots - sessions);
        }

        // 处罚前告知 for each suspect (again after 陈述申辩 when the facts change), a hearing when asked for.
        for (var i = 0; i < slots; i++)
        {
            var hearing = i > 0 && i == slots - 1 && random.NextDouble() < 0.3;
            plan.Add(hearing ? new("hearing", random.Next(3, 10), null, null) : new("pre-penalty-notice", random.Next(i == 0 ? 3 : 0, i == 0 ? 25 : 5), null, null));
        }

        if (decision is { } made)
        {
            plan.Add(new(made.Item1, random.Next(1, 8), null, made.Item2));
        }
    }

    private static void Results(Random random, List<Step> plan, string kind)
    {
        (string Document, string? Detail, int MaxGap)[] steps = kind switch
        {
            "reconsideration" =>
            [
                ("提出答复通知书", "已通知被申请人提出书面答复", 7), ("听取意见通知书", null, 15), ("延期审理通知书", "案情复杂，延期三十日", 20),
                ("行政复议决定书", random.NextDouble() < 0.7 ? "维持原行政处罚决定" : "撤销原行政处罚决定", 30),
            ],
            "compensation" =>
            [
                ("补正材料通知书", "请补充提交损失证明", 5), ("听取意见通知书", null, 15), ("延长办理期限通知书", "延长三十日", 30),
                ("赔偿决定书", random.NextDouble() < 0.6 ? "不予赔偿" : $"予以赔偿，金额 {random.Next(5, 200) * 100} 元", 30),
            ],
            _ =>
            [
                ("转办告知书", "已转有关大队核查", 3), ("延期办理告知书", "延长三十日", 30), ("信访事项处理意见书", "经核查，反映的问题部分属实，已责令整改", 30),
                ("复查意见书", "维持原处理意见", 30),
            ],
        };
        foreach (var (document, detail, gap) in steps)
        {
            plan.Add(new("result", random.Next(1, gap + 1), document, detail));
        }
    }

    private static string DefaultDocument(string type, string kind) => (type, kind) switch
    {
        ("accepted", "criminal" or "administrative") => "受案回执",
        ("accepted", "reconsideration") => "行政复议受理通知书",
        ("accepted", "compensation") => "赔偿申请受理通知书",
        ("accepted", _) => "信访事项受理告知书",
        ("filed", _) => "立案告知书",
        ("not-filed", _) => "不予立案通知书",
        ("solved", _) => "破案告知书",
        ("appraisal", _) => "鉴定意见通知书",
        ("withdrawn", _) => "撤销案件决定书",
        ("prosecution", _) => "起诉意见书",
        ("no-investigation", _) => "不予调查处理告知书",
        ("pre-penalty-notice", _) => "行政处罚告知笔录",
        ("hearing", _) => "听证通知书",
        ("mediation", _) => "调解通知",
        ("mediation-agreement", _) => "治安调解协议书",
        ("penalty-decision", _) => "行政处罚决定书",
        ("no-penalty-decision", _) => "不予行政处罚决定书",
        ("investigation-closed", _) => "终止案件调查决定书",
        _ => "办理结果告知书",
    };

    private static string? DocumentNumber(string type, Step step, GeneratedCaseHead head, Unit unit)
    {
        var word = type switch
        {
            "filed" => "立",
            "not-filed" => "不立",
            "coercive-measure" => step.Detail switch { "刑事拘留" => "拘通", "逮捕" => "捕通", "取保候审" => "取保", _ => "监居" },
            "prosecution" => "诉",
            "withdrawn" => "撤",
            "penalty-decision" => "行罚决",
            "no-penalty-decision" => "不罚决",
            "mediation-agreement" => "调",
            "no-investigation" => "不调",
            "investigation-closed" => "终调",
            _ => null,
        };
        return word is null ? null : $"永公（{unit.Abbreviation}）{word}字〔{head.AcceptedOn.Year}〕{head.Serial}号";
    }

    /// <summary>A moment in office hours (Beijing 8:30–18:00) of a date, as UTC.</summary>
    private static DateTime At(DateOnly date, Random random) =>
        DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(8, 30)).AddMinutes(random.Next(0, 570)) - ChinaTime.Offset, DateTimeKind.Utc);

    private static string Mobile(Random random) => $"1{"3589"[random.Next(4)]}{random.Next(0, 10)}{random.Next(0, 100_000_000):00000000}";

    private static int? Pick(Random random, params (double Share, int Unit)[] units)
    {
        var roll = random.NextDouble();
        foreach (var (share, unit) in units)
        {
            if (roll < share)
            {
                return unit;
            }

            roll -= share;
        }

        return null;
    }

    /// <summary>Case <paramref name="index"/>'s own stream: the same case whatever else is generated or skipped.</summary>
    private Random Random(int index, int stream) => new(unchecked((seed * 1_000_003) + (index * 2) + stream));

    private sealed record Unit(string Name, string Code, string Abbreviation, string Contact);

    private sealed record Step(string Type, int Gap, string? Document, string? Detail);
}
