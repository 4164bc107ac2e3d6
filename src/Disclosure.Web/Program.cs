using System.Text.Encodings.Web;
using System.Text.Unicode;
using Disclosure.Accounts;
using Disclosure.Admin;
using Disclosure.ApiClients.Idempotency;
using Disclosure.Contents.Admin;
using Disclosure.GraphQL.Endpoint;
using Disclosure.Modules;
using Disclosure.Requests.Admin;
using Disclosure.Search;
using Disclosure.Site;
using Disclosure.Site.Theming;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Disclosure.Web.Admin;
using Disclosure.Web.Api.V1;
using Disclosure.Web.Operations;
using Disclosure.Web.Setup;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;

var builder = WebApplication.CreateBuilder(args);
// Themes are Razor class libraries; their CSS is served from the build output too, not only in Development.
builder.WebHost.UseStaticWebAssets();
if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
{
    // One JSON object per line, with scopes (request id, trace id), for the office's log collector.
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
}
else
{
    // The plain console format writes no scopes, so the logging scope the host opens for every request (request id,
    // trace id) would be built and thrown away each time: about a sixth of what a cached page costs. The category's
    // only messages are the per-request lines at Information, below the default level; the JSON format keeps both.
    builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
}

var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
storage.DataFolder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, storage.DataFolder));
builder.Services.AddDisclosureStorage(storage);
builder.Services.AddDisclosureModules(InstalledModules.All);
// The data protection keys (sign-in and antiforgery cookies, sealed download links, the linked 政务微博 accounts'
// tokens) live beside the 台账 keys, so every node given the same keys folder reads what another node sealed.
builder.Services.AddDataProtection()
    .SetApplicationName("Disclosure")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(builder.Configuration["DataProtection:KeysFolder"] ?? Path.Combine(storage.DataFolder, "keys", "data-protection"))));
builder.Services.AddScoped<Disclosure.Modules.Export.SiteExporter>();
builder.Services.AddOptions<LedgerKeyOptions>().BindConfiguration(LedgerKeyOptions.SectionName);
builder.Services.AddOptions<SetupOptions>().BindConfiguration(SetupOptions.SectionName);
builder.Services.AddPublicRateLimiting(builder.Configuration);
RequestLimitOptions.AddRequestLimits(builder.Services, builder.Configuration, builder.WebHost);
// No "Server: Kestrel" on every answer: site inspections (等保测评) report a named server as information disclosure.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddOverloadProtection(builder.Configuration);

builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "disclosure.antiforgery";
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AddPageRoute("/Admin/Content/Edit", "/admin/content/new");
    options.Conventions.AuthorizeFolder("/Admin", AdminPolicies.Staff);
    options.Conventions.AllowAnonymousToPage("/Admin/Login");
    options.Conventions.AllowAnonymousToPage("/Admin/Denied");
});

builder.Services.ConfigureHttpJsonOptions(options =>
{
    // Chinese stays readable in responses instead of \u escapes.
    options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
});
// Razor writes Chinese as characters rather than &#x...; entities: pages stay readable and half the size.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblemDetails.Customize);
// A parameter that fails to bind answers 400 in every environment (not an exception page in Development), so the
// API's zh-CN problem details are the same everywhere.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
builder.Services.AddOpenApi("v1", options =>
{
    options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "Disclosure 政府信息公开 API";
        document.Info.Description = "已发布内容的读取接口与变更流；接口客户端（办公自动化等系统）的草稿写接口、附件上传和上报审核。" +
            "审核、发布和撤回不对接口开放。接入说明见 docs/api-clients.md。";
        document.Info.Version = "v1";
        return Task.CompletedTask;
    });
    ApiClientSecurity.Describe(options);
    ApiExamples.Describe(options);
});

var app = builder.Build();

if (args.Contains(IntegrityCommand.Name))
{
    return await IntegrityCommand.RunAsync(app.Services, args);
}

// Restore needs an empty target, so it runs before set-up and migrations would create the database; backup copies
// the database as it is and changes nothing, so it runs before them too.
if (args.Contains(RestoreCommand.Name))
{
    return await RestoreCommand.RunAsync(app.Services, args);
}

if (args.Contains(BackupCommand.Name))
{
    return await BackupCommand.RunAsync(app.Services, args);
}

ThemeCheck.EnsureInstalled(app.Services);
if (args.Contains("rebuild-search-index"))
{
    return await SearchIndexCommand.RunAsync(app.Services);
}

await SiteSetup.RunAsync(app.Services);
if (args.Contains(RotateLedgerKeyCommand.Name))
{
    return await RotateLedgerKeyCommand.RunAsync(app.Services);
}

if (args.Contains(ExportCommand.Name))
{
    return await ExportCommand.RunAsync(app.Services, args);
}

if (args.Contains(Disclosure.AnnualReports.Admin.AnnualReportSampleCommand.Name))
{
    return await Disclosure.AnnualReports.Admin.AnnualReportSampleCommand.RunAsync(app.Services, args);
}

app.UseOverloadProtection();
app.UseDisclosureSiteFastPath();
app.UseSecurityHeaders();
app.UseAgencySites();
app.UseDisclosureSiteErrorPages();
app.UsePageParameterGuard();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseForcedPasswordChange();
app.UseAuthorization();
app.UseRateLimiter();
app.UseApiClientIdempotency();
app.UseMiddleware<RequestBodyGuard>();
app.UseDisclosureSiteCaching();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapApiReference();
var api = app.MapGroup("/api/v1");
foreach (var module in app.Services.GetServices<IDisclosureModule>())
{
    module.MapEndpoints(api);
}
app.MapGraphQL();
app.MapRazorPages();
app.MapControllers();
app.MapHealthEndpoints();
app.MapAdminMedia();

app.Run();
return 0;

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
