using System.Net;
using Disclosure.Contents.Review;
using Disclosure.Core.Security;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>定时发布 lives in the database: a site stopped before the time comes publishes after it restarts.</summary>
public sealed class SchedulingTests
{
    [Fact]
    public async Task A_scheduled_publication_happens_after_a_restart()
    {
        var (folder, _) = await DisclosureSite.DemoCopyAsync();
        var settings = new Dictionary<string, string> { ["Scheduler:IntervalSeconds"] = "1" };
        try
        {
            await using (var first = new DisclosureSite(folder, settings))
            {
                using var scope = first.Services.CreateScope();
                var services = scope.ServiceProvider;
                await services.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice("关于春节假期值班安排的公告"), "editor", "zhzx", "scheduled-notice");
                var workflow = services.GetRequiredService<WorkflowService>();
                var review = await workflow.SubmitAsync("scheduled-notice", Actor("editor", RoleNames.Editor, "zhzx"));
                await workflow.ApproveAsync(review.Id, Actor("head", RoleNames.DepartmentReviewer, "zhzx"), null);
                await workflow.ApproveAsync(review.Id, Actor("secrecy", RoleNames.SecrecyOfficer), null);
                await workflow.ApproveAsync(review.Id, Actor("leader", RoleNames.Leader), null);
                await workflow.ScheduleAsync("scheduled-notice", DateTimeOffset.UtcNow.AddSeconds(4), Actor("office", RoleNames.InformationOffice));

                var before = await first.CreateClient().GetAsync("/api/v1/content/scheduled-notice");
                Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
            }

            // The first site is gone; a new process on the same database takes over the schedule.
            await using var second = new DisclosureSite(folder, settings);
            var client = second.CreateClient();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpStatusCode status;
            do
            {
                await Task.Delay(500);
                status = (await client.GetAsync("/api/v1/content/scheduled-notice")).StatusCode;
            }
            while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

            Assert.Equal(HttpStatusCode.OK, status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Actor Actor(string name, string role, string? department = null) => new(name, new HashSet<string> { role }, department);
}
