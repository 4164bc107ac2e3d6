using System.Text.Json.Nodes;
using Disclosure.Admin;
using Disclosure.Contents.Admin;
using Disclosure.Contents.Rendering;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.ContentManagement.Validation;
using Disclosure.Core.Disclosure;
using Disclosure.Core.Time;
using Disclosure.Media;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Contents.Pages.Admin.Content;

/// <summary>Creates (<c>/admin/content/new?type=…</c>) and edits any content type from its definition.</summary>
[Authorize(Policy = ContentsModule.EditingPolicy)]
[RequestSizeLimit(100 * 1024 * 1024)]
public sealed class EditModel(
    ContentAdminQuery query,
    ContentDefinitionStore definitions,
    ContentManager contentManager,
    MediaStore media,
    AdminLookups lookups,
    ItemAccess access,
    IEnumerable<ReservedContentType> reserved,
    TimeProvider clock) : PageModel
{
    [FromRoute]
    public string? Id { get; set; }

    public bool IsNew => Id is null;

    public ContentTypeDefinition Type { get; private set; } = null!;

    public string? Title { get; private set; }

    public IReadOnlyList<FormPart> Parts { get; private set; } = [];

    public FormChoices Choices { get; private set; } = null!;

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public string? PreviewHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? type, CancellationToken cancellationToken)
    {
        if (await LoadAsync(type, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ContentData data;
        if (IsNew)
        {
            data = Defaults();
        }
        else
        {
            var latest = await query.LatestVersionAsync(Id!, cancellationToken);
            data = ContentData.Parse(latest.DataJson);
        }

        await ShowAsync(data, [], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? type, CancellationToken cancellationToken) =>
        await SaveOrPreviewAsync(type, preview: false, cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(string? type, CancellationToken cancellationToken) =>
        await SaveOrPreviewAsync(type, preview: true, cancellationToken);

    private async Task<IActionResult> SaveOrPreviewAsync(string? type, bool preview, CancellationToken cancellationToken)
    {
        if (await LoadAsync(type, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (uploads, uploadErrors) = await StoreUploadsAsync(cancellationToken);
        var data = ContentForm.Read(Type, Request.Form, uploads);
        if (preview || uploadErrors.Count > 0)
        {
            PreviewHtml = preview ? MarkdownRenderer.ToHtml(data.GetString(BuiltInParts.BodyPart, BuiltInParts.BodyField)) : null;
            await ShowAsync(data, uploadErrors, cancellationToken);
            return Page();
        }

        var user = User.ToActor();
        if (user.AgencyCode is { } own && Type.HasPart(DisclosureMetadataPart.PartName) && data.Agency != own)
        {
            // 集约化: staff publish in their own agency's name; another agency's 发布机构 would hand the item to it.
            await ShowAsync(data, [new ValidationError($"{DisclosureMetadataPart.PartName}.{DisclosureMetadataPart.Agency}", "「发布机构」只能是本机构：本机构的人员以本机构名义发布。")], cancellationToken);
            return Page();
        }

        try
        {
            var version = IsNew
                ? await contentManager.CreateAsync(Type.Name, data, user.UserName, user.DepartmentCode, cancellationToken: cancellationToken)
                : await contentManager.SaveDraftAsync(Id!, data, user.UserName, cancellationToken);
            var id = IsNew ? (await query.ContentItemIdAsync(version.ItemId, cancellationToken)) : Id!;
            TempData["Message"] = $"已保存为第 {version.Number} 版草稿。";
            return Redirect($"/admin/content/{id}");
        }
        catch (ContentValidationException ex)
        {
            await ShowAsync(data, ex.Errors, cancellationToken);
            return Page();
        }
    }

    /// <summary>Loads the type (and checks the user may edit this item); returns a result when the request cannot go on.</summary>
    private async Task<IActionResult?> LoadAsync(string? type, CancellationToken cancellationToken)
    {
        if (!IsNew)
        {
            // 谁公开，谁上报，谁负责: an editor edits their own department's items only (ContentAccess); the office any.
            var item = await query.FindAsync(Id!, cancellationToken);
            if (item is null || !await access.MaySeeItemAsync(User, Id!, cancellationToken))
            {
                return NotFound();
            }

            type = item.ContentType;
            Title = await query.LatestTitleAsync(item, cancellationToken);
        }

        if (type is null || await definitions.FindAsync(type, cancellationToken) is not { } definition)
        {
            return NotFound();
        }

        // A type another module compiles on its own page (the annual report) is never typed in here.
        if (reserved.FirstOrDefault(r => r.ContentType == definition.Name) is { } owner)
        {
            TempData["Message"] = owner.Message;
            return Redirect(owner.Url);
        }

        Type = definition;
        return null;
    }

    private async Task ShowAsync(ContentData data, IReadOnlyList<ValidationError> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        Parts = ContentForm.Describe(Type, data, errors);
        Choices = await lookups.ChoicesAsync(User.ToActor(), cancellationToken);
    }

    private async Task<(Dictionary<string, List<JsonObject>> Uploads, List<ValidationError> Errors)> StoreUploadsAsync(CancellationToken cancellationToken)
    {
        var uploads = new Dictionary<string, List<JsonObject>>();
        var errors = new List<ValidationError>();
        foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.EndsWith(".upload", StringComparison.Ordinal)))
        {
            var field = file.Name[..^".upload".Length];
            try
            {
                await using var stream = file.OpenReadStream();
                var stored = await media.SaveAsync(stream, file.FileName, cancellationToken);
                var list = uploads.TryGetValue(field, out var existing) ? existing : uploads[field] = [];
                list.Add(new JsonObject
                {
                    ["path"] = stored.Path, ["name"] = stored.FileName, ["mediaType"] = stored.MediaType,
                    ["size"] = stored.Size, ["sha256"] = stored.Sha256,
                });
            }
            catch (MediaRejectedException ex)
            {
                errors.Add(new ValidationError(field, $"附件“{file.FileName}”未上传：{ex.Message}"));
            }
        }

        return (uploads, errors);
    }

    private ContentData Defaults()
    {
        var metadata = new JsonObject
        {
            [DisclosureMetadataPart.Catalogue] = Type.DefaultCatalogue,
            [DisclosureMetadataPart.WrittenDate] = DateText.Date(ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime)),
            [DisclosureMetadataPart.Validity] = DisclosureMetadataPart.Validities.Valid,
            [DisclosureMetadataPart.Attribute] = DisclosureMetadataPart.Attributes.Proactive,
            [DisclosureMetadataPart.Channels] = new JsonArray("政府网站"),
        };
        if (User.ToActor().AgencyCode is { } agency)
        {
            metadata[DisclosureMetadataPart.Agency] = agency;
        }

        return new ContentData(new JsonObject { [DisclosureMetadataPart.PartName] = metadata });
    }
}
