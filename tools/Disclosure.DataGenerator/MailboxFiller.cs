using System.Diagnostics;
using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Ratings;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.DataGenerator;

/// <summary>
/// Generated 局长信箱 letters with their writers, and the ratings of about a third of the replies, written through
/// <see cref="BulkInsert{T}"/> a batch per transaction. Nine in ten letters are replied; a reply's working days and
/// timeliness are drawn around the kind's limit rather than counted on a calendar (the statistics only read them), and
/// its date is placed accordingly. Deterministic for a seed.
/// </summary>
public sealed class MailboxFiller(Func<DisclosureDbContext> createContext, TextWriter log)
{
    public const int BatchSize = 5_000;

    private static readonly string[] Departments = ["zhzx", "hzs", "jjdd", "zagldd", "xzdd", "crjdd", "yncpcs"];
    private static readonly string[] Subjects = ["户籍办理咨询", "交通秩序建议", "窗口服务投诉", "噪声扰民投诉", "出入境证件咨询", "治安隐患举报", "道路设施建议", "办事流程咨询"];

    public async Task FillAsync(int letters, int seed, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var random = new Random(seed * 7919 + 22);
        var watch = Stopwatch.StartNew();
        var span = last.DayNumber - first.DayNumber;
        await using (var check = createContext())
        {
            if (await check.Set<LetterRecord>().AnyAsync(l => l.Number.StartsWith($"G{seed}-"), cancellationToken))
            {
                throw new InvalidOperationException($"该数据库中已有种子 {seed} 生成的来信，请使用新的数据库或其他种子。");
            }
        }

        var written = 0;
        var rated = 0;
        while (written < letters)
        {
            var count = Math.Min(BatchSize, letters - written);
            await using var db = createContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var lastId = await db.Set<LetterRecord>().MaxAsync(l => (long?)l.Id, cancellationToken) ?? 0;
            var agency = await new AgencyDirectory(db).DefaultCodeAsync(cancellationToken);
            var batch = new List<LetterRecord>(count);
            await using (var insert = new BulkInsert<LetterRecord>(db))
            {
                for (var i = 0; i < count; i++)
                {
                    var n = written + i + 1;
                    var kind = random.Next(20) switch { < 8 => LetterKind.Consultation, < 13 => LetterKind.Suggestion, < 18 => LetterKind.Complaint, _ => LetterKind.Report };
                    var received = first.AddDays(random.Next(span + 1));
                    var replied = random.Next(10) < 9;
                    var limit = kind switch { LetterKind.Consultation => 5, LetterKind.Suggestion => 10, _ => 15 };
                    var days = 1 + random.Next(limit + 3);
                    var repliedOn = received.AddDays(days * 7 / 5);
                    var letter = new LetterRecord
                    {
                        AgencyCode = agency,
                        Number = $"G{seed}-{n:00000000}", TrackingCode = $"G{seed % 10}{n:0000000000}"[..12], Kind = kind,
                        Subject = Subjects[random.Next(Subjects.Length)], Body = "（生成的来信）请有关部门核实处理。",
                        MayPublish = kind != LetterKind.Report && random.Next(2) == 0, ReceivedOn = received, ReceivedMonth = MailboxService.MonthKey(received),
                        ReceivedUtc = received.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                        Stage = replied ? LetterStage.Replied : LetterStage.Drafting, DepartmentCode = Departments[random.Next(Departments.Length)],
                        Reply = replied ? "（生成的答复）已核实处理。" : null, RepliedOn = replied ? repliedOn : null,
                        RepliedMonth = replied ? MailboxService.MonthKey(repliedOn) : null, ReplyWorkingDays = replied ? days : null, RepliedOnTime = replied ? days <= limit : null,
                    };
                    batch.Add(letter);
                    await insert.AddAsync(letter, cancellationToken);
                }

                await insert.FlushAsync(cancellationToken);
            }

            var ids = await db.Set<LetterRecord>().Where(l => l.Id > lastId).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(cancellationToken);
            await using (var insert = new BulkInsert<LetterWriterRecord>(db))
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    await insert.AddAsync(new LetterWriterRecord { LetterId = ids[i], Name = "（生成）来信人", Phone = $"139{seed % 10}{(written + i) % 10_000_000:0000000}" }, cancellationToken);
                }

                await insert.FlushAsync(cancellationToken);
            }

            await using (var insert = new BulkInsert<ReplyRatingRecord>(db))
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    var letter = batch[i];
                    if (letter.RepliedOn is not { } on || random.Next(3) != 0)
                    {
                        continue;
                    }

                    var rating = random.Next(10) switch { < 7 => Satisfaction.Satisfied, < 9 => Satisfaction.BasicallySatisfied, _ => Satisfaction.Dissatisfied };
                    var ratedOn = on.AddDays(random.Next(5));
                    await insert.AddAsync(new ReplyRatingRecord
                    {
                        Reply = RatedReply.Letter, SubjectId = ids[i], SubjectNumber = letter.Number, DepartmentCode = letter.DepartmentCode, Rating = rating,
                        RatedUtc = ratedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), RatedMonth = MailboxService.MonthKey(ratedOn),
                        FollowUp = rating == Satisfaction.Dissatisfied ? FollowUpState.Closed : FollowUpState.None,
                    }, cancellationToken);
                    rated++;
                }

                await insert.FlushAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            written += count;
            if (written % 100_000 < BatchSize || written == letters)
            {
                log.WriteLine($"  {written:N0} / {letters:N0} 封来信，{rated:N0} 条评价，{written / watch.Elapsed.TotalSeconds:N0} 封/秒");
            }
        }

        log.WriteLine($"局长信箱来信完成：{written:N0} 封，{rated:N0} 条满意度评价，用时 {watch.Elapsed.TotalSeconds:N1} 秒。");
    }
}
