namespace Disclosure.Core.Secrecy;

/// <summary>
/// 常见姓氏: the single surnames that cover nearly everyone in the population registers and the 复姓 still in use,
/// shipped as data so the scan needs no download. The list deliberately leaves out surnames so rare that the
/// character is far more often an ordinary word (家、后、红、通、能、有、本、信、经、从 …): a name-in-context rule
/// that starts from them would flag ordinary prose.
/// </summary>
public static class ChineseSurnames
{
    /// <summary>单姓, most frequent first.</summary>
    private const string Single =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金"
        + "石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄"
        + "聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶"
        + "解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑"
        + "郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
        + "盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银"
        + "亢嵇哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣展阴昝智幸奉植衡富尧闭由萧洪赖凤酆贝钮滑荀羿汲邴糜松弓牧隗山宓蓬郗仰秋暴钭韶"
        + "蓟怀鄂咸籍苍双莘贡逄扶堵宰郦却璩濮寿郏习宦鱼慎庾暨弘禄殳沃蔚越夔厍訾乜巢蒯竺桓";

    /// <summary>
    /// 复姓. 单于 and 第五 are left out: 单 and 第 read far more often as a single surname or an ordinal, and 单于明
    /// is much more likely 单 + 于明 than the Xiongnu title.
    /// </summary>
    public static IReadOnlyList<string> Compound { get; } =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "夏侯", "端木",
        "司徒", "司空", "轩辕", "独孤", "南宫", "西门", "万俟", "闻人", "澹台", "公冶", "宗政", "濮阳", "淳于", "太叔",
        "申屠", "钟离", "赫连", "呼延", "鲜于", "闾丘", "东郭", "公羊", "左丘", "百里", "谷梁", "拓跋", "梁丘", "巫马",
        "羊舌", "微生", "乐正", "公良", "漆雕", "仲孙", "叔孙", "亓官", "司寇", "颛孙", "公西", "东门", "南门", "段干",
    ];

    private static readonly HashSet<char> SingleSet = [.. Single];

    /// <summary>How many single surnames the list holds (for the documentation and its test).</summary>
    public static int SingleCount => SingleSet.Count;

    public static bool IsSingle(char c) => SingleSet.Contains(c);

    /// <summary>
    /// The length of the surname <paramref name="text"/> starts with: 2 for a 复姓, 1 for a 单姓, 0 when it starts
    /// with neither. A 复姓 wins over its first character read as a 单姓 (欧阳 over 欧).
    /// </summary>
    public static int SurnameLength(ReadOnlySpan<char> text)
    {
        if (text.Length >= 2)
        {
            foreach (var compound in Compound)
            {
                if (text.StartsWith(compound, StringComparison.Ordinal))
                {
                    return 2;
                }
            }
        }

        return text.Length >= 1 && IsSingle(text[0]) ? 1 : 0;
    }
}
