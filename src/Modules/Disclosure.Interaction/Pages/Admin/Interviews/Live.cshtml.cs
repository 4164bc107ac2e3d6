using Disclosure.Contents.Admin;
using Disclosure.Interaction.Interviews;
using Disclosure.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Interviews;

/// <summary>
/// The 文字直播 of one interview: post an entry (主持人, a guest, or a 网友提问 quoting an approved question) with text
/// and an optional picture, published at once or kept as a draft; publish a draft; withdraw a published entry. The
/// picture is checked by its content (<see cref="MediaStore"/>) and must be a JPEG, PNG or GIF. Every action goes to
/// the 台账.
/// </summary>
[Authorize(Policy = InteractionModule.InterviewsPolicy)]
[ContentItemAccess]
public sealed class LiveModel(InterviewStore store, MediaStore media) : PageModel
{
    private static readonly HashSet<MediaKind> Pictures = [MediaKind.Jpeg, MediaKind.Png, MediaKind.Gif];

    public InterviewInfo Interview { get; private set; } = null!;

    public IReadOnlyList<InterviewEntryRecord> Entries { get; private set; } = [];

    public IReadOnlyList<InterviewQuestionRecord> Approved { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Notice { get; private set; }

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice = Request.Query["done"].ToString() switch
        {
            "posted" => "已发布。",
            "draft" => "已保存为草稿，发布后读者才能看到。",
            "published" => "草稿已发布。",
            "withdrawn" => "已撤回，读者刷新页面后不再看到该条。",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, IFormFile? picture, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var speaker = Input.Kind switch
        {
            InterviewEntryKind.Host => string.IsNullOrWhiteSpace(Input.Host) ? "主持人" : Input.Host,
            InterviewEntryKind.Guest => Input.Guest,
            _ => null,
        };
        if (Input.Kind == InterviewEntryKind.Guest && Interview.Guests.All(g => g.Label != Input.Guest))
        {
            Errors.Add("请选择发言的嘉宾。");
        }

        if (Input.Kind == InterviewEntryKind.Question && Approved.All(q => q.Id != Input.QuestionId))
        {
            Errors.Add("请选择一条已审核通过的网友提问。");
        }

        if (Input.Kind != InterviewEntryKind.Question && string.IsNullOrWhiteSpace(Input.Text))
        {
            Errors.Add("请填写直播内容。");
        }

        string? picturePath = null;
        if (Errors.Count == 0 && picture is { Length: > 0 })
        {
            try
            {
                await using (var check = picture.OpenReadStream())
                {
                    var (checkedMedia, _) = await media.CheckAsync(check, picture.FileName, cancellationToken);
                    if (!Pictures.Contains(checkedMedia.Kind))
                    {
                        throw new MediaRejectedException("直播图片只能是 JPG、PNG 或 GIF 图片。");
                    }
                }

                await using var upload = picture.OpenReadStream();
                picturePath = (await media.SaveAsync(upload, picture.FileName, cancellationToken)).Path;
            }
            catch (MediaRejectedException ex)
            {
                Errors.Add(ex.Message);
            }
        }

        if (picturePath is not null && string.IsNullOrWhiteSpace(Input.PictureAlt))
        {
            Errors.Add("请为图片填写文字说明（供读屏软件朗读）。");
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        try
        {
            await store.PostEntryAsync(id, new NewInterviewEntry(Input.Kind, speaker, Input.QuestionId, Input.Text ?? string.Empty, picturePath, Input.PictureAlt, Input.Publish),
                User.Identity!.Name!, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            Errors.Add(ex.Message.Split(" (Parameter", 2)[0]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return Redirect(InterviewAdminUrls.Live(id) + (Input.Publish ? "?done=posted" : "?done=draft"));
    }

    public async Task<IActionResult> OnPostPublishAsync(string id, long entryId, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is not null && await store.PublishEntryAsync(id, entryId, User.Identity!.Name!, cancellationToken)
            ? Redirect(InterviewAdminUrls.Live(id) + "?done=published")
            : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(string id, long entryId, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is not null && await store.WithdrawEntryAsync(id, entryId, User.Identity!.Name!, cancellationToken)
            ? Redirect(InterviewAdminUrls.Live(id) + "?done=withdrawn")
            : NotFound();

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } interview)
        {
            return false;
        }

        Interview = interview;
        Entries = await store.AllEntriesAsync(id, cancellationToken);
        Approved = await store.ApprovedQuestionsAsync(id, cancellationToken);
        return true;
    }

    /// <summary>The entry form.</summary>
    public sealed class EntryInput
    {
        public InterviewEntryKind Kind { get; set; } = InterviewEntryKind.Host;

        /// <summary>主持人's name, e.g. “主持人 李岩”.</summary>
        public string? Host { get; set; }

        /// <summary>The guest's label (<see cref="InterviewGuest.Label"/>).</summary>
        public string? Guest { get; set; }

        public long? QuestionId { get; set; }

        public string? Text { get; set; }

        public string? PictureAlt { get; set; }

        public bool Publish { get; set; } = true;
    }
}
