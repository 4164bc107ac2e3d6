using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Media;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>
/// Which uploaded files a site hands out, on each engine. The public side serves a file only while the item's
/// published version refers to it: not a file only a newer draft refers to, not a stray upload, not once the item
/// is withdrawn. The admin serves a file only to staff who may see a version referring to it.
/// </summary>
public abstract class AttachmentServingTests : IAsyncLifetime
{
    protected DisclosureSite Site { get; set; } = null!;

    public abstract Task InitializeAsync();

    public async Task DisposeAsync()
    {
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_published_versions_attachment_is_served_and_a_draft_only_or_stray_one_is_refused()
    {
        await Staff.EnsureAsync(Site.Services);
        var id = $"attachments-{Guid.NewGuid():n}"[..24];
        var published = await SaveAsync("公开附件：办事指南。", "办事指南.txt");
        var draftOnly = await SaveAsync("未公开附件：内部联系人名单。", "联系人名单.txt");
        var stray = await SaveAsync("上传后未保存的文件。", "未保存.txt");

        using (var scope = Site.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var data = SampleContent.Notice("指挥中心办事指南", body: "附件为办事指南。");
            data.Root["Disclosure"] = Attachments(published);
            await content.CreateAsync("Disclosure", data, "editor", "zhzx", id);
            await content.PublishAsync(id, null, "office", SampleContent.PublishedAt);

            // A newer draft adds a second file: until it is published, that file is the office's only.
            data.Root["Disclosure"] = Attachments(published, draftOnly);
            await content.SaveDraftAsync(id, data, "editor");
        }

        var reader = Site.CreateClient(new() { AllowAutoRedirect = false });
        var served = await reader.GetAsync($"/content/{id}/attachments/{published.Path}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("公开附件：办事指南。", Encoding.UTF8.GetString(await served.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/content/{id}/attachments/{draftOnly.Path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/content/{id}/attachments/{stray.Path}")).StatusCode);

        // In the admin: the department's own 信息员 reads both files of its item; another department's 信息员 reads
        // neither (department isolation covers the published version's file too); a stray file is nobody's.
        var editor = await Staff.SignedInAsync(Site, "editor");
        Assert.Equal("公开附件：办事指南。", await editor.GetStringAsync("/admin/media/" + published.Path));
        Assert.Equal("未公开附件：内部联系人名单。", await editor.GetStringAsync("/admin/media/" + draftOnly.Path));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/media/" + stray.Path)).StatusCode);
        var otherDepartment = await Staff.SignedInAsync(Site, "editor-b");
        Assert.Equal(HttpStatusCode.NotFound, (await otherDepartment.GetAsync("/admin/media/" + draftOnly.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDepartment.GetAsync("/admin/media/" + published.Path)).StatusCode);
        var office = await Staff.SignedInAsync(Site, "office");
        Assert.Equal("未公开附件：内部联系人名单。", await office.GetStringAsync("/admin/media/" + draftOnly.Path));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/admin/media/" + stray.Path)).StatusCode);
        var anonymous = await reader.GetAsync("/admin/media/" + published.Path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/admin/login", anonymous.Headers.Location!.PathAndQuery());

        // Withdrawn, the item is a public notice only: its file is no longer served.
        using (var scope = Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().WithdrawAsync(id, "办事指南已更新。", "office");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/content/{id}/attachments/{published.Path}")).StatusCode);
    }

    private async Task<StoredMedia> SaveAsync(string text, string fileName) =>
        await Site.Services.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName, default);

    private static JsonObject Attachments(params StoredMedia[] files) => new()
    {
        ["Attachments"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["name"] = f.FileName }).ToArray()),
    };
}

public sealed class AttachmentServingSqliteTests : AttachmentServingTests
{
    public override async Task InitializeAsync()
    {
        Site = await DisclosureSite.DemoAsync();
        _ = Site.Server;
    }
}

public sealed class AttachmentServingPostgresTests : AttachmentServingTests
{
    public override async Task InitializeAsync()
    {
        Site = await DisclosureSite.DemoAsync(DatabaseProvider.PostgreSQL);
        _ = Site.Server;
    }
}

internal static class UriPaths
{
    /// <summary>The path and query of a Location header, relative or absolute.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
