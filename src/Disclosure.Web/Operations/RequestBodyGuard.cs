using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Operations;

/// <summary>
/// Turns a request body that cannot be what a form sends — larger than the endpoint allows, a multipart body cut
/// short, thousands of fields — into a 400 or 413 with the zh-CN error page (problem details on the API) and a
/// warning in the log, instead of an exception and a 500. The form is read here, once, with the endpoint's own
/// limits (<c>[RequestSizeLimit]</c>, <c>[RequestFormLimits]</c>), so every admin and public form is covered without
/// each page handling it; it runs after authorisation, so nobody anonymous makes the admin buffer an upload.
/// </summary>
public sealed partial class RequestBodyGuard(RequestDelegate next, IOptions<RequestLimitOptions> limits, IOptions<FormOptions> forms, ILogger<RequestBodyGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        // Error pages re-executing a refused or failed request find its body already dealt with.
        if (endpoint is null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null
            || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
        {
            await next(context);
            return;
        }

        var formOptions = FormOptionsFor(endpoint);
        var limit = BodyLimit(context, endpoint);
        if (request.HasFormContentType && request.ContentType?.Contains("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            limit = limit is null ? formOptions.MultipartBodyLengthLimit : Math.Min(limit.Value, formOptions.MultipartBodyLengthLimit);
        }

        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"请求内容 {request.ContentLength} 字节，超过了 {limit} 字节的上限。", null);
            return;
        }

        if (request.HasFormContentType)
        {
            try
            {
                context.Features.Set<IFormFeature>(new FormFeature(request, formOptions));
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                // InvalidDataException: a form limit (fields, lengths); IOException, BadHttpRequestException among
                // them: a body the server refused or that ended early.
                await RefuseUnlessGoneAsync(context, exception);
                return;
            }
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when ((exception is BadHttpRequestException or Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderException) && !context.Response.HasStarted)
        {
            await RefuseUnlessGoneAsync(context, exception);
        }
    }

    private Task RefuseUnlessGoneAsync(HttpContext context, Exception exception)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return Task.CompletedTask; // the client went away mid-upload: nobody to answer
        }

        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        return RefuseAsync(context, status, "请求内容不完整或格式有误。", exception);
    }

    private async Task RefuseAsync(HttpContext context, int status, string detail, Exception? exception)
    {
        LogRefused(logger, exception, context.Request.Method, context.Request.Path.Value, status, detail);
        context.Response.Clear();
        context.Response.StatusCode = status;
        // The error page re-executes this request, and MVC reads the form of every POST it handles: it gets an empty
        // one instead of a second try at the refused body.
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(title: status == StatusCodes.Status413PayloadTooLarge ? "提交的内容过大" : "请求有误", detail: detail, statusCode: status).ExecuteAsync(context);
        }

        // Otherwise an empty answer: the status code pages render the zh-CN error page.
    }

    private long? BodyLimit(HttpContext context, Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata)
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = metadata.MaxRequestBodySize;
            }

            return metadata.MaxRequestBodySize;
        }

        // The same number Kestrel enforces (RequestLimitOptions configures it); checked here too for hosts that do not.
        return limits.Value.MaxRequestBodyBytes;
    }

    /// <summary>The site's form options with the endpoint's <c>[RequestFormLimits]</c> applied, as MVC would apply them.</summary>
    private FormOptions FormOptionsFor(Endpoint endpoint)
    {
        var defaults = forms.Value;
        var options = new FormOptions
        {
            BufferBody = defaults.BufferBody,
            MemoryBufferThreshold = defaults.MemoryBufferThreshold,
            BufferBodyLengthLimit = defaults.BufferBodyLengthLimit,
            ValueCountLimit = defaults.ValueCountLimit,
            KeyLengthLimit = defaults.KeyLengthLimit,
            ValueLengthLimit = defaults.ValueLengthLimit,
            MultipartBoundaryLengthLimit = defaults.MultipartBoundaryLengthLimit,
            MultipartHeadersCountLimit = defaults.MultipartHeadersCountLimit,
            MultipartHeadersLengthLimit = defaults.MultipartHeadersLengthLimit,
            MultipartBodyLengthLimit = defaults.MultipartBodyLengthLimit,
        };
        if (endpoint.Metadata.GetMetadata<IFormOptionsMetadata>() is { } metadata)
        {
            options.BufferBody = metadata.BufferBody ?? options.BufferBody;
            options.MemoryBufferThreshold = metadata.MemoryBufferThreshold ?? options.MemoryBufferThreshold;
            options.BufferBodyLengthLimit = metadata.BufferBodyLengthLimit ?? options.BufferBodyLengthLimit;
            options.ValueCountLimit = metadata.ValueCountLimit ?? options.ValueCountLimit;
            options.KeyLengthLimit = metadata.KeyLengthLimit ?? options.KeyLengthLimit;
            options.ValueLengthLimit = metadata.ValueLengthLimit ?? options.ValueLengthLimit;
            options.MultipartBoundaryLengthLimit = metadata.MultipartBoundaryLengthLimit ?? options.MultipartBoundaryLengthLimit;
            options.MultipartHeadersCountLimit = metadata.MultipartHeadersCountLimit ?? options.MultipartHeadersCountLimit;
            options.MultipartHeadersLengthLimit = metadata.MultipartHeadersLengthLimit ?? options.MultipartHeadersLengthLimit;
            options.MultipartBodyLengthLimit = metadata.MultipartBodyLengthLimit ?? options.MultipartBodyLengthLimit;
        }

        return options;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Method} to {Path} with {Status}: {Detail}")]
    private static partial void LogRefused(ILogger logger, Exception? exception, string method, string? path, int status, string detail);
}

/// <summary>The <c>Limits</c> section: how large a request body and how many form fields the site accepts.</summary>
public sealed class RequestLimitOptions
{
    public const string SectionName = "Limits";

    /// <summary>The largest request body (bytes) where an endpoint sets no limit of its own; Kestrel's default.</summary>
    public long MaxRequestBodyBytes { get; set; } = 30_000_000;

    /// <summary>The most fields a form may have (ASP.NET Core's default).</summary>
    public int MaxFormFields { get; set; } = 1024;

    public static IServiceCollection AddRequestLimits(IServiceCollection services, IConfiguration configuration, IWebHostBuilder host)
    {
        var options = configuration.GetSection(SectionName).Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        services.Configure<RequestLimitOptions>(configuration.GetSection(SectionName));
        services.Configure<FormOptions>(form => form.ValueCountLimit = options.MaxFormFields);
        host.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        return services;
    }
}
