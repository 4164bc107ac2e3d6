namespace Disclosure.Admin;

/// <summary>
/// An item of the admin's top menu. Each module registers its own (<c>services.AddSingleton(new AdminMenuEntry(…))</c>);
/// the layout shows those whose <see cref="Policy"/> the signed-in user meets, by <see cref="Order"/>.
/// </summary>
/// <param name="Title">The zh-CN label, e.g. 依申请公开.</param>
/// <param name="Url">Where it leads, e.g. <c>/admin/requests</c>.</param>
/// <param name="Policy">The policy (<see cref="AdminPolicies"/> or a module's) needed to see it; null for every staff member.</param>
/// <param name="Order">The position: the shell's entries use 0–100 in steps of 10, so a module can place itself between.</param>
public sealed record AdminMenuEntry(string Title, string Url, string? Policy, int Order);
