namespace Disclosure.Core.Tables;

/// <summary>The kinds of bad row an import reports (and the admin form refuses).</summary>
public enum ImportProblemKind
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
    InvalidValue,          // 不符合字段要求（内容类型的校验规则）
}

/// <summary>One problem of one row: where (row number as in Excel, column label) and why, in zh-CN.</summary>
public sealed record ImportProblem(int Row, string Column, ImportProblemKind Kind, string Message)
{
    public static string KindName(ImportProblemKind kind) => kind switch
    {
        ImportProblemKind.MissingValue => "缺少必填项",
        ImportProblemKind.TooLong => "超过长度",
        ImportProblemKind.BadDate => "日期格式错误",
        ImportProblemKind.FutureDate => "日期晚于今天",
        ImportProblemKind.BadCreditCode => "统一社会信用代码错误",
        ImportProblemKind.BadIdNumber => "身份证号码错误",
        ImportProblemKind.UnknownOption => "不是可选值",
        ImportProblemKind.BadAmount => "金额格式错误",
        ImportProblemKind.NegativeAmount => "金额为负数",
        ImportProblemKind.TooManyDecimals => "小数位数过多",
        ImportProblemKind.DateOrder => "日期先后不符",
        ImportProblemKind.DuplicateInFile => "文件内重复",
        ImportProblemKind.DuplicateInDatabase => "与已有记录重复",
        ImportProblemKind.PartyMismatch => "相对人类别与代码不符",
        ImportProblemKind.MissingRelated => "缺少关联项",
        ImportProblemKind.PeriodOutOfRange => "超出公示期限",
        ImportProblemKind.UnknownColumn => "未知的列",
        ImportProblemKind.MissingColumn => "缺少列",
        ImportProblemKind.BadFile => "文件无法读取",
        ImportProblemKind.InvalidValue => "不符合字段要求",
        _ => kind.ToString(),
    };

    public override string ToString() => $"第 {Row} 行「{Column}」：{Message}";
}
