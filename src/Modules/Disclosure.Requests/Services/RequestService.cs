using System.Globalization;
using System.Security.Cryptography;
using Disclosure.Core.Calendar;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Requests.Services;

/// <summary>A rule of the 条例 or of the application's state was broken; the message (zh-CN) says which.</summary>
public sealed class RequestException(string message) : Exception(message);

/// <summary>
/// Every change to an application: registration (online or by the office), 补正, third-party consultation, extension,
/// assignment, closing with its outcome and reply letter, and 行政复议/行政诉讼 records. Each is one transaction with its
/// 台账 entry naming who and when; the rules of the 条例 are checked here, not in the pages.
/// </summary>
public sealed class RequestService(DisclosureDbContext db, LedgerWriter ledger, IWorkingDayCalendarSource calendars, AgencyDirectory agencies, TimeProvider clock)
{
    /// <summary>Registers an application. Online ones are received today; the office gives the date of receipt for letters and visits.</summary>
    public Task<InformationRequestRecord> RegisterAsync(ApplicationDetails details, RequestChannel channel, DateOnly receivedOn, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var today = Today();
            if (receivedOn > today)
            {
                throw new RequestException("收到申请的日期不能晚于今天。");
            }

            if (receivedOn < today.AddYears(-1))
            {
                throw new RequestException("收到申请的日期早于一年前，请核对。");
            }

            var agencyCode = await agencies.OwnerAsync(details.AgencyCode, cancellationToken);
            var sequence = await Counters.NextAsync(db, "requests:" + receivedOn.Year.ToString(CultureInfo.InvariantCulture), cancellationToken);
            var request = new InformationRequestRecord
            {
                Number = FormatNumber(receivedOn.Year, sequence),
                AgencyCode = agencyCode,
                TrackingCode = TrackingCode.New(),
                Channel = channel,
                Kind = details.Kind,
                ReceivedOn = receivedOn,
                RegisteredUtc = clock.GetUtcNow().UtcDateTime,
                RegisteredBy = actor,
                Description = details.Description,
                DocumentReference = details.DocumentReference,
                Form = details.Form,
                Delivery = details.Delivery,
                Stage = RequestStage.Processing,
                ClockStartOn = receivedOn,
                ConcurrencyStamp = NewStamp(),
            };
            db.Set<InformationRequestRecord>().Add(request);
            await db.SaveChangesAsync(cancellationToken);
            db.Set<RequestApplicantRecord>().Add(ToRecord(request.Id, details.Applicant));
            await db.SaveChangesAsync(cancellationToken);
            await LogAsync(actor, RequestLedgerActions.Registered, request,
                $"{RequestNames.Channel(channel)}，{ApplicantKinds.LongName(details.Kind)}，收到申请之日 {DateText.Date(receivedOn)}", cancellationToken);
            return request;
        }, cancellationToken);

    /// <summary>补正告知 (第三十条): once, within 7 working days of receipt; the reply period stops until the correction arrives.</summary>
    public Task RequestCorrectionAsync(string number, DateOnly sentOn, string note, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.CorrectionRequested, async request =>
        {
            Require(!string.IsNullOrWhiteSpace(note), "请写明需要补正的事项和合理的补正期限。");
            Require(request.CorrectionRequestedOn is null, "补正只能告知一次（第三十条：一次性告知）。");
            Require(request.Stage == RequestStage.Processing, $"当前阶段为“{RequestNames.Stage(request.Stage)}”，不能告知补正。");
            CheckDate(sentOn, request.ReceivedOn, "补正告知日期");
            var due = ReplyDeadline.CorrectionNoticeDue(await calendars.GetCalendarAsync(request.AgencyCode, cancellationToken), request.ReceivedOn).Value;
            Require(sentOn <= due, $"补正应在收到申请之日起 {ReplyDeadline.CorrectionNoticeWorkingDays} 个工作日内告知（本申请最迟 {DateText.Date(due)}），已超过，不能再要求补正。");
            request.CorrectionRequestedOn = sentOn;
            request.CorrectionNote = note.Trim();
            request.Stage = RequestStage.AwaitingCorrection;
            return $"告知日期 {DateText.Date(sentOn)}，答复期限中止";
        }, cancellationToken);

    /// <summary>The corrected application arrived: the 20 working days start again from this date.</summary>
    public Task ReceiveCorrectionAsync(string number, DateOnly receivedOn, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.CorrectionReceived, request =>
        {
            Require(request.Stage == RequestStage.AwaitingCorrection, "该申请没有待补正的事项。");
            CheckDate(receivedOn, request.CorrectionRequestedOn!.Value, "收到补正申请的日期");
            request.CorrectionReceivedOn = receivedOn;
            request.ClockStartOn = receivedOn;
            request.Stage = RequestStage.Processing;
            return Task.FromResult($"收到补正申请之日 {DateText.Date(receivedOn)}，答复期限自次日起重新计算");
        }, cancellationToken);

    /// <summary>征求第三方意见 (第三十二条): the clock pauses, at most 15 working days.</summary>
    public Task StartConsultationAsync(string number, string thirdParty, DateOnly startedOn, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.ConsultationStarted, request =>
        {
            Require(!string.IsNullOrWhiteSpace(thirdParty), "请填写征求意见的第三方。");
            Require(thirdParty.Trim().Length <= 200, "第三方名称不能超过 200 个字。");
            Require(request.Stage == RequestStage.Processing, $"当前阶段为“{RequestNames.Stage(request.Stage)}”，不能征求第三方意见。");
            CheckDate(startedOn, request.ClockStartOn, "征求意见日期");
            Require(request.Consultations.All(c => c.RepliedOn is null || c.RepliedOn <= startedOn), "征求意见日期不能早于上一次征求意见的结束日期。");
            request.Consultations.Add(new RequestConsultationRecord { ThirdParty = thirdParty.Trim(), StartedOn = startedOn, StartedBy = actor });
            request.Stage = RequestStage.Consultation;
            return Task.FromResult($"征求意见日期 {DateText.Date(startedOn)}，期间不计入答复期限（最长 {ReplyDeadline.ThirdPartyWorkingDays} 个工作日）");
        }, cancellationToken);

    /// <summary>The third party answered (or its 15 working days ran out): the clock runs again from the next day.</summary>
    public Task EndConsultationAsync(string number, DateOnly repliedOn, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.ConsultationEnded, async request =>
        {
            Require(request.Stage == RequestStage.Consultation, "该申请没有正在进行的征求意见。");
            var open = request.Consultations.Single(c => c.RepliedOn is null);
            CheckDate(repliedOn, open.StartedOn, "第三方答复日期");
            open.RepliedOn = repliedOn;
            request.Stage = RequestStage.Processing;
            var limit = ReplyDeadline.PauseLimit(await calendars.GetCalendarAsync(request.AgencyCode, cancellationToken), open.StartedOn);
            return repliedOn > limit
                ? $"答复日期 {DateText.Date(repliedOn)}，已超过 {ReplyDeadline.ThirdPartyWorkingDays} 个工作日，不计入的期间截至 {DateText.Date(limit)}"
                : $"答复日期 {DateText.Date(repliedOn)}，答复期限自次日起继续计算";
        }, cancellationToken);

    /// <summary>延期答复 (第三十三条): once, at most 20 working days, approved by the head of the office, before the period ends.</summary>
    public Task ExtendAsync(string number, int days, string reason, string approvedBy, DateOnly decidedOn, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.Extended, async request =>
        {
            Require(days is >= 1 and <= ReplyDeadline.MaxExtensionWorkingDays, $"延长的期限应为 1 到 {ReplyDeadline.MaxExtensionWorkingDays} 个工作日。");
            Require(!string.IsNullOrWhiteSpace(reason), "请填写延期理由。");
            Require(reason.Trim().Length <= 500, "延期理由不能超过 500 个字。");
            Require(!string.IsNullOrWhiteSpace(approvedBy) && approvedBy.Trim().Length <= 100, "请填写批准延期的政府信息公开工作机构负责人。");
            Require(request.ExtensionDays == 0, "答复期限只能延长一次。");
            Require(request.Stage is RequestStage.Processing or RequestStage.Consultation, $"当前阶段为“{RequestNames.Stage(request.Stage)}”，不能延期。");
            CheckDate(decidedOn, request.ClockStartOn, "批准延期的日期");
            var due = ReplyDeadline.Due(await calendars.GetCalendarAsync(request.AgencyCode, cancellationToken), request.ClockStartOn, Pauses(request), 0).Value;
            Require(decidedOn <= due, $"答复期限已于 {DateText.Date(due)} 届满，不能再延期。");
            request.ExtensionDays = days;
            request.ExtensionReason = reason.Trim();
            request.ExtensionApprovedBy = approvedBy.Trim();
            request.ExtendedOn = decidedOn;
            return $"延长 {days} 个工作日，经{approvedBy.Trim()}批准";
        }, cancellationToken);

    /// <summary>分办: the department that holds the information and drafts the answer.</summary>
    public Task AssignAsync(string number, string departmentCode, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.Assigned, async request =>
        {
            Require(request.Stage != RequestStage.Closed, "已办结的申请不能再分办。");
            var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == departmentCode, cancellationToken)
                ?? throw new RequestException("请选择承办部门。");
            request.DepartmentCode = department.Code;
            return $"承办部门：{department.Name}";
        }, cancellationToken);

    /// <summary>
    /// 办结: the outcome from the statutory list, the reply date and text, and the generated reply letter, stored
    /// together. <see cref="RequestOutcome.OtherNoCorrection"/> is the only way to close an application still
    /// waiting for its 补正, and <see cref="RequestOutcome.UnavailableStillUnclear"/> needs a correction received.
    /// </summary>
    public Task CloseAsync(string number, RequestOutcome outcome, DateOnly closedOn, string replyText, Func<InformationRequestRecord, ApplicantDetails, byte[]> letter, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.Closed, async request =>
        {
            Require(request.Stage != RequestStage.Closed, "该申请已经办结。");
            Require(request.Stage != RequestStage.Consultation, "正在征求第三方意见：请先登记第三方的答复（或期满未答复）后再办结。");
            Require(!string.IsNullOrWhiteSpace(replyText), "请填写告知书正文（答复内容和理由）。");
            Require(replyText.Trim().Length <= 4000, "告知书正文不能超过 4000 个字。");
            if (request.Stage == RequestStage.AwaitingCorrection)
            {
                Require(outcome == RequestOutcome.OtherNoCorrection, "申请人尚未补正：只能以“申请人无正当理由逾期不补正”办结，或在收到补正后再答复。");
            }
            else
            {
                Require(outcome != RequestOutcome.OtherNoCorrection, "申请人没有待补正的事项，不能以“逾期不补正”办结。");
            }

            Require(outcome != RequestOutcome.UnavailableStillUnclear || request.CorrectionReceivedOn is not null, "“补正后申请内容仍不明确”只适用于已经补正的申请。");
            CheckDate(closedOn, request.ClockStartOn, "答复日期");
            request.Outcome = outcome;
            request.ClosedOn = closedOn;
            request.ClosedBy = actor;
            request.ReplyText = replyText.Trim();
            request.Stage = RequestStage.Closed;

            var applicant = await db.Set<RequestApplicantRecord>().AsNoTracking().SingleAsync(a => a.RequestId == request.Id, cancellationToken);
            var content = letter(request, ToDetails(applicant));
            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            db.Set<RequestDocumentRecord>().Add(new RequestDocumentRecord
            {
                RequestId = request.Id,
                FileName = $"政府信息公开申请答复告知书-{request.Number}.docx",
                ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Content = content,
                Sha256 = hash,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                CreatedBy = actor,
            });
            return $"{RequestOutcomes.DisplayName(outcome)}，答复日期 {DateText.Date(closedOn)}，告知书 SHA-256 {hash}";
        }, cancellationToken);

    /// <summary>The most files an office provides with one reply (more belong in a published item or on paper).</summary>
    public const int MaxReleasedFiles = 20;

    /// <summary>
    /// 公开的信息: a file the office provides with its reply, kept with the application (its content already checked
    /// by the caller). An 在线查看 applicant downloads it from the status page after 办结. Files may be added after
    /// 办结 too (补充提供), each addition recorded with its hash.
    /// </summary>
    public async Task<long> AddReleasedFileAsync(string number, string fileName, string contentType, byte[] content, string actor, CancellationToken cancellationToken = default)
    {
        RequestDocumentRecord? added = null;
        await ChangeAsync(number, actor, RequestLedgerActions.ReleasedFileAdded, async request =>
        {
            Require(content.Length > 0, "文件为空。");
            var count = await db.Set<RequestDocumentRecord>().CountAsync(d => d.RequestId == request.Id && d.Kind == RequestDocumentKind.ReleasedFile, cancellationToken);
            Require(count < MaxReleasedFiles, $"每件申请最多提供 {MaxReleasedFiles} 个文件。");
            var hash = Convert.ToHexStringLower(SHA256.HashData(content));
            added = new RequestDocumentRecord
            {
                RequestId = request.Id,
                Kind = RequestDocumentKind.ReleasedFile,
                FileName = fileName,
                ContentType = contentType,
                Content = content,
                Sha256 = hash,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                CreatedBy = actor,
            };
            db.Set<RequestDocumentRecord>().Add(added);
            return $"提供文件 {fileName}，SHA-256 {hash}";
        }, cancellationToken);
        return added!.Id;
    }

    /// <summary>Removes a released file before 办结; once the reply is out, what was provided stays on record.</summary>
    public Task RemoveReleasedFileAsync(string number, long documentId, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.ReleasedFileRemoved, async request =>
        {
            Require(request.Stage != RequestStage.Closed, "申请已办结：已提供给申请人的文件不能删除。");
            var document = await db.Set<RequestDocumentRecord>()
                .SingleOrDefaultAsync(d => d.Id == documentId && d.RequestId == request.Id && d.Kind == RequestDocumentKind.ReleasedFile, cancellationToken)
                ?? throw new RequestException("该文件不存在或已被删除。");
            db.Set<RequestDocumentRecord>().Remove(document);
            return $"删除文件 {document.FileName}，SHA-256 {document.Sha256}";
        }, cancellationToken);

    /// <summary>Records a 行政复议 or 行政诉讼 about the application.</summary>
    public Task AddAppealAsync(string number, AppealKind kind, DateOnly filedOn, string authority, string? caseNumber, AppealResult result, DateOnly? decidedOn, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.AppealRecorded, request =>
        {
            Require(!string.IsNullOrWhiteSpace(authority) && authority.Trim().Length <= 200, $"请填写{AppealNames.Authority(kind)}（不超过 200 个字）。");
            Require(caseNumber is null || caseNumber.Trim().Length <= 100, "案号不能超过 100 个字。");
            CheckDate(filedOn, request.ReceivedOn, kind == AppealKind.Reconsideration ? "申请复议日期" : "起诉日期");
            CheckDecision(result, decidedOn, filedOn);
            request.Appeals.Add(new RequestAppealRecord
            {
                Kind = kind, FiledOn = filedOn, Authority = authority.Trim(), CaseNumber = string.IsNullOrWhiteSpace(caseNumber) ? null : caseNumber.Trim(),
                Result = result, DecidedOn = result == AppealResult.Pending ? null : decidedOn, RecordedBy = actor,
            });
            return Task.FromResult($"{AppealNames.Kind(kind)}，{DateText.Date(filedOn)}，{AppealNames.Result(result)}");
        }, cancellationToken);

    /// <summary>The decision of a 复议 or 诉讼 arrived (or was corrected).</summary>
    public Task UpdateAppealAsync(string number, long appealId, AppealResult result, DateOnly? decidedOn, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(number, actor, RequestLedgerActions.AppealUpdated, request =>
        {
            var appeal = request.Appeals.SingleOrDefault(a => a.Id == appealId) ?? throw new RequestException("该复议或诉讼记录不存在。");
            CheckDecision(result, decidedOn, appeal.FiledOn);
            appeal.Result = result;
            appeal.DecidedOn = result == AppealResult.Pending ? null : decidedOn;
            return Task.FromResult($"{AppealNames.Kind(appeal.Kind)}：{AppealNames.Result(result)}{(decidedOn is { } d && result != AppealResult.Pending ? "，" + DateText.Date(d) : null)}");
        }, cancellationToken);

    /// <summary>The application's own view of its deadline, for pages that already hold the record.</summary>
    public static RequestTimeline Timeline(InformationRequestRecord request) =>
        new(request.Stage, request.ReceivedOn, request.ClockStartOn, Pauses(request), request.ExtensionDays, request.ClosedOn);

    public static IReadOnlyList<DeadlinePause> Pauses(InformationRequestRecord request) =>
        request.Consultations.OrderBy(c => c.StartedOn).Select(c => new DeadlinePause(c.StartedOn, c.RepliedOn)).ToList();

    public static string FormatNumber(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}-{sequence:0000}");

    internal static RequestApplicantRecord ToRecord(long requestId, ApplicantDetails applicant) => new()
    {
        RequestId = requestId, Name = applicant.Name, IdType = applicant.IdType, IdNumber = applicant.IdNumber,
        LegalRepresentative = applicant.LegalRepresentative, ContactName = applicant.ContactName, Phone = applicant.Phone,
        Address = applicant.Address, PostalCode = applicant.PostalCode, Email = applicant.Email,
    };

    internal static ApplicantDetails ToDetails(RequestApplicantRecord a) =>
        new(a.Name, a.IdType, a.IdNumber, a.LegalRepresentative, a.ContactName, a.Phone, a.Address, a.PostalCode, a.Email);

    private async Task ChangeAsync(string number, string actor, string action, Func<InformationRequestRecord, Task<string>> change, CancellationToken cancellationToken)
    {
        try
        {
            await db.InTransactionAsync(async () =>
            {
                var request = await db.Set<InformationRequestRecord>()
                    .Include(r => r.Consultations).Include(r => r.Appeals)
                    .SingleOrDefaultAsync(r => r.Number == number, cancellationToken)
                    ?? throw new RequestException($"申请 {number} 不存在。");
                var detail = await change(request);
                request.ConcurrencyStamp = NewStamp();
                await db.SaveChangesAsync(cancellationToken);
                await LogAsync(actor, action, request, detail, cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new RequestException("该申请刚被其他人修改，请刷新页面后重试。");
        }
    }

    private Task<LedgerEntry> LogAsync(string actor, string action, InformationRequestRecord request, string detail, CancellationToken cancellationToken) =>
        ledger.AppendAsync(actor, action, RequestLedgerActions.Subject(request.Number), null, null, $"申请 {request.Number}：{detail}", cancellationToken);

    private void CheckDate(DateOnly date, DateOnly notBefore, string what)
    {
        Require(date <= Today(), $"{what}不能晚于今天。");
        Require(date >= notBefore, $"{what}不能早于 {DateText.Date(notBefore)}。");
    }

    private void CheckDecision(AppealResult result, DateOnly? decidedOn, DateOnly filedOn)
    {
        if (result == AppealResult.Pending)
        {
            return;
        }

        Require(decidedOn is not null, "已审结的案件请填写审结日期。");
        CheckDate(decidedOn!.Value, filedOn, "审结日期");
    }

    private DateOnly Today() => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RequestException(message);
        }
    }

    private static string NewStamp() => Guid.NewGuid().ToString("D");

}
