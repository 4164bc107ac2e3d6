using System.Net;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;

namespace Disclosure.Contents.Items.Extensions;

/// <summary>
/// 任前公示: the comment window (公示期) and where to send comments while it is open; once it has ended the notice
/// says so plainly, so nobody sends an objection that will not be considered.
/// </summary>
public sealed class CommentWindowExtension : IItemPageExtension
{
    public const string TypeName = "PersonnelNotice";

    public const string PreAppointment = "任前公示";

    public string ContentType => TypeName;

    public IReadOnlySet<string> HandledFields { get; } = new HashSet<string> { "CommentStart", "CommentEnd", "FeedbackContact" };

    public Task<IReadOnlyList<ItemBlock>> BuildAsync(ItemPageContext context, CancellationToken cancellationToken)
    {
        var data = context.Data;
        if (data.GetString(TypeName, "Kind") != PreAppointment
            || data.GetDate(TypeName, "CommentStart") is not { } start
            || data.GetDate(TypeName, "CommentEnd") is not { } end)
        {
            return Task.FromResult<IReadOnlyList<ItemBlock>>([]);
        }

        var window = $"公示期：{DateText.Date(start)} 至 {DateText.Date(end)}";
        var contact = data.GetString(TypeName, "FeedbackContact");
        var (state, css, text) = context.Today switch
        {
            var today when today > end => ("已结束", "window-closed", $"公示期已于 {DateText.Date(end)} 结束，不再受理意见。"),
            var today when today < start => ("未开始", "window-pending", $"公示将于 {DateText.Date(start)} 开始。"),
            _ => ("进行中", "window-open", contact is null ? "公示期内欢迎反映意见。" : contact),
        };

        var html = $"<p class=\"window-dates\">{WebUtility.HtmlEncode(window)}（{state}）</p><p>{WebUtility.HtmlEncode(text)}</p>";
        return Task.FromResult<IReadOnlyList<ItemBlock>>([new ItemBlock("公示期", html, ItemBlockPlacement.BeforeBody, "comment-window " + css)]);
    }
}
