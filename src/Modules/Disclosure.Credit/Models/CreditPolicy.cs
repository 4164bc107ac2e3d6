using System.Globalization;

namespace Disclosure.Credit.Models;

/// <summary>A 公示期 in months after the decision date: repair is possible once the minimum has passed, and publication stops at the maximum.</summary>
public sealed record PublicationPeriod(int MinMonths, int MaxMonths)
{
    public override string ToString() => $"{MinMonths}-{MaxMonths}";
}

/// <summary>
/// The office's 双公示 rules, kept as site settings (the <c>Settings</c> step of <c>recipes/setup.json</c>) because
/// local rules vary. The defaults are the national ones: publication within 7 working days of the decision
/// (国办发〔2015〕51号), withdrawal within 3 working days of a change (行政处罚法 第四十八条, days counted as working
/// days per 第八十五条), and the 《信用修复管理办法》 periods — 轻微 not published in principle and at most 3
/// months; 一般 3 to 12 months; 严重 12 to 36 months.
/// </summary>
public sealed record CreditPolicy(
    int PublicationWorkingDays,
    int WithdrawalWorkingDays,
    PublicationPeriod Minor,
    PublicationPeriod General,
    PublicationPeriod Serious,
    bool PublishMinor)
{
    public const string PublicationWorkingDaysSetting = "CreditPublicationWorkingDays";
    public const string WithdrawalWorkingDaysSetting = "CreditWithdrawalWorkingDays";
    public const string MinorPeriodSetting = "CreditPeriodMinor";
    public const string GeneralPeriodSetting = "CreditPeriodGeneral";
    public const string SeriousPeriodSetting = "CreditPeriodSerious";
    public const string PublishMinorSetting = "CreditPublishMinor";

    /// <summary>Longest period a setting may give: ten years.</summary>
    public const int MaxMonths = 120;

    public static CreditPolicy Default { get; } = new(7, 3, new(0, 3), new(3, 12), new(12, 36), PublishMinor: false);

    public PublicationPeriod Period(Severity severity) => severity switch
    {
        Severity.Minor => Minor,
        Severity.Serious => Serious,
        _ => General,
    };

    /// <summary>The default 公示截止期: the decision date plus the maximum period (到期月的对应日, as the 民法典 counts months).</summary>
    public DateOnly PublicationEnd(DateOnly decisionDate, Severity severity) => decisionDate.AddMonths(Period(severity).MaxMonths);

    public DateOnly EarliestPublicationEnd(DateOnly decisionDate, Severity severity) => decisionDate.AddMonths(Period(severity).MinMonths);

    /// <summary>The first day 信用修复 may be granted: the day after the minimum period ends.</summary>
    public DateOnly RepairableFrom(DateOnly decisionDate, Severity severity) => decisionDate.AddMonths(Period(severity).MinMonths).AddDays(1);

    /// <summary>
    /// Reads the policy from site settings; a setting that is absent keeps its default. Problems are added to
    /// <paramref name="errors"/> as (setting, zh-CN message), and the default is used for that setting.
    /// </summary>
    public static CreditPolicy FromSettings(IReadOnlyDictionary<string, string> settings, ICollection<(string Setting, string Message)>? errors = null)
    {
        var d = Default;
        return new CreditPolicy(
            Days(settings, PublicationWorkingDaysSetting, d.PublicationWorkingDays, errors),
            Days(settings, WithdrawalWorkingDaysSetting, d.WithdrawalWorkingDays, errors),
            Period(settings, MinorPeriodSetting, d.Minor, errors),
            Period(settings, GeneralPeriodSetting, d.General, errors),
            Period(settings, SeriousPeriodSetting, d.Serious, errors),
            Flag(settings, PublishMinorSetting, d.PublishMinor, errors));
    }

    private static int Days(IReadOnlyDictionary<string, string> settings, string name, int fallback, ICollection<(string, string)>? errors)
    {
        if (!settings.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 60)
        {
            return days;
        }

        errors?.Add((name, $"“{text}”应为 1 到 60 之间的工作日数。"));
        return fallback;
    }

    private static PublicationPeriod Period(IReadOnlyDictionary<string, string> settings, string name, PublicationPeriod fallback, ICollection<(string, string)>? errors)
    {
        if (!settings.TryGetValue(name, out var text))
        {
            return fallback;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min <= max && max is >= 1 and <= MaxMonths)
        {
            return new PublicationPeriod(min, max);
        }

        errors?.Add((name, $"“{text}”应写作“最短月数-最长月数”，例如“3-12”，最长不超过 {MaxMonths} 个月。"));
        return fallback;
    }

    private static bool Flag(IReadOnlyDictionary<string, string> settings, string name, bool fallback, ICollection<(string, string)>? errors)
    {
        if (!settings.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors?.Add((name, $"“{text}”应为 true 或 false。"));
        return fallback;
    }
}
