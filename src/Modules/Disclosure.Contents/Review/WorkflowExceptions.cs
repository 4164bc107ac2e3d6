namespace Disclosure.Contents.Review;

/// <summary>A workflow rule was broken; the message (zh-CN) says which and why.</summary>
public sealed class WorkflowException(string message) : Exception(message);

/// <summary>The actor lacks the role (or department) an action needs.</summary>
public sealed class WorkflowForbiddenException(string message) : Exception(message);
