namespace Disclosure.ApiClients.Clients;

/// <summary>A place a client may work for: an agency (its own items, <c>agency|</c>) or one of its departments (<c>agency|department</c>).</summary>
public sealed record ApiClientPlace(string Value, string Label, string AgencyCode)
{
    public static string Describe(IReadOnlyList<ApiClientPlace> places, string agency, string? department) =>
        places.FirstOrDefault(p => p.Value == $"{agency}|{department}")?.Label ?? $"{agency}{(department is null ? null : " · " + department)}";
}
