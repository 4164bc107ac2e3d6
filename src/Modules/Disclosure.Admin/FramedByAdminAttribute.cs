namespace Disclosure.Admin;

/// <summary>
/// A read-only admin page that the admin shows inside its own pages (the review screens' 预览 of the body as the
/// public will see it): it may be framed by this site, never by another. It must carry no action of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FramedByAdminAttribute : Attribute;
