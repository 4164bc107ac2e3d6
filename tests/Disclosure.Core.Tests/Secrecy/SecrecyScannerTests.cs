using Disclosure.Core.Secrecy;

namespace Disclosure.Core.Tests.Secrecy;

/// <summary>
/// The 保密审查 scanner against real-looking text. Every ID below has a correct GB 11643 check character and every
/// card a correct Luhn digit unless the case says otherwise, so a negative fails for the reason it names.
/// </summary>
public sealed class SecrecyScannerTests
{
    private static readonly SecrecyScanner Scanner = new(["张三", "Project X", "内部", " ", ""]);

    /// <summary>text → expected findings, each written "Kind: Match → ProposedMask", in index order.</summary>
    public static TheoryData<string, string[]> Cases => new()
    {
        // 居民身份证号码
        { "身份证号11010519491231002X", ["ResidentId: 11010519491231002X → 110105********002X"] },
        { "110101199003074477", ["ResidentId: 110101199003074477 → 110101********4477"] },
        { "证件号码：11010519491231002x。", ["ResidentId: 11010519491231002x → 110105********002x"] },
        { "旧证号110105491231002", ["ResidentId: 110105491231002 → 110105******002"] },
        { "640121198506153016号", ["ResidentId: 640121198506153016 → 640121********3016"] },
        { "１１０１０１１９９００３０７４４７７", ["ResidentId: １１０１０１１９９００３０７４４７７ → １１０１０１********４４７７"] },

        // 疑似身份证号: everything fits but the check digit
        { "110101199003074478", ["SuspectResidentId: 110101199003074478 → 110101********4478"] },
        { "身份证号64012119850615301X。", ["SuspectResidentId: 64012119850615301X → 640121********301X"] },
        { "990101199003074478", [] },                       // 99 is no province
        { "100101199003074478", [] },                       // nor is 10
        { "110101199002304478", [] },                       // 30 February
        { "110101209912314478", [] },                       // born in the future
        { "订单号123456789012345678", [] },                  // area 12 exists, but 7890-12-34 is no date
        { "110101199013321232", [] },                       // 1990-13-32 is no date, though the check digit fits
        { "110101299903074470", [] },                       // born in 2999
        { "11010118991231001X", [] },                       // born in 1899
        { "010101199003074473", [] },                       // area code starting with 0
        { "110105491331002", [] },                          // 15-digit form, 1949-13-31
        { "流水号1101011990030744771", [] },                 // 19 digits: not an ID inside a longer run, no card prefix
        { "310115198808081050", ["ResidentId: 310115198808081050 → 310115********1050"] }, // also Luhn-valid: an ID only

        // 手机号码
        { "手机13812345678", ["MobileNumber: 13812345678 → 138****5678"] },
        { "138 1234 5678", ["MobileNumber: 138 1234 5678 → 138****5678"] },
        { "联系电话：138-1234-5678。", ["MobileNumber: 138-1234-5678 → 138****5678"] },
        { "+86 139 1234 5678", ["MobileNumber: +86 139 1234 5678 → 139****5678"] },
        { "+8615912345678", ["MobileNumber: +8615912345678 → 159****5678"] },
        { "86-199-1234-5678", ["MobileNumber: 86-199-1234-5678 → 199****5678"] },
        { "电话13812345678，2017年", ["MobileNumber: 13812345678 → 138****5678"] },
        { "１３８１２３４５６７８", ["MobileNumber: １３８１２３４５６７８ → １３８****５６７８"] },
        { "成文日期20170329", [] },
        { "成文日期2017-03-29", [] },
        { "138123456789", [] },                             // 12 digits starting with 13
        { "12345678901", [] },                              // 12 is no mobile prefix
        { "咨询电话0951-8012345", [] },                      // landline
        { "138 1234-5678", [] },                            // mixed separators
        { "索引号640121-103/2017-00028", [] },

        // 银行卡号
        { "6222021234567890128", ["BankCard: 6222021234567890128 → 622202*********0128"] },
        { "4111111111111111", ["BankCard: 4111111111111111 → 411111******1111"] },
        { "卡号：5500 0000 0000 0004", ["BankCard: 5500 0000 0000 0004 → 550000******0004"] },
        { "6228-4800-1234-5678-903", ["BankCard: 6228-4800-1234-5678-903 → 622848*********8903"] },
        { "3530111333300000", ["BankCard: 3530111333300000 → 353011******0000"] },
        { "62284800123456782", ["BankCard: 62284800123456782 → 622848*******6782"] },
        { "卡号5500 0000 0000 0004 2017年开户", ["BankCard: 5500 0000 0000 0004 → 550000******0004"] },
        { "410102197705051201", ["BankCard: 410102197705051201 → 410102********1201"] }, // not an ID (check digit), a card
        { "4111111111111112", [] },                         // fails Luhn
        { "9111111111111110", [] },                         // Luhn-valid, but 9 is no card network
        { "62220212345678901280", [] },                     // 20 digits

        // 电子邮箱
        { "zhangsan@163.com", ["Email: zhangsan@163.com → z***@163.com"] },
        { "请发送至li.si+news@mail.gov.cn。", ["Email: li.si+news@mail.gov.cn → l***@mail.gov.cn"] },
        { "ABC@Example.COM", ["Email: ABC@Example.COM → A***@Example.COM"] },
        { "13812345678@qq.com", ["Email: 13812345678@qq.com → 1***@qq.com"] }, // the longer span wins over the phone
        { "root@localhost", [] },                           // no dotted domain: not a public address

        // 密级标志
        { "秘密★1年", ["ClassificationMark: 秘密★1年 → "] },
        { "绝密★长期", ["ClassificationMark: 绝密★长期 → "] },
        { "机密★2030年12月31日\n关于……", ["ClassificationMark: 机密★2030年12月31日 → "] },
        { "秘密★１年", ["ClassificationMark: 秘密★１年 → "] },
        { "机密★", ["ClassificationMark: 机密★ → "] },
        { "【机密】关于……的通知", ["ClassificationMark: 【机密】 → "] },
        { "[秘密]", ["ClassificationMark: [秘密] → "] },
        { "（绝密★10年）", ["ClassificationMark: （绝密★10年） → "] },
        { "机密\n关于开展专项检查的通知", ["ClassificationMark: 机密 → "] },
        { "  秘密  \r\n正文", ["ClassificationMark: 秘密 → "] },
        { "本件定为秘密级", ["ClassificationMark: 秘密级 → "] },
        { "这是一份绝密文件", ["ClassificationMark: 绝密 → "] },
        { "内部资料 注意保密", ["ClassificationMark: 内部资料 → ", "ClassificationMark: 注意保密 → "] },
        { "内部文件，不得外传", ["ClassificationMark: 内部文件 → ", "ClassificationMark: 不得外传 → "] },
        { "涉及国家秘密的不予公开", [] },
        { "保护商业秘密和个人隐私", [] },
        { "工作秘密、保守秘密", [] },
        { "经保密审查，涉密内容已删除", [] },
        { "国家秘密的密级分为绝密、机密、秘密三级", [] },
        { "绝密级国家秘密是最重要的国家秘密", [] },
        { "商业秘密级别较高", [] },
        { "秘密地开展调查", [] },                           // at the start of a line, but prose
        { "不得泄露商业机密", [] },

        // 个人姓名 after a word that introduces a person
        { "当事人张伟于2024年3月5日", ["PersonName: 张伟 → 张*"] },
        { "姓名：王小明，性别：男", ["PersonName: 王小明 → 王**"] },
        { "姓名:李四", ["PersonName: 李四 → 李*"] },
        { "申请人为赵六。", ["PersonName: 赵六 → 赵*"] },
        { "联系人是周七", ["PersonName: 周七 → 周*"] },
        { "法定代表人 欧阳娜娜", ["PersonName: 欧阳娜娜 → 欧阳**"] },
        { "违法行为人马德福在杨和镇", ["PersonName: 马德福 → 马**"] },
        { "被处罚人：孙 悟，住", ["PersonName: 孙 悟 → 孙*"] },
        { "受害人李　四称", ["PersonName: 李　四 → 李*"] },
        { "犯罪嫌疑人诸葛明因涉嫌", ["PersonName: 诸葛明 → 诸葛*"] },
        { "证人：于海洋", ["PersonName: 于海洋 → 于**"] },              // 于 after a separator is the surname
        { "被申请人郑州某公司", [] },                          // a place, then an organisation
        { "当事人宁夏某某商贸有限公司", [] },
        { "当事人银川市兴庆区某店", [] },
        { "当事人宁夏回族自治区某局", [] },
        { "经营者：王德福，联系电话13909512345", ["PersonName: 王德福 → 王**", "MobileNumber: 13909512345 → 139****2345"] },
        { "申请人应当在收到告知书之日起", [] },
        { "受害人李 四", ["PersonName: 李 四 → 李*"] },                  // the spaced name ends the text
        { "受害人李 ", [] },
        { "受害人李", [] },
        { "当事人的权利和义务", [] },
        { "当事人权利", [] },
        { "申请人向本机关提出申请", [] },
        { "申请人于2024年1月提出", [] },
        { "未满十六周岁的申请人由监护人陪同", [] },
        { "负责机动车辆、驾驶人管理工作", [] },
        { "政务公开办公室负责人 周明", ["PersonName: 周明 → 周*"] },
        { "当事人陈述、申辩", [] },
        { "申请人单位名称", [] },
        { "当事人张某在", [] },                              // already anonymised
        { "当事人马某某", [] },
        { "申请人为公民", [] },                              // 公 is no single surname
        { "当事人是否到场", [] },
        { "联系人电话", [] },
        { "姓名：", [] },
        { "姓名：______", [] },
        { "张伟、王芳参加了会议", [] },                        // names without context are not found (README says so)

        // 敏感词
        { "联系人张三，张三丰", ["Keyword: 张三 → **", "Keyword: 张三 → **"] }, // the office's word wins over the name rule
        { "project x 与 PROJECT X", ["Keyword: project x → *********", "Keyword: PROJECT X → *********"] },
        { "内部管理制度", ["Keyword: 内部 → **"] },

        // several at once
        {
            "张三，身份证11010519491231002X，手机13812345678，邮箱zhangsan@163.com。【机密】",
            [
                "Keyword: 张三 → **",
                "ResidentId: 11010519491231002X → 110105********002X",
                "MobileNumber: 13812345678 → 138****5678",
                "Email: zhangsan@163.com → z***@163.com",
                "ClassificationMark: 【机密】 → ",
            ]
        },
        { "", [] },
        { "根据《中华人民共和国政府信息公开条例》第十四条，不予公开。", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scan_finds_exactly_what_must_not_go_out(string text, string[] expected)
    {
        var findings = Scanner.Scan(text, "正文");

        Assert.Equal(expected, findings.Select(f => $"{f.Kind}: {f.Match} → {f.ProposedMask}").ToArray());
        foreach (var finding in findings)
        {
            Assert.Equal(finding.Match, text.Substring(finding.Index, finding.Length));
        }

        Assert.All(findings.Zip(findings.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Index));
    }

    [Fact]
    public void Findings_carry_the_callers_location_and_point_into_chinese_text()
    {
        const string text = "关于张三同志（手机１３８１２３４５６７８，邮箱zs@nx.gov.cn）的处理决定";

        var findings = Scanner.Scan(text, "附件：通知.docx");

        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal("附件：通知.docx", f.Location));
        Assert.Equal((FindingKind.Keyword, 2, 2), (findings[0].Kind, findings[0].Index, findings[0].Length));
        Assert.Equal((FindingKind.MobileNumber, 9, 11), (findings[1].Kind, findings[1].Index, findings[1].Length));
        Assert.Equal((FindingKind.Email, 23, 12), (findings[2].Kind, findings[2].Index, findings[2].Length));
        Assert.Equal("zs@nx.gov.cn", findings[2].Match);
    }

    [Fact]
    public void Descriptions_are_in_chinese()
    {
        var findings = Scanner.Scan("张三 11010519491231002X 13812345678 4111111111111111 a@b.cn 秘密★1年 注意保密", "正文");

        Assert.Equal(
            ["敏感词“张三”", "居民身份证号码", "手机号码", "银行卡号", "电子邮箱", "密级标志", "保密标注“注意保密”"],
            findings.Select(f => f.Description).ToArray());
    }

    [Fact]
    public void An_empty_keyword_list_still_scans_everything_else()
    {
        var scanner = new SecrecyScanner([]);

        Assert.Empty(scanner.Scan("张三 内部管理", "标题"));
        Assert.Single(scanner.Scan("手机13812345678", "标题"));
    }

    [Fact]
    public void Keywords_match_without_regard_to_case_and_report_the_configured_word()
    {
        var scanner = new SecrecyScanner(["  Project X  ", "project x"]);

        var finding = Assert.Single(scanner.Scan("启动PROJECT X", "正文"));
        Assert.Equal(("PROJECT X", "*********", "敏感词“Project X”"), (finding.Match, finding.ProposedMask, finding.Description));
    }

    [Fact]
    public void Apply_masks_every_finding_and_removes_marks()
    {
        const string text = "秘密★1年\n张三，身份证11010519491231002X，手机138 1234 5678，卡号6222021234567890128，邮箱zhangsan@163.com。";

        var masked = SecrecyMasking.Apply(text, Scanner.Scan(text, "正文"));

        Assert.Equal("\n**，身份证110105********002X，手机138****5678，卡号622202*********0128，邮箱z***@163.com。", masked);
        Assert.Empty(Scanner.Scan(masked, "正文"));
    }

    [Fact]
    public void Apply_with_no_findings_returns_the_text()
    {
        Assert.Equal("没有需要处理的内容。", SecrecyMasking.Apply("没有需要处理的内容。", []));
    }

    [Fact]
    public void Apply_refuses_findings_from_other_text_or_overlapping_ones()
    {
        var title = Scanner.Scan("关于张三的决定", "标题");
        Assert.Throws<ArgumentException>(() => SecrecyMasking.Apply("正文没有这个名字，长度也不同。", title));

        var a = new SecrecyFinding(FindingKind.Keyword, "正文", 0, 2, "张三", "**", "敏感词“张三”");
        var b = new SecrecyFinding(FindingKind.Keyword, "正文", 1, 2, "三丰", "**", "敏感词“三丰”");
        Assert.Throws<ArgumentException>(() => SecrecyMasking.Apply("张三丰", [a, b]));
    }

    [Fact]
    public void Missing_arguments_are_refused_before_anything_is_scanned_or_masked()
    {
        Assert.Throws<ArgumentNullException>(() => new SecrecyScanner(null!));
        Assert.Throws<ArgumentNullException>(() => Scanner.Scan(null!, "正文"));
        Assert.Throws<ArgumentNullException>(() => Scanner.Scan("手机13812345678", null!));
        Assert.Throws<ArgumentNullException>(() => SecrecyMasking.Apply(null!, []));
        Assert.Throws<ArgumentNullException>(() => SecrecyMasking.Apply("正文", null!));
        Assert.Throws<ArgumentNullException>(() => SecrecyMasking.MaskPersonName(null!));
    }

    [Fact]
    public void Apply_masks_a_finding_that_ends_the_text_and_refuses_one_that_runs_past_it()
    {
        var name = new SecrecyFinding(FindingKind.Keyword, "正文", 2, 2, "张三", "**", "敏感词“张三”");
        Assert.Equal("关于**", SecrecyMasking.Apply("关于张三", [name]));

        var refused = Assert.Throws<ArgumentException>(() => SecrecyMasking.Apply("关于张", [name]));
        Assert.StartsWith("“张三”（位置 2）不在这段文字中", refused.Message);
        var overlap = Assert.Throws<ArgumentException>(() => SecrecyMasking.Apply("张三丰", [name with { Index = 0 }, name with { Index = 1, Match = "三丰" }]));
        Assert.StartsWith("“三丰”（位置 1）与前一处重叠", overlap.Message);
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("阿依古丽•买买提", "阿***•***")]
    [InlineData("李小明", "李**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("诸葛亮", "诸葛*")]
    [InlineData("司马相如", "司马**")]
    [InlineData("端木蓉", "端木*")]
    [InlineData("欧阳", "欧*")]
    [InlineData("王", "王")]
    [InlineData("", "")]
    [InlineData(" 张三 ", "张*")]
    [InlineData("阿依古丽·买买提", "阿***·***")]
    [InlineData("张𠇔", "张*")]
    public void MaskPersonName_keeps_the_surname(string name, string expected)
    {
        Assert.Equal(expected, SecrecyMasking.MaskPersonName(name));
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110101199003074477", true)]
    [InlineData("440308199901011234", true)]
    [InlineData("110101190001010014", true)]           // 1900-01-01, the earliest allowed
    [InlineData("110105491231002", true)]              // 15-digit form
    [InlineData("110101199003074478", false)]          // check digit
    [InlineData("110101199013321232", false)]          // month 13
    [InlineData("110101199002301236", false)]          // 30 February
    [InlineData("11010118991231001X", false)]          // 1899
    [InlineData("110101299903074470", false)]          // 2999
    [InlineData("010101199003074473", false)]          // area code 0…
    [InlineData("110105491331002", false)]             // 15-digit, month 13
    [InlineData("010105491231002", false)]             // 15-digit, area code 0…
    [InlineData("11010519491231002", false)]           // 17 characters
    [InlineData("1101051949123100X2", false)]          // X not last
    [InlineData("１１０１０１１９９００３０７４４７７", false)] // full width: callers normalise first
    [InlineData("", false)]
    public void ResidentIdNumber_checks_digit_date_and_area(string id, bool valid)
    {
        Assert.Equal(valid, ResidentIdNumber.IsValid(id));
    }

    [Fact]
    public void ResidentIdNumber_rejects_null()
    {
        Assert.False(ResidentIdNumber.IsValid(null!));
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("79927398713", true)]
    [InlineData("6222021234567890128", true)]
    [InlineData("00", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398710", false)]
    [InlineData("4111 1111 1111 1111", false)]          // separators are the caller's to strip
    [InlineData("0", false)]                            // no check digit
    [InlineData("", false)]
    [InlineData("１２", false)]
    [InlineData(null, false)]
    public void Luhn_checks_the_last_digit(string? digits, bool valid)
    {
        Assert.Equal(valid, Luhn.IsValid(digits!));
    }
}
