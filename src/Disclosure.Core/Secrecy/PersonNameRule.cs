using System.Text.RegularExpressions;

namespace Disclosure.Core.Secrecy;

/// <summary>
/// 姓名 in context: a Chinese personal name can't be told from ordinary words by its characters alone, but in a
/// disclosure it nearly always stands right after a word that introduces a person (姓名、当事人、申请人、违法行为人 …).
/// After such a word, optionally followed by ：/:/为/是 or a space, a name is a surname from
/// <see cref="ChineseSurnames"/> and one or two given-name characters (2–4 characters in all). Precision comes from
/// three lists: ordinary words that legal prose puts right after these labels (当事人陈述、申请人单位), particles that
/// stop a name (张三于、李四在), and, when no separator marks a name, surname characters that are far more often a
/// preposition there (申请人向…、申请人应当…). Names already anonymised (张某、李某某) are left alone.
/// </summary>
internal static partial class PersonNameRule
{
    /// <summary>
    /// Characters that end the given name: particles and verbs that follow a name in a sentence, and 某 (张某 is
    /// already anonymised). A real given name with one of these (王在、李于) is missed; the alternative flags every
    /// sentence that starts with a label.
    /// </summary>
    private const string GivenNameStops =
        "某于在因的等系与和及将已未对向从自经被所涉无持驾擅违私利以为是称男女现住身性户出同到把让给说拒不没也都还就又再曾均即亦并而后前时诉申提要请应可须共之其年月日先";

    /// <summary>What ends the name of a place or an organisation; none of them is usual in a given name.</summary>
    private const string PlaceOrOrganisationSuffixes = "省市县区州镇乡村旗盟公司厂店局院社馆矿站所";

    /// <summary>Surname characters that, right after a label with nothing between, are almost always a word: 申请人向本机关…、申请人由监护人陪同….</summary>
    private const string AmbiguousWithoutSeparator = "向应于和曾尚及由";

    /// <summary>
    /// Ordinary words that begin with a surname character and commonly follow these labels in legal prose
    /// (当事人陈述、申辩; 申请人单位; 当事人权利). Checked with and without a separator (申请人为单位…).
    /// </summary>
    private static readonly string[] OrdinaryWords =
    [
        "陈述", "申辩", "申请", "申报", "申诉", "权利", "权益", "利益", "利害", "明确", "明知", "明显", "同意", "同时",
        "方面", "方可", "方式", "关系", "关于", "相关", "相应", "相同", "单位", "单独", "车辆", "房屋", "常住", "常年",
        "居住", "居民", "国籍", "籍贯", "原籍", "原因", "连续", "支付", "符合", "满足", "全部", "全体", "全称", "双方",
        "范围", "代表", "代理", "安全", "成年", "成立", "时间", "任何", "文书", "华侨", "司法", "宣传", "资格", "情况",
        "姓名", "名称", "本人", "身份", "年龄", "性别", "住址", "住所", "联系", "电话", "地址", "家属", "亲属", "签字",
        "签名", "未成年", "能否", "是否", "提出", "提供", "提交", "承担", "负责", "有权", "应当", "应该", "应予",
        "管理", "商业", "所有",
    ];

    /// <summary>
    /// A label that introduces a person, then what may separate it from the name. Longer labels first, so
    /// 被申请人 is one label, not 被 + 申请人.
    /// </summary>
    [GeneratedRegex(
        """
        (?<label>姓名|当事人|被申请人|申请人|违法行为人|被处罚人|受害人|被害人|犯罪嫌疑人|被告人|证人|委托代理人|代理人|
        联系人|法定代表人|负责人|经营者|投诉人|举报人|驾驶人|户主|监护人|被监护人|承包人|业主|死者|患者)
        (?<separator>[ \t]*[：:][ \t]*|[ \t]*[为是][ \t]*|[ \t]+)?
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LabelRegex();

    /// <summary>The names in <paramref name="text"/> that follow a label: their span and the label that introduced them.</summary>
    public static IEnumerable<(int Index, int Length, string Label)> Find(string text)
    {
        foreach (Match match in LabelRegex().Matches(text))
        {
            var start = match.Index + match.Length;
            var length = NameLength(text, start, hasSeparator: match.Groups["separator"].Length > 0);
            if (length > 0)
            {
                yield return (start, length, match.Groups["label"].Value);
            }
        }
    }

    /// <summary>The length of the name starting at <paramref name="start"/>, or 0 when what follows is no name.</summary>
    private static int NameLength(string text, int start, bool hasSeparator)
    {
        var rest = text.AsSpan(start);
        var surname = ChineseSurnames.SurnameLength(rest);
        if (surname == 0
            || (!hasSeparator && surname == 1 && AmbiguousWithoutSeparator.Contains(rest[0]))
            || StartsWithOrdinaryWord(rest)
            || NamesAPlaceOrOrganisation(rest, surname))
        {
            return 0;
        }

        // A two-character name is often typed with a space to line up with three-character ones: 李 四, 李　四.
        if (surname == 1 && rest.Length > 2 && rest[1] == ' ' && IsGivenNameCharacter(rest[2])
            && (rest.Length == 3 || !IsGivenNameCharacter(rest[3])))
        {
            return 3;
        }

        var given = 0;
        while (given < 2 && surname + given < rest.Length && IsGivenNameCharacter(rest[surname + given]))
        {
            given++;
        }

        return given == 0 ? 0 : surname + given;
    }

    /// <summary>
    /// 被申请人郑州某公司、当事人银川市兴庆区…: the label introduces a place or an organisation whose name starts with
    /// a surname character. Seen in the run of name-like characters after the surname: a place or organisation
    /// suffix (市、县、公司 …), or 某 after at least one more character (宁夏某某公司, where 张某 alone is a name
    /// already anonymised and is dropped anyway). 自治区/州/县 is looked for on its own because 自 also stops a name.
    /// </summary>
    private static bool NamesAPlaceOrOrganisation(ReadOnlySpan<char> rest, int surname)
    {
        if (rest[surname..Math.Min(rest.Length, surname + 6)].Contains("自治", StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = surname; i < Math.Min(rest.Length, surname + 6); i++)
        {
            if (PlaceOrOrganisationSuffixes.Contains(rest[i]) || (rest[i] == '某' && i > surname))
            {
                return true;
            }

            if (!IsGivenNameCharacter(rest[i]))
            {
                return false;
            }
        }

        return false;
    }

    private static bool StartsWithOrdinaryWord(ReadOnlySpan<char> text)
    {
        foreach (var word in OrdinaryWords)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A CJK ideograph that is not one of the <see cref="GivenNameStops"/>.</summary>
    private static bool IsGivenNameCharacter(char c) => c is >= '\u4e00' and <= '\u9fff' && !GivenNameStops.Contains(c);
}
