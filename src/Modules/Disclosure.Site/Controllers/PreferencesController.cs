using Disclosure.Site.Preferences;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Controllers;

/// <summary>Sets the reader's font size or contrast and goes back to the page they were on.</summary>
public sealed class PreferencesController : Controller
{
    [HttpGet("/preferences")]
    public IActionResult Set(string? font, string? contrast, string? returnUrl)
    {
        ReaderPreferences.From(HttpContext).With(font, contrast).Save(Response);
        // Only a local address: an open redirect here would let anyone bounce readers off our domain.
        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
