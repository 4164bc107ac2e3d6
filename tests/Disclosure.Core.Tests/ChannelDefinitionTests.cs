using System.Text.Json.Nodes;
using Disclosure.Core.Channels;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Metadata;
using Disclosure.Core.Recipes;
using Disclosure.Modules;

namespace Disclosure.Core.Tests;

/// <summary>发布渠道 in content type definitions, and how an item's 公开方式 narrows them.</summary>
public sealed class ChannelDefinitionTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("disclosure-channels-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_type_names_its_channels_in_the_recipe()
    {
        var recipe = RecipeReader.ReadFile(Write("""["web", "wechat"]"""));
        var type = recipe.Steps.OfType<ContentDefinitionStep>().Single().ContentTypes.Single();
        Assert.Equal(["web", "wechat"], type.Channels);
    }

    [Fact]
    public void Unknown_and_repeated_channels_are_reported_with_their_path()
    {
        var file = Write("""["web", "douyin", "web", 3]"""); // 抖音: not a channel this product has
        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(file)).Errors;
        Assert.Collection(errors,
            e => { Assert.Equal("$.steps[0].contentTypes[0].channels[1]", e.Path); Assert.Contains("未知的发布渠道", e.Message); Assert.Contains("wechat（微信公众号）", e.Message); },
            e => { Assert.Equal("$.steps[0].contentTypes[0].channels[2]", e.Path); Assert.Contains("重复", e.Message); },
            e => Assert.Equal("$.steps[0].contentTypes[0].channels[3]", e.Path));
    }

    [Fact]
    public void Channels_must_be_an_array()
    {
        var errors = Assert.Throws<RecipeException>(() => RecipeReader.ReadFile(Write("\"web\""))).Errors;
        Assert.Equal("$.steps[0].contentTypes[0].channels", Assert.Single(errors).Path);
    }

    [Fact]
    public void The_shipped_types_all_reach_the_web_and_the_app()
    {
        var types = InstalledModules.ReadRecipe(Path.Combine(Calendar.ShippedCalendar.RepositoryRoot(), "recipes", "setup.json")).Steps.OfType<ContentDefinitionStep>().Single().ContentTypes;
        Assert.All(types, t => Assert.Contains(ChannelNames.Web, t.Channels));
        Assert.All(types, t => Assert.Contains(ChannelNames.App, t.Channels));
        Assert.Contains(types, t => t.Channels.Contains(ChannelNames.WeChat));
    }

    [Fact]
    public void An_empty_publication_method_means_every_channel_of_the_type()
    {
        Assert.Equal(["web", "wechat", "app"], ChannelSelection.For(Type, Data()));
    }

    [Fact]
    public void Publication_methods_narrow_the_channels_but_never_drop_the_site()
    {
        Assert.Equal(["web", "wechat"], ChannelSelection.For(Type, Data("政府网站", "微信公众号")));
        Assert.Equal(["web", "app"], ChannelSelection.For(Type, Data("移动客户端", "公告栏")));
        Assert.Equal(["web"], ChannelSelection.For(Type, Data("新闻发布会")));
    }

    [Fact]
    public void A_type_without_channels_goes_nowhere()
    {
        Assert.Empty(ChannelSelection.For(Type with { Channels = [] }, Data("微信公众号")));
    }

    private static readonly ContentTypeDefinition Type = new() { Name = "Notice", DisplayName = "通知", Channels = ["web", "wechat", "app"] };

    private static ContentData Data(params string[] methods) => new(new JsonObject
    {
        ["DisclosureMetadataPart"] = new JsonObject { ["Channels"] = methods.Length == 0 ? null : new JsonArray(methods.Select(m => (JsonNode)m).ToArray()) },
    });

    private string Write(string channels)
    {
        var path = Path.Combine(_folder.FullName, "setup.json");
        File.WriteAllText(path, $$"""
            { "name": "setup", "steps": [
              { "name": "ContentDefinition", "contentTypes": [
                { "name": "Notice", "displayName": "通知", "parts": ["TitlePart"], "channels": {{channels}} } ] } ] }
            """);
        return path;
    }
}
