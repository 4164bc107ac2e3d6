using Disclosure.Admin;
using Disclosure.Contents.Review;
using Disclosure.Media;
using Disclosure.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Contents.Admin;

/// <summary>The admin's own route to attachments, for checking them before publication.</summary>
public static class AdminMediaEndpoint
{
    /// <summary>
    /// Staff download an attachment to check it (保密审查 reads attachments too) — only one a version they may see
    /// refers to (<see cref="ItemAccess"/>); anything else is 404, like a file that does not exist.
    /// </summary>
    public static void MapAdminMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/admin/media/{**path}", async (string path, MediaStore store, ItemAccess access, HttpContext context) =>
        {
            if (!IsSafe(path) || !store.Exists(path) || !await access.MaySeeMediaAsync(context.User, path, context.RequestAborted))
            {
                return Results.NotFound();
            }

            new FileExtensionContentTypeProvider().TryGetContentType(path, out var contentType);
            return Results.Stream(store.OpenRead(path), contentType ?? "application/octet-stream", Path.GetFileName(path));
        }).RequireAuthorization(AdminPolicies.Staff).ExcludeFromDescription();

    private static bool IsSafe(string path) =>
        !path.Contains("..", StringComparison.Ordinal) && !path.Contains('\\') && !Path.IsPathRooted(path);
}
