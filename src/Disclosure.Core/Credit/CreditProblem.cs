namespace Disclosure.Core.Credit;

/// <summary>The kinds of bad row an import reports (and the admin form refuses).</summary>
public enum CreditProblemKind
{
    MissingValue,          // 缺少必填项
    TooLong,               // 超过长度
    BadDate,               // 日期格式错误
    FutureDate,            // 日期晚于今天
    BadCreditCode,         // 统一社会信用代码错误
    BadIdNumber,           // 身份证号码错误
    UnknownOption,         // 不是可选值（许可类别、处罚类别 …）
    BadAmount,             // 金额格式错误
    NegativeAmount,        // 金额为负数
    TooManyDecimals,       // 小数超过 6 位
    DateOrder,             // 日期先后不对
    DuplicateInFile,       // 文件内重复
    DuplicateInDatabase,   // 已存在
    PartyMismatch,         // 相对人类别与代码不符
    MissingRelated,        // 缺少关联项（罚款却无罚款金额 …）
    PeriodOutOfRange,      // 公示截止期不在公示期限内
    UnknownColumn,         // 表头有未知的列
    MissingColumn,         // 表头缺少必需的列
    BadFile,               // 文件无法读取（编码、格式）
}

/// <summary>One problem of one row: where (row number as in Excel, column label) and why, in zh-CN.</summary>
public sealed record CreditProblem(int Row, string Column, CreditProblemKind Kind, string Message)
{
    public static string KindName(CreditProblemKind kind) => kind switch
    {
        CreditProblemKind.MissingValue => "缺少必填项",
        CreditProblemKind.TooLong => "超过长度",
        CreditProblemKind.BadDate => "日期格式错误",
        CreditProblemKind.FutureDate => "日期晚于今天",
        CreditProblemKind.BadCreditCode => "统一社会信用代码错误",
        CreditProblemKind.BadIdNumber => "身份证号码错误",
        CreditProblemKind.UnknownOption => "不是可选值",
        CreditProblemKind.BadAmount => "金额格式错误",
        CreditProblemKind.NegativeAmount => "金额为负数",
        CreditProblemKind.TooManyDecimals => "小数位数过多",
        CreditProblemKind.DateOrder => "日期先后不符",
        CreditProblemKind.DuplicateInFile => "文件内重复",
        CreditProblemKind.DuplicateInDatabase => "与已有记录重复",
        CreditProblemKind.PartyMismatch => "相对人类别与代码不符",
        CreditProblemKind.MissingRelated => "缺少关联项",
        CreditProblemKind.PeriodOutOfRange => "超出公示期限",
        CreditProblemKind.UnknownColumn => "未知的列",
        CreditProblemKind.MissingColumn => "缺少列",
        CreditProblemKind.BadFile => "文件无法读取",
        _ => kind.ToString(),
    };

    public override string ToString() => $"第 {Row} 行「{Column}」：{Message}";
}
