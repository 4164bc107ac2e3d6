namespace Disclosure.Storage.Workflow;

/// <summary>Who is acting: the signed-in user's name, roles and department, as the workflow rules need them.</summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, string? DepartmentCode = null)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The system itself (setup, imports, the scheduler).</summary>
    public static Actor System { get; } = new("system", new HashSet<string>());
}

/// <summary>A workflow rule was broken; the message (zh-CN) says which and why.</summary>
public sealed class WorkflowException(string message) : Exception(message);

/// <summary>The actor lacks the role (or department) an action needs.</summary>
public sealed class WorkflowForbiddenException(string message) : Exception(message);
