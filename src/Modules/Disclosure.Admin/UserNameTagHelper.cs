using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Disclosure.Admin;

/// <summary>
/// <c>&lt;user-name login="@v.CreatedBy" /&gt;</c> renders the person behind a login name as every admin page shows
/// people: 姓名（部门）, with the login name as the tooltip. <c>name-only</c> leaves the department out.
/// </summary>
[HtmlTargetElement("user-name", Attributes = "login", TagStructure = TagStructure.WithoutEndTag)]
public sealed class UserNameTagHelper(UserDirectory directory) : TagHelper
{
    public string? Login { get; set; }

    public bool NameOnly { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var person = await directory.FindAsync(Login);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "person");
        if (!person.IsMachine && person.Name != person.UserName)
        {
            output.Attributes.SetAttribute("title", "登录名：" + person.UserName);
        }

        output.Content.SetContent(NameOnly ? person.Name : person.Label);
    }
}
