namespace Disclosure.GraphQL.Access;

/// <summary>The per-request context resolvers see: who is asking.</summary>
public sealed class GraphQLUserContext(GraphQLCaller caller) : Dictionary<string, object?>
{
    public GraphQLCaller Caller { get; } = caller;
}
