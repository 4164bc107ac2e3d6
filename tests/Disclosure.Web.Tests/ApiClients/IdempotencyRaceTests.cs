using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Data;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>
/// Retries that race (a client timing out and sending again while the first request is still running): on either
/// engine, one draft is created and every retry answers with it.
/// </summary>
public sealed class IdempotencyRaceTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Racing_retries_with_one_key_create_one_draft(DatabaseProvider engine)
    {
        await using var site = await DisclosureSite.OnAsync(engine, DisclosureSite.SetupOnly());
        var registered = await RegisteredClient.RegisterAsync(site.Services, "办公自动化系统", "zhzx", ApiScopes.WriteContent);
        var token = await registered.TokenAsync(site.CreateClient());
        var body = new
        {
            type = "Disclosure",
            data = new JsonObject
            {
                ["TitlePart"] = new JsonObject { ["Title"] = "关于元旦假期值班安排的通知" },
                ["DisclosureMetadataPart"] = new JsonObject
                {
                    ["Catalogue"] = "03.02", ["Topic"] = "公安、安全、司法", ["WrittenDate"] = "2026-12-01", ["Validity"] = "有效", ["Attribute"] = "主动公开",
                    ["Channels"] = new JsonArray("政府网站"),
                },
                ["BodyPart"] = new JsonObject { ["Markdown"] = "元旦假期值班安排如下……" },
            },
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var api = RegisteredClient.Bearer(site, token);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/drafts") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "8f7c2d1e-duty-roster");
            using var response = await api.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Id: (string?)JsonNode.Parse(answer)?["id"], Body: answer);
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{a.StatusCode}: {a.Body}"));
        Assert.Single(answers.Select(a => a.Id).Distinct());
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        Assert.Equal(1, await db.ContentItems.CountAsync(i => i.CreatedBy == $"api:{registered.ClientId}"));
        Assert.Equal(1, await db.Set<IdempotentRequestRecord>().CountAsync(r => r.ClientId == registered.ClientId));
    }
}
