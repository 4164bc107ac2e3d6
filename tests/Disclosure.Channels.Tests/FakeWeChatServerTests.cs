using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.Channels.Tests.Support;
using Disclosure.FakeWeChat;

namespace Disclosure.Channels.Tests;

/// <summary>The fake refuses what the real platform refuses, so a channel that passes against it is held to the reference.</summary>
public sealed class FakeWeChatServerTests : IAsyncLifetime
{
    private FakeWeChatServer _fake = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _fake = await FakeWeChatServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private async Task<JsonObject> PostAsync(string path, HttpContent content) =>
        JsonNode.Parse(await (await _http.PostAsync(_fake.BaseUrl + path, content)).Content.ReadAsStringAsync())!.AsObject();

    private async Task<string> TokenAsync() =>
        (await PostAsync("/cgi-bin/stable_token", Json(new JsonObject { ["grant_type"] = "client_credential", ["appid"] = _fake.AppId, ["secret"] = _fake.Secret })))["access_token"]!.ToString();

    private static StringContent Json(JsonObject json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    private static MultipartFormDataContent File(byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "media", "x.jpg");
        return content;
    }

    [Fact]
    public async Task Calls_without_a_valid_token_are_refused()
    {
        Assert.Equal(41001, (await PostAsync("/cgi-bin/draft/add", Json([])))["errcode"]!.GetValue<int>());
        Assert.Equal(40001, (await PostAsync("/cgi-bin/draft/add?access_token=nope", Json([])))["errcode"]!.GetValue<int>());
        var wrong = await PostAsync("/cgi-bin/stable_token", Json(new JsonObject { ["grant_type"] = "client_credential", ["appid"] = _fake.AppId, ["secret"] = "wrong" }));
        Assert.Equal(40125, wrong["errcode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_thumb_over_64_KB_or_not_a_JPEG_is_refused()
    {
        var token = await TokenAsync();
        var big = TestImages.NoisyPng(900, 400);
        var answer = await PostAsync($"/cgi-bin/material/add_material?access_token={token}&type=thumb", File(big));
        Assert.Equal(40005, answer["errcode"]!.GetValue<int>()); // a PNG is not a thumb
        var jpeg = new byte[70 * 1024];
        jpeg[0] = 0xFF; jpeg[1] = 0xD8; jpeg[2] = 0xFF;
        Assert.Equal(40006, (await PostAsync($"/cgi-bin/material/add_material?access_token={token}&type=thumb", File(jpeg)))["errcode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_draft_needs_a_known_thumb_and_a_title_within_the_limit()
    {
        var token = await TokenAsync();
        var article = new JsonObject { ["title"] = "通告", ["content"] = "<p>正文</p>", ["thumb_media_id"] = "MEDIA_unknown" };
        Assert.Equal(40007, (await PostAsync($"/cgi-bin/draft/add?access_token={token}", Json(new JsonObject { ["articles"] = new JsonArray(article) })))["errcode"]!.GetValue<int>());
        var longTitle = new JsonObject { ["title"] = new string('长', 33), ["content"] = "<p>正文</p>", ["thumb_media_id"] = "x" };
        Assert.Equal(45003, (await PostAsync($"/cgi-bin/draft/add?access_token={token}", Json(new JsonObject { ["articles"] = new JsonArray(longTitle) })))["errcode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_submitted_draft_is_consumed_and_its_article_listed_once_published()
    {
        var token = await TokenAsync();
        var jpeg = new byte[1024];
        jpeg[0] = 0xFF; jpeg[1] = 0xD8; jpeg[2] = 0xFF;
        var thumb = (await PostAsync($"/cgi-bin/material/add_material?access_token={token}&type=thumb", File(jpeg)))["media_id"]!.ToString();
        var article = new JsonObject { ["title"] = "通告", ["content"] = "<p>正文</p>", ["thumb_media_id"] = thumb, ["content_source_url"] = "https://example.gov.cn/a" };
        var draft = (await PostAsync($"/cgi-bin/draft/add?access_token={token}", Json(new JsonObject { ["articles"] = new JsonArray(article) })))["media_id"]!.ToString();
        Assert.Equal("通告", (await PostAsync($"/cgi-bin/draft/get?access_token={token}", Json(new JsonObject { ["media_id"] = draft })))["news_item"]![0]!["title"]!.ToString());

        _fake.FailNext("/cgi-bin/freepublish/submit", new FakeFailure.AnswerLost(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(0, (await PostAsync($"/cgi-bin/freepublish/submit?access_token={token}", Json(new JsonObject { ["media_id"] = draft })))["errcode"]!.GetValue<int>());

        Assert.Equal(40007, (await PostAsync($"/cgi-bin/draft/get?access_token={token}", Json(new JsonObject { ["media_id"] = draft })))["errcode"]!.GetValue<int>());
        Assert.Equal(40007, (await PostAsync($"/cgi-bin/freepublish/submit?access_token={token}", Json(new JsonObject { ["media_id"] = draft })))["errcode"]!.GetValue<int>());
        var list = await PostAsync($"/cgi-bin/freepublish/batchget?access_token={token}", Json(new JsonObject { ["offset"] = 0, ["count"] = 20, ["no_content"] = 1 }));
        Assert.Equal(1, list["total_count"]!.GetValue<int>());
        var news = list["item"]![0]!["content"]!["news_item"]![0]!;
        Assert.Equal("https://example.gov.cn/a", news["content_source_url"]!.ToString());
        Assert.Null(news["content"]);
        Assert.Equal(_fake.Articles.Single().ArticleId, list["item"]![0]!["article_id"]!.ToString());
    }
}
