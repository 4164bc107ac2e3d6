namespace Disclosure.Media;

/// <summary>
/// An attachment as stored. <see cref="Path"/> is relative to the store root with '/' separators
/// (<c>2026/11/3f2a…e1.pdf</c>) so it can be kept in the database and survive moving the store;
/// <see cref="FileName"/> is the sanitised name the user uploaded, for display and downloads only;
/// <see cref="Sha256"/> is lower-case hex, so a published attachment can be checked for tampering.
/// </summary>
public sealed record StoredMedia(string Path, string FileName, string MediaType, MediaKind Kind, long Size, string Sha256);
