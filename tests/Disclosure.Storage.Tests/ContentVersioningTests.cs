using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests;

/// <summary>Versions, publication and withdrawal, on SQLite and on a real PostgreSQL server.</summary>
public sealed class ContentVersioningTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_version_is_kept_and_only_the_latest_publication_is_public(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();

        var first = await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice("第一稿"), "editor"));
        var id = (await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.SingleAsync())).ContentItemId;
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt));
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().SaveDraftAsync(id, SampleContent.Notice("第二稿"), "editor"));
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().SaveDraftAsync(id, SampleContent.Notice("第三稿"), "editor"));
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt));

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var versions = await db.ContentVersions.OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([1, 2, 3], versions.Select(v => v.Number));
            Assert.Equal(["第一稿", "第二稿", "第三稿"], versions.Select(v => v.Title));
            Assert.Equal([ContentStatus.Archived, ContentStatus.Archived, ContentStatus.Published], versions.Select(v => v.Status));
            Assert.Contains("第一稿", versions[0].DataJson);
            Assert.Equal(1, versions.Count(v => v.Status == ContentStatus.Published));

            var item = await db.ContentItems.SingleAsync();
            Assert.Equal(3, item.LatestVersionNumber);
            Assert.Equal($"640121-103/2026-00001", item.IndexNumber);
        });

        var published = await database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().FindPublicAsync(id));
        Assert.Equal("第三稿", published!.Version.Title);
        Assert.Equal(first.ContentHash, ContentData.Parse(first.DataJson).ComputeHash("Disclosure"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_database_itself_refuses_a_second_published_version(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var version = await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor", contentItemId: "one-published"));
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync("one-published", null, "office", SampleContent.PublishedAt));

        // Bypass the manager: insert another Published version straight into the table.
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var item = await db.ContentItems.SingleAsync();
            db.ContentVersions.Add(new ContentVersionRecord
            {
                ItemId = item.Id, Number = 99, Status = ContentStatus.Published, ContentType = "Disclosure",
                Title = "x", DataJson = "{}", ContentHash = "x", CreatedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }));
        Assert.NotNull(error);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Withdrawal_takes_an_item_off_the_public_side_and_keeps_a_notice(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor", contentItemId: "to-withdraw"));
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync("to-withdraw", null, "office", SampleContent.PublishedAt));

        var empty = await Assert.ThrowsAsync<ContentValidationException>(() =>
            database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync("to-withdraw", "  ", "office")));
        Assert.Contains("撤回必须填写理由", empty.Errors.Single().Message);

        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync("to-withdraw", "信息有误，更正后重新发布", "office"));

        var list = await database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().ListAsync(new PublishedContentFilter(), 1, 20));
        Assert.Equal(0, list.Total);
        var notice = await database.InScopeAsync(sp => sp.GetRequiredService<PublishedContentQuery>().FindPublicAsync("to-withdraw"));
        Assert.Equal(ContentStatus.Withdrawn, notice!.Version.Status);
        Assert.Equal("信息有误，更正后重新发布", notice.Version.WithdrawReason);

        var again = await Assert.ThrowsAsync<ContentStateException>(() =>
            database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync("to-withdraw", "重复撤回", "office")));
        Assert.Contains("没有已发布的版本", again.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Invalid_content_is_rejected_with_zh_CN_messages_and_nothing_is_saved(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var data = SampleContent.Notice();
        data.Root["DisclosureMetadataPart"]!["WrittenDate"] = "2026-02-30";
        data.Root["DisclosureMetadataPart"]!["Attribute"] = "不予公开";

        var error = await Assert.ThrowsAsync<ContentValidationException>(() =>
            database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", data, "editor")));

        Assert.Contains(error.Errors, e => e.Path == "DisclosureMetadataPart.WrittenDate" && e.Message.Contains("不是有效日期"));
        Assert.Contains(error.Errors, e => e.Path == "DisclosureMetadataPart.NonDisclosureReason" && e.Message.Contains("不予公开理由"));
        var count = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.CountAsync());
        Assert.Equal(0, count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_version_altered_in_the_database_is_not_published(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor", contentItemId: "tampered"));
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var version = await db.ContentVersions.SingleAsync();
            version.DataJson = version.DataJson.Replace("冬季火灾防控", "夏季火灾防控");
            await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<ContentIntegrityException>(() =>
            database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync("tampered", null, "office", SampleContent.PublishedAt)));

        // The failed publication consumed no 索引号 and wrote no change: the next one gets number 1.
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(), "editor", contentItemId: "honest"));
        var published = await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync("honest", null, "office", SampleContent.PublishedAt));
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.Equal("640121-103/2026-00001", (await db.ContentItems.SingleAsync(i => i.ContentItemId == "honest")).IndexNumber);
            Assert.Null((await db.ContentItems.SingleAsync(i => i.ContentItemId == "tampered")).IndexNumber);
            Assert.Equal([1L], await db.ChangeLog.Select(c => c.Sequence).ToListAsync());
        });
        Assert.Equal(ContentStatus.Published, published.Status);
    }
}
