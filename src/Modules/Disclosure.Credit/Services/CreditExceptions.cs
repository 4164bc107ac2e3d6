using Disclosure.Core.Tables;
using Disclosure.Credit.Models;

namespace Disclosure.Credit.Services;

/// <summary>A record was refused: every problem with its field, in zh-CN.</summary>
public sealed class CreditValidationException(IReadOnlyList<ImportProblem> problems)
    : Exception(string.Join("；", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

/// <summary>The action does not fit the record's state (publishing a withdrawn record, repairing too early …); the message says why in zh-CN.</summary>
public sealed class CreditStateException(string message) : Exception(message);

public sealed class CreditNotFoundException(string message) : Exception(message);
