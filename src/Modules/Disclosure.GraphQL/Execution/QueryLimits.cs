using Disclosure.GraphQL.Options;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;

namespace Disclosure.GraphQL.Execution;

/// <summary>
/// Depth and complexity limits (GraphQL.NET's complexity analysis), refused with zh-CN messages before anything runs.
/// A list counts once per row it may return: its own <c>pageSize</c> or <c>limit</c> argument, or its parent field's
/// (<c>contents(pageSize: 100) { items { … } }</c>), else <see cref="DefaultListSize"/>.
/// </summary>
public sealed class QueryLimits(GraphQLOptions options) : ComplexityValidationRule(Configure(options))
{
    public const int DefaultListSize = 20;

    private static readonly string[] SizeArguments = ["pageSize", "limit"];

    private readonly GraphQLOptions _limits = options;

    private static ComplexityOptions Configure(GraphQLOptions options) => new()
    {
        MaxDepth = options.MaxDepth,
        MaxComplexity = options.MaxComplexity,
        DefaultComplexityImpactDelegate = Impact,
    };

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (maxDepth > _limits.MaxDepth)
        {
            context.ReportError(new LimitError(GraphQLErrorCodes.TooDeep, $"查询嵌套过深：共 {maxDepth} 层，最多允许 {_limits.MaxDepth} 层。请减少嵌套的层数。"));
        }
        else if (totalComplexity > _limits.MaxComplexity)
        {
            context.ReportError(new LimitError(GraphQLErrorCodes.TooComplex,
                $"查询过于复杂：复杂度约为 {Math.Ceiling(totalComplexity):0}，最多允许 {_limits.MaxComplexity}。请减少字段、别名或每页条数，或分多次查询。"));
        }

        return ValueTask.CompletedTask;
    }

    private static FieldComplexityResult Impact(FieldImpactContext context)
    {
        if (!IsList(context.FieldDefinition.ResolvedType))
        {
            return new FieldComplexityResult(1, 1);
        }

        var size = SizeOf(context) ?? (context.Parent is { } parent && !IsList(parent.FieldDefinition.ResolvedType) ? SizeOf(parent) : null);
        return new FieldComplexityResult(1, size ?? DefaultListSize);
    }

    private static double? SizeOf(FieldImpactContext context)
    {
        foreach (var name in SizeArguments)
        {
            if (context.Arguments?.TryGetValue(name, out var argument) == true && argument.Value is int size and > 0)
            {
                return size;
            }
        }

        return null;
    }

    private static bool IsList(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => IsList(nonNull.ResolvedType),
        ListGraphType => true,
        _ => false,
    };

    /// <summary>A refused query, with this module's error code in place of the library's.</summary>
    private sealed class LimitError : ComplexityError
    {
        public LimitError(string code, string message)
            : base(message) => Code = code;
    }
}
