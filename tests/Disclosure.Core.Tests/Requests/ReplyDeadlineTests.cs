using Disclosure.Requests.Models;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Requests;

/// <summary>
/// The 条例's periods on the shipped 2025/2026 calendar. Every expected date is counted by hand in the comment beside
/// it, day by day, from the State Council's notices (not from the code under test).
/// </summary>
public sealed class ReplyDeadlineTests
{
    private static DateOnly Due(string clockStart, int extension = 0, params DeadlinePause[] pauses) =>
        ReplyDeadline.Due(Instance, D(clockStart), pauses, extension).Value;

    [Fact]
    public void Twenty_working_days_run_from_the_day_after_receipt_across_national_day_and_its_worked_weekends()
    {
        // Received Fri 2025-09-26. Sun 09-28 worked (1), 09-29 (2), 09-30 (3), 10-01…10-08 off, 10-09 (4), 10-10 (5),
        // Sat 10-11 worked (6), 10-13…17 (11), 10-20…24 (16), 10-27…30 (20).
        Assert.Equal(D("2025-10-30"), Due("2025-09-26"));
    }

    [Fact]
    public void Spring_festival_2026_and_both_worked_saturdays_are_counted_right()
    {
        // Received Fri 2026-02-06. 02-09…13 (5), Sat 02-14 worked (6), 02-15…23 off, 02-24…27 (10), Sat 02-28 worked (11),
        // 03-02…06 (16), 03-09…12 (20).
        Assert.Equal(D("2026-03-12"), Due("2026-02-06"));
    }

    [Fact]
    public void An_extension_adds_working_days_after_the_original_deadline()
    {
        // 2025-10-30 as above, then 10-31 (21), 11-03…07 (26), 11-10…14 (31), 11-17…21 (36), 11-24…27 (40).
        Assert.Equal(D("2025-11-27"), Due("2025-09-26", extension: 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => Due("2025-09-26", extension: 21));
        Assert.Throws<ArgumentOutOfRangeException>(() => Due("2025-09-26", extension: -1)); // would shorten the legal period
    }

    [Fact]
    public void After_a_correction_the_twenty_days_restart_from_the_corrected_application_across_qingming()
    {
        // Received Mon 2026-03-09: the 补正 notice is due within 7 working days: 03-10…13 (4), 03-16…18 (7).
        Assert.Equal(D("2026-03-18"), ReplyDeadline.CorrectionNoticeDue(Instance, D("2026-03-09")).Value);

        // Corrected application received Fri 2026-03-20: 03-23…27 (5), 03-30…04-03 (10), 04-04…06 清明 off (Mon 04-06 too),
        // 04-07…10 (14), 04-13…17 (19), 04-20 (20).
        var timeline = new RequestTimeline(RequestStage.Processing, D("2026-03-09"), D("2026-03-20"), [], 0, null);
        Assert.Equal(D("2026-04-20"), timeline.Evaluate(Instance, D("2026-03-23")).Due);

        // While the correction is awaited there is no running deadline at all.
        var waiting = timeline with { Stage = RequestStage.AwaitingCorrection, ClockStartOn = D("2026-03-09") };
        var stopped = waiting.Evaluate(Instance, D("2026-04-30"));
        Assert.Equal((DeadlineState.Stopped, null), (stopped.State, stopped.Due));
    }

    [Fact]
    public void A_third_party_consultation_is_not_counted_even_across_labour_day_and_its_worked_saturday()
    {
        // Received Mon 2026-04-27: 04-28 (1), 04-29 (2) — consultation sent that day; paused 04-30…05-12 (reply Tue 05-12);
        // counting resumes 05-13 (3), 05-14 (4), 05-15 (5), 05-18…22 (10), 05-25…29 (15), 06-01…05 (20).
        var pause = new DeadlinePause(D("2026-04-29"), D("2026-05-12"));
        Assert.Equal(D("2026-06-05"), Due("2026-04-27", 0, pause));

        // Without the pause: 04-28…30 (3), 05-01…05 off, 05-06…08 (6), Sat 05-09 worked (7), 05-11…15 (12), 05-18…22 (17), 05-25…27 (20).
        Assert.Equal(D("2026-05-27"), Due("2026-04-27"));
    }

    [Fact]
    public void A_consultation_pauses_the_clock_for_at_most_fifteen_working_days()
    {
        // 15 working days after Wed 2026-04-29: 04-30 (1), 05-06…08 (4), Sat 05-09 (5), 05-11…15 (10), 05-18…22 (15).
        Assert.Equal(D("2026-05-22"), ReplyDeadline.PauseLimit(Instance, D("2026-04-29")));

        // 04-28 (1), 04-29 (2), paused to 05-22, then 05-25…29 (7), 06-01…05 (12), 06-08…12 (17), 06-15…17 (20).
        Assert.Equal(D("2026-06-17"), Due("2026-04-27", 0, new DeadlinePause(D("2026-04-29"), null)));
        Assert.Equal(D("2026-06-17"), Due("2026-04-27", 0, new DeadlinePause(D("2026-04-29"), D("2026-06-01"))));

        var open = new RequestTimeline(RequestStage.Consultation, D("2026-04-27"), D("2026-04-27"), [new DeadlinePause(D("2026-04-29"), null)], 0, null)
            .Evaluate(Instance, D("2026-05-06"));
        Assert.True(open.Provisional);
    }

    [Theory]
    // Due Thu 2025-10-30 (above).
    [InlineData("2025-10-22", 6, DeadlineState.OnTime)]  // 10-23, 24, 27, 28, 29, 30
    [InlineData("2025-10-23", 5, DeadlineState.Near)]
    [InlineData("2025-10-30", 0, DeadlineState.Near)]
    [InlineData("2025-10-31", -1, DeadlineState.Overdue)]
    [InlineData("2025-11-03", -2, DeadlineState.Overdue)] // 10-31, 11-03
    public void Remaining_days_and_the_near_and_overdue_states(string today, int remaining, DeadlineState state)
    {
        var status = new RequestTimeline(RequestStage.Processing, D("2025-09-26"), D("2025-09-26"), [], 0, null).Evaluate(Instance, D(today));
        Assert.Equal((D("2025-10-30"), remaining, state), (status.Due!.Value, status.Remaining!.Value, status.State));
    }

    [Fact]
    public void A_year_without_calendar_data_makes_the_deadline_provisional()
    {
        var status = new RequestTimeline(RequestStage.Processing, D("2026-12-21"), D("2026-12-21"), [], 0, null).Evaluate(Instance, D("2026-12-22"));
        Assert.True(status.Provisional);
        Assert.Contains("2027", status.Warning);
    }

    [Theory]
    [InlineData(DeadlineState.Overdue, -21, "已超期 21 个工作日")]
    [InlineData(DeadlineState.Near, 3, "临近期限，还剩 3 个工作日")]
    [InlineData(DeadlineState.Near, 0, "临近期限，今天到期")]
    [InlineData(DeadlineState.OnTime, 12, "正常，还剩 12 个工作日")]
    [InlineData(DeadlineState.Stopped, null, "计时中止（待补正）")]
    [InlineData(DeadlineState.Closed, null, "已办结")]
    public void The_deadline_summary_never_says_a_thing_twice(DeadlineState state, int? remaining, string expected) =>
        Assert.Equal(expected, new DeadlineStatus(state, null, remaining, false, null).Summary);

    [Theory]
    [InlineData(DeadlineState.OnTime, "正常")]
    [InlineData(DeadlineState.Near, "临近期限")]
    [InlineData(DeadlineState.Overdue, "已超期")]
    [InlineData(DeadlineState.Stopped, "计时中止（待补正）")]
    [InlineData(DeadlineState.Closed, "已办结")]
    public void Each_deadline_state_has_its_chinese_label(DeadlineState state, string label) =>
        Assert.Equal(label, DeadlineStates.DisplayName(state));
}
