using Disclosure.Core.ContentManagement.Validation;

namespace Disclosure.Storage.Content;

/// <summary>The content did not pass validation; nothing was saved.</summary>
public sealed class ContentValidationException(IReadOnlyList<ValidationError> errors)
    : Exception("内容校验未通过：" + string.Join("；", errors))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>No such content item or version.</summary>
public sealed class ContentNotFoundException(string message) : Exception(message);

/// <summary>The action does not fit the item's current state (e.g. withdrawing an unpublished item).</summary>
public sealed class ContentStateException(string message) : Exception(message);

/// <summary>A stored version no longer matches its recorded hash: it was altered outside the application.</summary>
public sealed class ContentIntegrityException(string message) : Exception(message);
