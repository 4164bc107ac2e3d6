using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.ApiClients;

/// <summary>
/// A zh-CN problem-details answer written outside an endpoint (the authentication handler's challenge, the idempotency
/// middleware), with the host's JSON options so it reads like every other API answer.
/// </summary>
internal static class ApiProblem
{
    public static Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail }, (JsonSerializerOptions?)null,
            "application/problem+json", http.RequestAborted);
    }
}
