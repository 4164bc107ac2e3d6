using Disclosure.Core.Organisation;
using Disclosure.Core.Recipes;

namespace Disclosure.DataGenerator;

/// <summary>
/// A deterministic tree of N agencies for 集约化 benchmarks (<c>--agencies N</c>): one provincial 公安厅 as the root,
/// up to nine 市公安局 under it and the rest as 县（区）公安局 spread round-robin over the cities — with 100, 1 + 9 + 90,
/// ten counties a city. Codes are valid-looking 区划代码 of 甘肃省 (620000, 620100 … 620900, 620101 …) with the
/// 公安 部门代码 103, so every agency has its own 索引号 context (its own area code in the default pattern).
/// Items are spread skewed, as in a real province: the 厅 publishes most, each city less, and within a city the first
/// counties more than the last (weights 90 : 20 : 12…3, about 9.5 % : 2.1 % : 1.3…0.3 % with 100 agencies).
/// </summary>
public static class GeneratedAgencies
{
    public const string RecipeName = "generated-agencies";
    public const int MaxCount = 1 + 9 + (9 * 99);
    private const string Department = "103";

    private static readonly string[] Cities = ["兰州市", "嘉峪关市", "金昌市", "白银市", "天水市", "武威市", "张掖市", "平凉市", "酒泉市"];
    private static readonly string[] Counties = ["永登", "皋兰", "榆中", "会宁", "靖远", "景泰", "清水", "秦安", "甘谷", "武山", "民勤", "古浪", "山丹", "民乐", "泾川", "灵台", "金塔", "瓜州"];

    /// <summary>The agencies, parents before children; with <paramref name="count"/> 1 the root alone.</summary>
    public static IReadOnlyList<AgencyDefinition> Tree(int count)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"--agencies 须在 1 到 {MaxCount} 之间。");
        }

        var agencies = new List<AgencyDefinition> { Agency("620000", "甘肃省公安厅", parent: null, position: 0) };
        var cities = Math.Min(Cities.Length, count - 1);
        for (var c = 0; c < cities; c++)
        {
            agencies.Add(Agency(CityArea(c), Cities[c] + "公安局", agencies[0].Code, c));
        }

        var perCity = new int[cities];
        for (var k = 0; k < count - 1 - cities; k++)
        {
            var c = k % cities;
            var n = perCity[c]++;
            var name = n < Counties.Length ? $"{Cities[c]}{Counties[n]}县公安局" : $"{Cities[c]}第{n + 1}分局";
            agencies.Add(Agency($"62{c + 1:00}{n + 1:00}", name, Code(CityArea(c)), n));
        }

        return agencies;
    }

    /// <summary>How many of every thousand-odd items each agency of <see cref="Tree"/> publishes (same order).</summary>
    public static IReadOnlyList<int> Weights(IReadOnlyList<AgencyDefinition> tree) =>
        tree.Select(a => a.ParentCode is null ? 90 : a.AreaCode.EndsWith("00", StringComparison.Ordinal) ? 20 : Math.Max(3, 12 - a.Position)).ToList();

    /// <summary>
    /// The tree as a recipe for <see cref="Disclosure.Storage.Setup.RecipeExecutor"/>, the path real agencies take.
    /// The executor records a recipe's file hash; the tree is derived from <c>demo.json</c>'s office, so that file is named.
    /// </summary>
    public static Recipe Recipe(string recipesFolder, int count) =>
        new($"{RecipeName}-{count}", null, null, Path.Combine(recipesFolder, "demo.json"), [new AgenciesStep("$.generated", Tree(count))]);

    private static string CityArea(int c) => $"62{c + 1:00}00";

    private static string Code(string area) => $"{area}-{Department}";

    private static AgencyDefinition Agency(string area, string name, string? parent, int position) => new()
    {
        Code = Code(area),
        Name = name,
        AreaCode = area,
        DepartmentCode = Department,
        ParentCode = parent,
        Position = position,
    };
}
