namespace Disclosure.Contents.Admin;

/// <summary>
/// A content type another module compiles on its own page (the annual report, whose figures come from the records):
/// the content editor never opens it and sends the user to <paramref name="Url"/> with <paramref name="Message"/>.
/// </summary>
public sealed record ReservedContentType(string ContentType, string Message, string Url);
