using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Errors.Custom;

namespace Disclosure.GraphQL.Execution;

/// <summary>
/// Writes errors for the caller in zh-CN. This module's own errors already are; the library's syntax and validation
/// errors are translated where the message is common and otherwise introduced in zh-CN with the library's precise
/// English detail kept after it. Exception details (types, stack traces) are never written.
/// </summary>
public sealed partial class ChineseErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeData = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        info.Message = Translate(executionError);
        return info;
    }

    internal static string Translate(ExecutionError error)
    {
        if (error is DisclosureGraphQLError || error is ComplexityError || ContainsChinese(error.Message))
        {
            return error.Message;
        }

        var message = error.Message;
        if (error.Code == "SYNTAX_ERROR")
        {
            return $"查询语句有语法错误：{message}";
        }

        if (error is ValidationError)
        {
            return UnknownField().Match(message) is { Success: true } field ? $"类型“{field.Groups[2].Value}”上没有字段“{field.Groups[1].Value}”。"
                : UnknownArgument().Match(message) is { Success: true } argument ? $"字段“{argument.Groups[2].Value}”没有参数“{argument.Groups[1].Value}”。"
                : MissingArgument().Match(message) is { Success: true } missing ? $"字段“{missing.Groups[1].Value}”缺少必填参数“{missing.Groups[2].Value}”。"
                : $"查询无效：{message}";
        }

        return $"查询无法执行：{message}";
    }

    private static bool ContainsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex("^Cannot query field '([^']+)' on type '([^']+)'")]
    private static partial Regex UnknownField();

    [GeneratedRegex("^Unknown argument '([^']+)' on field '([^']+)'")]
    private static partial Regex UnknownArgument();

    [GeneratedRegex("^Field '([^']+)' argument '([^']+)' of type '[^']+' is required")]
    private static partial Regex MissingArgument();
}
