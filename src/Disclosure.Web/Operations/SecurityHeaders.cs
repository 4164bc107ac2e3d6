using Disclosure.Admin;
namespace Disclosure.Web.Operations;

/// <summary>
/// The browser-side defences sent with every response, error pages and 503s included. Neither the theme nor the
/// admin has any script or inline style (the reader preferences are plain links, Markdown is rendered without
/// <c>style</c> attributes), so the Content-Security-Policy allows only this site's own files: an injected
/// <c>&lt;script&gt;</c> or <c>style="…"</c> is refused by the browser even if it ever got past the sanitiser. The
/// admin may not be framed at all (clickjacking of the review buttons), except the read-only pages marked
/// <see cref="FramedByAdminAttribute"/>, which only the admin itself may frame; the public site only by itself.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; ";

    public const string AdminContentSecurityPolicy = Policy + "frame-ancestors 'none'";
    public const string AdminPreviewContentSecurityPolicy = Policy + "frame-ancestors 'self'";
    public const string PublicContentSecurityPolicy = Policy + "frame-ancestors 'self'";

    /// <summary>
    /// The API reference (<see cref="Api.V1.ApiReference"/>) starts its script inline and styles itself at run time. It
    /// shows the OpenAPI document and nothing anyone typed, so inline code is allowed there and nowhere else; every
    /// source is still this site's own.
    /// </summary>
    public const string ApiReferenceContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>
    /// Adds the headers as the response starts, so responses written by error handlers (which clear the headers) get
    /// them too. Put it after the overload queue and the anonymous fast path: a page answered from the page cache
    /// repeats the headers it was rendered with, and the queue's 503 adds them itself (<see cref="Apply"/>).
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static void Apply(HttpContext context)
    {
        var admin = context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);
        var framedByAdmin = admin && context.GetEndpoint()?.Metadata.GetMetadata<FramedByAdminAttribute>() is not null;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(Api.V1.ApiReference.Path, StringComparison.OrdinalIgnoreCase)
            ? ApiReferenceContentSecurityPolicy
            : !admin ? PublicContentSecurityPolicy : framedByAdmin ? AdminPreviewContentSecurityPolicy : AdminContentSecurityPolicy;
        headers.XFrameOptions = admin && !framedByAdmin ? "DENY" : "SAMEORIGIN";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
    }
}
