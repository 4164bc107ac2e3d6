using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Organisation;
using Disclosure.Core.Recipes;
using Disclosure.Core.Time;
using Disclosure.Modules;
using Disclosure.Search.Indexing;

namespace Disclosure.DataGenerator;

/// <summary>
/// A deterministic corpus of realistic disclosures: the content types, agencies and 目录 of the real setup recipe,
/// titles and bodies assembled from phrase lists by a seeded random generator, 文号 in every bracket form and
/// 索引号 in the agencies' pattern. The same seed and size always give the same corpus.
/// </summary>
public sealed class Corpus
{
    public const int Seed = 20170329;

    private readonly int _seed;
    private readonly int[]? _cumulativeWeights;

    private static readonly string[] Places = ["杨和镇", "望远镇", "李俊镇", "望洪镇", "胜利乡", "闽宁镇", "团结西路", "宁和南街", "县城区", "开发区", "黄河沿岸", "高速公路永宁段"];
    private static readonly string[] Subjects = ["户籍管理", "居民身份证", "居住证", "出入境证件", "机动车登记", "驾驶证", "道路交通安全", "消防安全", "烟花爆竹", "电动自行车", "寄递物流", "旅馆业治安", "网络安全", "电信网络诈骗", "禁毒宣传", "校园周边治安", "危险化学品", "大型群众性活动", "辅警招聘", "政务公开", "执法公开", "信访投诉", "警务保障", "预算公开", "三公经费"];
    private static readonly string[] Actions = ["进一步加强", "开展", "做好", "规范", "深入推进", "调整", "公布", "印发", "启动", "集中整治", "优化", "落实"];
    private static readonly string[] Things = ["工作", "专项行动", "管理办法", "实施方案", "便民措施", "服务指南", "工作要点", "情况通报", "风险提示", "办理流程", "收费标准", "工作总结"];
    private static readonly string[] Kinds = ["通知", "通告", "公告", "意见", "办法", "方案", "通报", "说明", "公示"];
    private static readonly string[] Prefixes = ["永公发", "永公通", "永公法", "永公办发", "永公党", "永公(办)发", "永政办发"];
    private static readonly (string Open, string Close)[] Brackets = [("〔", "〕"), ("【", "】"), ("[", "]"), ("（", "）"), ("(", ")")];

    private static readonly string[] Sentences =
    [
        "为切实做好{0}工作，根据《中华人民共和国政府信息公开条例》和上级公安机关的部署，结合我县实际，制定本方案。",
        "{1}各派出所要高度重视{0}，明确责任领导和具体经办人员，确保各项措施落到实处。",
        "群众可通过政务服务网、微信公众号或到{1}公安户籍窗口办理{0}相关业务，办理时限为5个工作日。",
        "各单位要加强对{0}的监督检查，对发现的问题及时整改，整改情况于每月25日前报县局法制大队。",
        "对违反{0}有关规定的行为，公安机关将依照《中华人民共和国治安管理处罚法》予以处罚。",
        "本通告自发布之日起施行，有效期五年。如有疑问，请拨打咨询电话0951-8012345。",
        "2025年以来，{1}共受理{0}类事项1268件，办结率100%，群众满意率98.6%。",
        "请广大群众提高警惕，不轻信陌生来电，不向陌生账户转账，发现可疑情况立即拨打110报警。",
        "下一步，我局将以{0}为重点，持续推进“放管服”改革，不断提升公安政务服务水平。",
        "申请人应当提交居民身份证、户口簿及相关证明材料的原件和复印件各一份。",
        "按照“谁公开，谁上报，谁负责”的原则，各部门信息员负责本部门信息的采集、上报和更新。",
        "会议要求，要把{0}与平安建设、基层治理结合起来，形成工作合力。",
    ];

    /// <param name="agencies">
    /// The agencies items are drawn from (default: the demo office's, evenly); with <paramref name="weights"/>, in
    /// those proportions (<see cref="GeneratedAgencies"/>). Either way one draw an item, so two corpora of the same
    /// seed and size differ only in their items' agencies and 索引号.
    /// </param>
    public Corpus(string setupRecipe, int size, int seed = Seed, IReadOnlyList<AgencyDefinition>? agencies = null, IReadOnlyList<int>? weights = null)
    {
        _seed = seed;
        var recipe = InstalledModules.ReadRecipe(setupRecipe);
        Types = recipe.Steps.OfType<ContentDefinitionStep>().SelectMany(s => s.ContentTypes).ToList();
        Agencies = agencies ?? DemoOrganisation.Agencies(Path.GetDirectoryName(Path.GetFullPath(setupRecipe))!);
        if (weights is not null)
        {
            if (weights.Count != Agencies.Count || weights.Any(w => w <= 0))
            {
                throw new ArgumentException("每个机构须有一个正的权重。", nameof(weights));
            }

            var sum = 0;
            _cumulativeWeights = weights.Select(w => sum += w).ToArray();
        }

        Catalogue = recipe.Steps.OfType<CatalogueStep>().SelectMany(s => s.Classes).Where(c => c.ParentCode is not null).Select(c => c.Code).ToList();
        Labels = new SearchLabels(
            Agencies.ToDictionary(a => a.Code, a => a.Name),
            recipe.Steps.OfType<CatalogueStep>().SelectMany(s => s.Classes).ToDictionary(c => c.Code, c => c.Name));
        Size = size;
    }

    public int Size { get; }

    public IReadOnlyList<ContentTypeDefinition> Types { get; }

    public IReadOnlyList<AgencyDefinition> Agencies { get; }

    public IReadOnlyList<string> Catalogue { get; }

    public SearchLabels Labels { get; }

    /// <summary>Items in order; item i is the same for every run.</summary>
    public IEnumerable<IndexableContent> Items()
    {
        var random = new Random(_seed);
        var sequence = new Dictionary<(string, int), int>();
        for (var i = 0; i < Size; i++)
        {
            yield return Item(random, i, sequence);
        }
    }

    /// <summary>The 文号 of item i as the generator wrote it (for exact look-up queries).</summary>
    public static string DocumentNumber(string prefix, (string Open, string Close) bracket, int year, int number) =>
        $"{prefix}{bracket.Open}{year}{bracket.Close}{number}号";

    private IndexableContent Item(Random random, int i, Dictionary<(string, int), int> sequence)
    {
        var type = Types[random.Next(Types.Count)];
        var agency = _cumulativeWeights is null ? Agencies[random.Next(Agencies.Count)] : Agencies[Weighted(random.Next(_cumulativeWeights[^1]))];
        var catalogue = Catalogue[random.Next(Catalogue.Count)];
        var subject = Pick(random, Subjects);
        var place = Pick(random, Places);
        var year = 2008 + random.Next(19);
        var published = new DateTime(year, 1, 1, 1, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(365 * 24 * 60));
        var title = $"关于{Pick(random, Actions)}{subject}{Pick(random, Things)}的{Pick(random, Kinds)}";

        var body = new StringBuilder();
        var paragraphs = 3 + random.Next(6);
        for (var p = 0; p < paragraphs; p++)
        {
            if (random.Next(3) == 0)
            {
                body.Append("## ").Append(ChineseOrdinal(p + 1)).Append('、').Append(Pick(random, Things)).Append("\n\n");
            }

            var sentences = 1 + random.Next(3);
            for (var s = 0; s < sentences; s++)
            {
                body.Append(string.Format(CultureInfo.InvariantCulture, Pick(random, Sentences), random.Next(2) == 0 ? subject : Pick(random, Subjects), place));
            }

            body.Append("\n\n");
        }

        var key = (agency.Code, year);
        var number = sequence[key] = sequence.GetValueOrDefault(key) + 1;
        var indexNumber = $"{agency.AreaCode}-{agency.DepartmentCode}/{year}-{number:00000}";
        string? documentNumber = random.Next(3) == 0 ? null : DocumentNumber(Pick(random, Prefixes), Brackets[random.Next(Brackets.Length)], year, 1 + random.Next(60));

        var data = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["BodyPart"] = new JsonObject { ["Markdown"] = body.ToString() },
            ["DisclosureMetadataPart"] = new JsonObject
            {
                ["Catalogue"] = catalogue,
                ["Agency"] = agency.Code,
                ["DocumentNumber"] = documentNumber,
                ["Topic"] = "公安、安全、司法",
                ["WrittenDate"] = DateText.Date(DateOnly.FromDateTime(published)),
                ["Validity"] = "有效",
                ["Attribute"] = "主动公开",
                ["Keywords"] = $"{subject} {place}",
                ["Summary"] = $"{place}{subject}相关事项的{Pick(random, Things)}。",
            },
        };
        var own = new JsonObject();
        foreach (var field in type.Fields)
        {
            // The type's own text fields get a phrase, so type-specific fields are indexed as in real data.
            if (field.Type is FieldType.Text or FieldType.Markdown)
            {
                own[field.Name] = $"{place}{Pick(random, Subjects)}{Pick(random, Things)}";
            }
        }

        data[type.Name] = own;
        return new IndexableContent($"gen{_seed}-{i:0000000}", type, new ContentData(data), indexNumber, published);
    }

    private int Weighted(int draw)
    {
        var at = Array.BinarySearch(_cumulativeWeights!, draw + 1);
        return at >= 0 ? at : ~at;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string ChineseOrdinal(int n) => n switch
    {
        1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", 7 => "七", 8 => "八", 9 => "九",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
