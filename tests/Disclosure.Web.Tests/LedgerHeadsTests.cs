using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.Admin;
using Disclosure.Contents.Review;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Disclosure.Web.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests;

/// <summary>
/// The 台账 heads leave the office: a public page lists each day's head with the public key, the office downloads
/// a signed export anyone can check with that key, and a head kept by an outsider catches a truncated ledger —
/// in <c>verify-ledger --head</c> and on the admin page's verify button alike.
/// </summary>
public sealed partial class LedgerHeadsTests : IAsyncLifetime
{
    private readonly DisclosureSite _site = new();

    public async Task InitializeAsync()
    {
        _ = _site.Server;
        await Staff.EnsureAsync(_site.Services);
        using var scope = _site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<LedgerWriter>();
        for (var i = 0; i < 3; i++)
        {
            await db.InTransactionAsync(() => writer.AppendAsync("editor", ReviewLedgerActions.Submit, "heads-" + i, 1, null, "上报", default), default);
        }
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_public_page_lists_the_head_of_the_day_and_the_signed_export_checks_with_its_public_key()
    {
        var last = await LastEntryAsync();
        var page = WebUtility.HtmlDecode(await _site.CreateClient().GetStringAsync("/ledger/heads"));
        Assert.Contains("信息发布台账链头公布", page);
        Assert.Matches($"<td>{last.Sequence}</td>\\s*<td><code class=\"hash\">{last.Hash}</code></td>", page);
        var publicKey = PublicKeyRegex().Match(page).Value;
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicKey);

        var office = await Staff.SignedInAsync(_site, "office");
        var response = await office.GetAsync("/admin/ledger?handler=heads");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var export = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var root = export.RootElement;
        Assert.Equal(("disclosure-ledger-heads/1", "ECDSA-P256-SHA256"), (root.GetProperty("format").GetString(), root.GetProperty("algorithm").GetString()));
        var payload = root.GetProperty("payload").GetString()!;
        var signature = Convert.FromBase64String(root.GetProperty("signature").GetString()!);

        // An outsider checks the export with the key from the public page, not the one inside the file.
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKey);
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(payload), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(key.VerifyData(Encoding.UTF8.GetBytes(payload.Replace(last.Hash, new string('0', 64))), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var newest = JsonDocument.Parse(payload).RootElement.GetProperty("heads")[0];
        Assert.Equal((last.Sequence, last.Hash), (newest.GetProperty("sequence").GetInt64(), newest.GetProperty("hash").GetString()));

        // Only the ledger's roles download it.
        var editor = await Staff.SignedInAsync(_site, "editor");
        Assert.NotEqual(HttpStatusCode.OK, (await editor.GetAsync("/admin/ledger?handler=heads")).StatusCode);
    }

    [Fact]
    public async Task A_published_head_catches_a_truncated_ledger_in_the_command_and_on_the_admin_page()
    {
        var head = new LedgerHead((await LastEntryAsync()).Sequence, (await LastEntryAsync()).Hash);

        // The command as Program.cs runs it, on a second host over the same data folder (another process).
        await using var command = new DisclosureSite(_site.DataFolder, new Dictionary<string, string> { ["Search:FollowChanges"] = "false" });
        Assert.Equal(0, await IntegrityCommand.RunAsync(command.Services, ["verify-ledger", "--head", head.ToString()]));
        Assert.Equal(2, await IntegrityCommand.RunAsync(command.Services, ["verify-ledger", "--head", "12:abc"]));

        var office = await Staff.SignedInAsync(_site, "office");
        var page = await office.GetStringAsync("/admin/ledger");
        var passed = WebUtility.HtmlDecode(await (await office.PostAsync("/admin/ledger?handler=verify", Form(page, ("Heads", head.ToString())))).Content.ReadAsStringAsync());
        Assert.Contains("给定的 1 个链头仍在台账中", passed);

        // Someone with database access cuts the last two entries: the chain left behind is whole in itself.
        using (var scope = _site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.Sequence > head.Sequence - 2).ExecuteDeleteAsync();
        }

        Assert.Equal(1, await IntegrityCommand.RunAsync(command.Services, ["verify-ledger", "--head", head.ToString()]));
        var failed = WebUtility.HtmlDecode(await (await office.PostAsync("/admin/ledger?handler=verify", Form(page, ("Heads", head.ToString())))).Content.ReadAsStringAsync());
        Assert.Contains($"已公布的链头（第 {head.Sequence} 条）：台账中已没有这一条记录：台账可能被截断。", failed);

        var malformed = WebUtility.HtmlDecode(await (await office.PostAsync("/admin/ledger?handler=verify", Form(page, ("Heads", "第五条")))).Content.ReadAsStringAsync());
        Assert.Contains("链头“第五条”格式不正确", malformed);
    }

    private async Task<Disclosure.Storage.Entities.LedgerEntry> LastEntryAsync()
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.OrderByDescending(e => e.Sequence).FirstAsync();
    }

    [GeneratedRegex("-----BEGIN PUBLIC KEY-----[^-]+-----END PUBLIC KEY-----")]
    private static partial Regex PublicKeyRegex();
}
