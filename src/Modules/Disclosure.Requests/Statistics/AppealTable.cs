using Disclosure.Requests.Models;

namespace Disclosure.Requests.Statistics;

/// <summary>One column group of table 四: 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计.</summary>
public readonly record struct AppealCounts(int Upheld, int Corrected, int Other, int Pending)
{
    public int Total => Upheld + Corrected + Other + Pending;

    /// <summary>The five cells in table order.</summary>
    public IReadOnlyList<int> Cells => [Upheld, Corrected, Other, Pending, Total];

    public AppealCounts Add(AppealResult result, int count = 1) => result switch
    {
        AppealResult.Upheld => this with { Upheld = Upheld + count },
        AppealResult.Corrected => this with { Corrected = Corrected + count },
        AppealResult.Other => this with { Other = Other + count },
        AppealResult.Pending => this with { Pending = Pending + count },
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}

/// <summary>What table 四 needs of one 行政复议 or 行政诉讼 case.</summary>
public sealed record AppealFact(AppealKind Kind, DateOnly FiledOn, DateOnly? DecidedOn, AppealResult Result);

/// <summary>
/// Table 四, 政府信息公开行政复议、行政诉讼情况: one row of 15 cells. A case counts under its result in the year it was
/// decided, and as 尚未审结 in every year it was filed by and not yet decided at the year's end — the same
/// carry-over rule as table 三, so each decided case is counted once.
/// </summary>
public sealed record AppealTable(int Year, AppealCounts Reconsideration, AppealCounts DirectLitigation, AppealCounts LitigationAfterReconsideration)
{
    public const string Title = "四、政府信息公开行政复议、行政诉讼情况";

    public static readonly IReadOnlyList<string> ResultLabels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    /// <summary>The 15 cells in table order.</summary>
    public IReadOnlyList<int> Cells => [.. Reconsideration.Cells, .. DirectLitigation.Cells, .. LitigationAfterReconsideration.Cells];

    public static AppealTable Compute(int year, IEnumerable<AppealFact> facts) =>
        FromGroups(year, facts.Select(fact =>
            fact.DecidedOn is { } decided && fact.Result != AppealResult.Pending && decided.Year == year
                ? new AppealGroup(fact.Kind, fact.Result, 1)
                : fact.FiledOn.Year <= year && (fact.DecidedOn is null || fact.Result == AppealResult.Pending || fact.DecidedOn.Value.Year > year)
                    ? new AppealGroup(fact.Kind, AppealResult.Pending, 1)
                    : null).OfType<AppealGroup>());

    /// <summary>Builds the table from cases counted in groups: each group under its kind's column for its result (尚未审结 for the open ones).</summary>
    public static AppealTable FromGroups(int year, IEnumerable<AppealGroup> groups)
    {
        var counts = new Dictionary<AppealKind, AppealCounts>();
        foreach (var group in groups)
        {
            counts[group.Kind] = counts.GetValueOrDefault(group.Kind).Add(group.Result, group.Count);
        }

        return new AppealTable(year, counts.GetValueOrDefault(AppealKind.Reconsideration), counts.GetValueOrDefault(AppealKind.DirectLitigation),
            counts.GetValueOrDefault(AppealKind.LitigationAfterReconsideration));
    }
}

/// <summary>Cases of one kind that table 四 counts in the same cell for a year: decided with <paramref name="Result"/> in it, or pending at its end.</summary>
public sealed record AppealGroup(AppealKind Kind, AppealResult Result, int Count);
