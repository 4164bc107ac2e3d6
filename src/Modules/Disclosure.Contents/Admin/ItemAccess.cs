using System.Security.Claims;
using System.Text.Json.Nodes;
using Disclosure.Admin;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Admin;

/// <summary>
/// Applies <see cref="ContentAccess"/> (agency and department isolation) to what an admin request names: an item by its id, an
/// attachment by its path. Every admin page handler that touches an item asks <see cref="MaySeeItemAsync"/> before
/// anything else; the answer for an item the user may not see is 404, exactly as for one that does not exist, so
/// another department's drafts are not even confirmed to exist.
/// </summary>
public sealed class ItemAccess(DisclosureDbContext db)
{
    public async Task<bool> MaySeeItemAsync(ClaimsPrincipal user, string contentItemId, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);
        return item is not null && ContentAccess.MaySee(user.ToActor(), item);
    }

    /// <summary>
    /// An uploaded file is served in the admin only to someone who may see a version referring to it: a file no
    /// version refers to (uploaded, then dropped before saving) is served to nobody.
    /// </summary>
    public async Task<bool> MaySeeMediaAsync(ClaimsPrincipal user, string path, CancellationToken cancellationToken)
    {
        // The database narrows by text; the JSON is then read to be sure the path is an attachment's, not prose.
        var quoted = "\"" + path + "\"";
        var candidates = await db.ContentVersions.AsNoTracking()
            .VisibleTo(user.ToActor())
            .Where(v => v.DataJson.Contains(quoted))
            .Select(v => v.DataJson)
            .ToListAsync(cancellationToken);
        return candidates.Any(json => RefersTo(JsonNode.Parse(json), path));
    }

    private static bool RefersTo(JsonNode? node, string path) => node switch
    {
        JsonObject o when o["path"] is JsonValue value && value.TryGetValue<string>(out var p) && p == path => true,
        JsonObject o => o.Any(property => RefersTo(property.Value, path)),
        JsonArray a => a.Any(element => RefersTo(element, path)),
        _ => false,
    };
}
