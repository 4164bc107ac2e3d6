using Disclosure.Contents.Sites;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Site.AgencySites;

/// <summary>
/// An action for an agency's site only (<c>true</c>) or for the installation's own site only (<c>false</c>): the two
/// home pages share the path <c>/</c>, and <see cref="PublicAgency"/> decides which one answers.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AgencySiteAttribute(bool onAgencySite) : ActionMethodSelectorAttribute
{
    public override bool IsValidForRequest(RouteContext routeContext, ActionDescriptor action) =>
        (routeContext.HttpContext.RequestServices.GetService<PublicAgency>()?.IsSet ?? false) == onAgencySite;
}
