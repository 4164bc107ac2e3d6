namespace Disclosure.Search.Querying;

/// <summary>What the public is told when a query cannot be run (zh-CN). Never an exception, never a 500.</summary>
public static class QueryMessages
{
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 20;

    public const string Empty = "请输入检索词。";
    public static readonly string TooLong = $"检索词过长，请控制在 {MaxQueryLength} 个字以内。";
    public static readonly string TooManyTerms = $"检索词过多，请精简到 {MaxTerms} 个以内。";
    public const string UnbalancedQuotes = "检索词中的引号不成对，请补全或删除引号后重试。";
    public const string EmptyQuotes = "引号内没有内容，请在引号中输入要精确查找的词语。";
    public const string NothingSearchable = "检索词中没有可检索的文字或数字，请输入汉字、字母或数字。";
    public const string OnlyExclusions = "请至少输入一个要查找的词语，不能只有排除条件（以“-”或 NOT 开头的词）。";
    public const string ExclusionInOr = "“OR”两侧应是要查找的词语，不能是排除条件。";

    public static string LoneOperator(string op) => op is "*" or "?"
        ? $"通配符“{op}”不能单独使用，请输入要查找的文字（输入词语的一部分即可查到包含它的内容）。"
        : $"“{op}”是检索运算符，不能单独使用，请输入要查找的文字。";

    public static string MissingAfter(string op) => $"运算符“{op}”后面缺少检索词。";

    public static string MissingBefore(string op) => $"运算符“{op}”前面缺少检索词。";

    public static string Adjacent(string first, string second) => $"运算符“{first}”和“{second}”之间缺少检索词。";
}
