namespace Disclosure.Supervision.Coverage;

/// <summary>One item of 《政府信息公开条例》（2019）第二十条: what every administrative organ shall disclose proactively.</summary>
public sealed record StatuteItem(int Number, string Text)
{
    /// <summary>（一） … （十五）, as the 条例 numbers its items.</summary>
    public string Label => $"（{StatuteItems.Numeral(Number)}）";
}

/// <summary>The fifteen items of 条例第二十条, worded as the 2019 revision (国务院令第711号) has them.</summary>
public static class StatuteItems
{
    public static IReadOnlyList<StatuteItem> All { get; } =
    [
        new(1, "行政法规、规章和行政规范性文件"),
        new(2, "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
        new(3, "国民经济和社会发展规划、专项规划、区域规划及相关政策"),
        new(4, "国民经济和社会发展统计信息"),
        new(5, "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
        new(6, "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"),
        new(7, "财政预算、决算信息"),
        new(8, "行政事业性收费项目及其依据、标准"),
        new(9, "政府集中采购项目的目录、标准及实施情况"),
        new(10, "重大建设项目的批准和实施情况"),
        new(11, "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
        new(12, "突发公共事件的应急预案、预警信息及应对情况"),
        new(13, "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
        new(14, "公务员招考的职位、名额、报考条件等事项以及录用结果"),
        new(15, "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
    ];

    private static readonly string[] Digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Numeral(int number) => number switch
    {
        < 10 => Digits[number],
        10 => "十",
        _ => "十" + Digits[number - 10],
    };
}

/// <summary>How one 第二十条 item is met: by 目录 classes, or 不适用 to this agency with a reason.</summary>
public sealed record CoverageEntry(IReadOnlyList<string> Classes, string? NotApplicableReason)
{
    public static readonly CoverageEntry Unset = new([], null);

    public bool NotApplicable => NotApplicableReason is not null;
}
