using Disclosure.Core.Security;
using Disclosure.Admin;
using Disclosure.Core.Calendar;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Requests.Pages.Admin.Requests;

/// <summary>
/// 登记申请: an application that arrived by letter, in person or by fax, typed in by the office from the paper form,
/// with its date of receipt under 第三十一条 (a letter: the day the office signed for it).
/// </summary>
[Authorize(Policy = RequestsModule.AdminPolicy)]
public sealed class RegisterModel(RequestService requests, RequestQueries queries) : PageModel
{
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    [BindProperty]
    public string? Channel { get; set; } = nameof(RequestChannel.Letter);

    [BindProperty]
    public string? ReceivedOn { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet() => ReceivedOn = Format.Date(queries.Today);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var details = Input.Validate(out var problems);
        foreach (var (field, message) in problems)
        {
            Errors[field] = message;
        }

        if (!RequestNames.TryParse<RequestChannel>(Channel, out var channel) || channel == RequestChannel.Online)
        {
            Errors["Channel"] = "请选择申请方式（信函、当面递交或传真）。";
        }

        if (!CalendarRules.TryParseDate(ReceivedOn, out var received, out var dateError))
        {
            Errors["ReceivedOn"] = dateError!;
        }

        if (Errors.Count == 0)
        {
            try
            {
                var request = await requests.RegisterAsync(details! with { AgencyCode = User.ToActor().AgencyCode }, channel, received, User.Identity!.Name!, cancellationToken);
                TempData["Message"] = $"已登记申请 {request.Number}，查询码 {TrackingCode.Format(request.TrackingCode)}（请随受理回执告知申请人）。";
                return Redirect($"/admin/requests/{request.Number}");
            }
            catch (RequestException ex)
            {
                Errors["ReceivedOn"] = ex.Message;
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
