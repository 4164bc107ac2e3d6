using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Controllers;

/// <summary>Friendly zh-CN error pages, re-executed by the status-code and exception middleware.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Status([FromRoute] int code) // from the route only: a re-executed POST may carry a form field named "code"
    {
        var page = code switch
        {
            404 or 410 => new ErrorPage(code, "页面不存在", "您访问的页面不存在、已撤回或已被移动。可以从首页、信息公开目录或站内搜索查找所需信息。"),
            403 => new ErrorPage(code, "无权访问", "您没有访问该页面的权限。"),
            405 => new ErrorPage(code, "请求方式有误", "该页面不接受这种请求方式，请从页面上的链接或按钮进入后重试。"),
            413 => new ErrorPage(code, "提交的内容过大", "提交的内容超过了允许的大小，请减少附件或内容后重试。"),
            415 => new ErrorPage(code, "提交的内容格式有误", "提交的内容格式不受支持，请通过页面上的表单提交。"),
            429 => new ErrorPage(code, "操作过于频繁", "您的操作过于频繁，请稍后再试。"),
            // Every other client error keeps its own status: shown as 500 it would read as a fault of the site, and
            // site-inspection scanners count 5xx answers against the site.
            >= 400 and < 500 => new ErrorPage(code, "请求有误", "请求的地址或参数有误，请检查后重试。"),
            _ => new ErrorPage(code >= 500 ? code : 500, "服务暂时不可用", "网站暂时无法处理您的请求，我们已记录此问题，请稍后再试。"),
        };
        Response.StatusCode = page.StatusCode;
        return View(page);
    }
}
