namespace Disclosure.Core.ContentManagement.Validation;

/// <summary>One problem with submitted content: where (<c>Part.Field</c>, or <c>Part.Field[2]</c>) and a zh-CN message.</summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}：{Message}";
}
