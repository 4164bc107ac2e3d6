using System.Text.Encodings.Web;
using System.Text.Unicode;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Web.Api.V1;
using Disclosure.Web.Setup;

var builder = WebApplication.CreateBuilder(args);

var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
storage.DataFolder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, storage.DataFolder));
builder.Services.AddDisclosureStorage(storage);
builder.Services.Configure<SetupOptions>(builder.Configuration.GetSection(SetupOptions.SectionName));

builder.Services
    .AddIdentityCore<DisclosureUser>(options =>
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = false;
    })
    .AddRoles<DisclosureRole>()
    .AddEntityFrameworkStores<DisclosureDbContext>();

builder.Services.ConfigureHttpJsonOptions(options =>
{
    // Chinese stays readable in responses instead of \u escapes.
    options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
});
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi("v1", options =>
{
    options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "Disclosure 政府信息公开 API";
        document.Info.Description = "已发布内容的只读接口与变更流。";
        document.Info.Version = "v1";
        return Task.CompletedTask;
    });
});

var app = builder.Build();

await SiteSetup.RunAsync(app.Services);

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi("/openapi/{documentName}.json");
var api = app.MapGroup("/api/v1");
api.MapContentApi();
api.MapChangesApi();

app.MapGet("/", () => Results.Json(new
{
    name = "Disclosure 政府信息公开平台",
    api = "/api/v1/content",
    changes = "/api/v1/changes",
    openapi = "/openapi/v1.json",
})).ExcludeFromDescription();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
