using System.Reflection;
using GraphQL.Types;

namespace Disclosure.GraphQL.Schema;

/// <summary>
/// An object type made from a public record another module already gives the REST API (<c>PublicLicence</c>,
/// <c>ChangeItem</c> …), so both APIs answer with the same shape and values. Only the record's properties become
/// fields: its methods (<c>Contains</c>, the compiler's <c>Deconstruct</c>) are not data.
/// </summary>
public abstract class RecordGraphType<T> : AutoRegisteringObjectGraphType<T>
{
    protected RecordGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    protected override IEnumerable<MemberInfo> GetRegisteredMembers() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0);
}
