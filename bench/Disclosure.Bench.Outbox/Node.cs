using System.Text.Json.Nodes;
using Disclosure.Channels;
using Disclosure.Channels.Outbox;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Recipes;
using Disclosure.Media;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Disclosure.Bench.Outbox;

/// <summary>A site node as far as the outbox goes: storage, media, channels (the app webhook pointing at the receiver).</summary>
public sealed class Node : IAsyncDisposable
{
    private readonly IHost _host;

    private Node(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<Node> StartAsync(StorageOptions storage, string receiverUrl, bool dispatcher, string mediaFolder, int concurrency = 4)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Site:PublicUrl"] = "https://www.yongning.gov.cn",
            ["Search:FollowChanges"] = "false", // the bench measures the outbox; its nodes share a data folder
            ["Channels:Outbox:DispatcherEnabled"] = dispatcher ? "true" : "false",
            ["Channels:Outbox:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Outbox:BatchSize"] = Math.Max(16, concurrency * 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Webhooks:Endpoints:0:Name"] = "app",
            ["Channels:Webhooks:Endpoints:0:Url"] = receiverUrl,
            ["Channels:Webhooks:Endpoints:0:Secret"] = "bench-secret",
        });
        builder.Services.AddDisclosureStorage(storage).AddDisclosureModules(InstalledModules.All);
        builder.Services.AddSingleton<Contents.Review.IAttachmentTextSource, NoAttachmentText>();
        builder.Services.AddSingleton(new MediaStore(mediaFolder, new MediaOptions(), TimeProvider.System));
        var host = builder.Build();
        await host.StartAsync();
        return new Node(host);
    }

    public async Task SetUpAsync(string recipesFolder)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ApplyAsync([InstalledModules.ReadRecipe(Path.Combine(recipesFolder, "setup.json"))]);
    }

    /// <summary>Creates and publishes one notice for the web and the app (公开方式 政府网站 + 移动客户端).</summary>
    public async Task PublishAsync(string id)
    {
        await using var scope = Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        await manager.CreateAsync("Disclosure", Notice(id), "editor", contentItemId: id);
        await manager.PublishAsync(id, null, "office");
    }

    public async Task<int> CountAsync(OutboxState state)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().CountAsync(m => m.State == state);
    }

    /// <summary>The latency run's first messages, for <c>--breakdown</c>: when each was claimed and sent.</summary>
    public async Task<List<OutboxMessage>> LatencyRowsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ContentItemId.StartsWith("latency-")).OrderBy(m => m.Id).Take(20).ToListAsync();
    }

    private static ContentData Notice(string id) => new(new JsonObject
    {
        ["TitlePart"] = new JsonObject { ["Title"] = $"关于开展冬季火灾防控工作的通告（{id}）" },
        ["DisclosureMetadataPart"] = new JsonObject
        {
            ["Catalogue"] = "03.02",
            ["Agency"] = "640121-103",
            ["Topic"] = "公安、安全、司法",
            ["WrittenDate"] = "2026-11-02",
            ["Validity"] = "有效",
            ["Attribute"] = "主动公开",
            ["Channels"] = new JsonArray("政府网站", "移动客户端"),
            ["Summary"] = "冬季火灾防控工作安排。",
        },
        ["BodyPart"] = new JsonObject { ["Markdown"] = "为切实做好冬季火灾防控工作，现将有关事项通告如下……" },
    });

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class NoAttachmentText : Contents.Review.IAttachmentTextSource
    {
        public Task<Contents.Review.AttachmentReading> ReadAsync(string path, CancellationToken cancellationToken) =>
            Task.FromResult(Contents.Review.AttachmentReading.NotScanned("基准测试不读取附件"));
    }
}
