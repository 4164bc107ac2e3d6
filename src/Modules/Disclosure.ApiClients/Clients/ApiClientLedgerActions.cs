namespace Disclosure.ApiClients.Clients;

/// <summary>
/// The client changes recorded in the 台账, about <c>api-client:{clientId}</c>. A client's own calls are recorded by
/// the modules they reach, with the client as the actor (<see cref="ActorPrefix"/>), never a person.
/// </summary>
public static class ApiClientLedgerActions
{
    public const string SubjectPrefix = "api-client:";

    /// <summary>How a client is named as the actor of a 台账 entry: <c>api:{clientId}</c> (no account name has a colon).</summary>
    public const string ActorPrefix = "api:";

    public const string Registered = "api-client-registered";
    public const string Updated = "api-client-updated";
    public const string SecretRotated = "api-client-secret-rotated";
    public const string Revoked = "api-client-revoked";
    public const string TokenIssued = "api-client-token-issued";
    public const string TokenRevoked = "api-client-token-revoked";

    public static string Subject(string clientId) => SubjectPrefix + clientId;

    public static string Actor(string clientId) => ActorPrefix + clientId;

    public static string? DisplayName(string action) => action switch
    {
        Registered => "登记接口客户端",
        Updated => "修改接口客户端",
        SecretRotated => "更换接口客户端密钥",
        Revoked => "停用接口客户端",
        TokenIssued => "签发个人访问令牌",
        TokenRevoked => "吊销个人访问令牌",
        _ => null,
    };
}
