namespace Disclosure.Accounts;

/// <summary>The department and role fields shared by the new-account and edit-account forms.</summary>
public sealed record AccountFieldsModel(AccountChoices Choices, string? Department, IReadOnlyCollection<string> Roles);
