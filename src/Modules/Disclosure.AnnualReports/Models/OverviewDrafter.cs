using System.Globalization;
using System.Text;
using Disclosure.Core.Channels;
using Disclosure.Requests.Models;
namespace Disclosure.AnnualReports.Models;

/// <summary>
/// Drafts section 一、总体情况 from the figures, in the plain official register of published reports: what was
/// done, with numbers, under the five headings the format asks for (主动公开、依申请公开、政府信息管理、
/// 政府信息公开平台建设、监督保障). The office edits the draft; sentences without data of their own are written
/// so that they are true of any office using this system, and marked where the office should add its own facts.
/// A channel besides the site (微信公众号, 政务微博, 移动客户端) is named only when something was delivered on it in the year:
/// the report must not claim a channel the office does not have.
/// </summary>
public static class OverviewDrafter
{
    /// <summary>The report is read in Chinese: numbers in its sentences are written as zh-CN writes them.</summary>
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <param name="agencyName">The reporting agency.</param>
    /// <param name="f">The year's figures.</param>
    /// <param name="supervision">Sentences other modules contribute under （五）监督保障 (letters and reply satisfaction …).</param>
    public static string Draft(string agencyName, AnnualReportFigures f, IReadOnlyList<string>? supervision = null)
    {
        var o = f.Overview;
        var p = f.Proactive;
        var t = f.Applications;
        var text = new StringBuilder();

        text.Append(Chinese, $"{f.Year}年，{agencyName}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，");
        text.Append("按照“以公开为常态、不公开为例外”的原则，扎实推进政府信息公开工作。现将本年度政府信息公开工作情况报告如下。\n\n");

        text.Append("（一）主动公开。");
        text.Append(Chinese, $"全年通过政府信息公开平台主动公开政府信息{o.PublishedTotal}条");
        var classes = o.PublishedByCatalogue.Where(c => c.Count > 0).ToList();
        if (classes.Count > 0)
        {
            text.Append("，其中").Append(string.Join("、", classes.Select(c => $"{c.Name}{c.Count}条")));
        }

        text.Append('。');
        var wechat = o.OnChannel(ChannelNames.WeChat);
        var weibo = o.OnChannel(ChannelNames.Weibo);
        var app = o.OnChannel(ChannelNames.App);
        var delivered = new List<string>();
        if (wechat > 0)
        {
            delivered.Add($"通过微信公众号发布信息{wechat}条");
        }

        if (weibo > 0)
        {
            delivered.Add($"通过政务微博发布信息{weibo}条");
        }

        if (app > 0)
        {
            delivered.Add($"通过移动客户端推送信息{app}条");
        }

        if (delivered.Count > 0)
        {
            text.Append("同步").Append(string.Join("，", delivered)).Append('。');
        }

        text.Append(Chinese, $"本年制发行政规范性文件{p.Normative.Issued}件、废止{p.Normative.Abolished}件，现行有效{p.Normative.InForce}件");
        if (p.Rules.Issued + p.Rules.Abolished + p.Rules.InForce > 0)
        {
            text.Append(Chinese, $"；制发规章{p.Rules.Issued}件、废止{p.Rules.Abolished}件，现行有效{p.Rules.InForce}件");
        }

        text.Append(Chinese, $"。发布政策解读{o.Interpretations}篇，更新办事指南{o.GuidesUpdated}项。");
        text.Append(Chinese, $"公示行政许可决定{p.Licensing}件、行政处罚决定{p.Penalty}件");
        text.Append(p.FeeAmount > 0 ? $"；全年行政事业性收费{ReportTables.Number(p.FeeAmount)}万元。\n\n" : "。\n\n");

        var received = t.NewApplications.Counts.Total;
        var carried = t.CarriedOver.Counts.Total;
        var closed = t.ResultsTotal.Counts.Total;
        text.Append("（二）依申请公开。");
        text.Append(Chinese, $"全年新收政府信息公开申请{received}件，其中自然人申请{t.NewApplications.Counts.NaturalPerson}件、法人或其他组织申请{received - t.NewApplications.Counts.NaturalPerson}件；");
        text.Append(Chinese, $"上年结转{carried}件。本年度办结{closed}件");
        var outcomes = t.Results.Select(s => (Name: RequestOutcomes.Sections.First(x => x.Category == s.Category).ShortName, Count: s.Counts.Total)).Where(x => x.Count > 0).ToList();
        if (outcomes.Count > 0)
        {
            text.Append("，其中").Append(string.Join("、", outcomes.Select(x => $"{x.Name}{x.Count}件")));
        }

        text.Append(Chinese, $"；结转下年度继续办理{t.CarriedForward.Counts.Total}件。");
        var reconsiderations = f.Appeals.Reconsideration.Total;
        var lawsuits = f.Appeals.DirectLitigation.Total + f.Appeals.LitigationAfterReconsideration.Total;
        text.Append(reconsiderations + lawsuits > 0
            ? $"因政府信息公开引发行政复议{reconsiderations}件、行政诉讼{lawsuits}件。\n\n"
            : "全年未发生因政府信息公开引发的行政复议、行政诉讼。\n\n");

        text.Append("（三）政府信息管理。");
        text.Append("严格执行信息发布“上报、初审、保密审查、领导审批”审核流程，坚持“谁公开、谁上报、谁负责”，发布前逐条开展保密审查和个人信息检查；");
        text.Append(Chinese, $"对行政规范性文件实行有效性动态管理，及时标注修改、废止、失效情况，现行有效行政规范性文件{p.Normative.InForce}件均已在平台集中公开。\n\n");

        text.Append("（四）政府信息公开平台建设。");
        text.Append("以政府信息公开平台为第一平台，统一信息公开目录和索引号，规范栏目设置，");
        var channels = new[] { (Count: wechat, Name: "微信公众号"), (Count: weibo, Name: "政务微博"), (Count: app, Name: "移动客户端") }.Where(c => c.Count > 0).Select(c => c.Name).ToList();
        if (channels.Count > 0)
        {
            text.Append(Chinese, $"同步向{string.Join("、", channels)}推送公开信息，");
        }

        text.Append("方便群众查询获取。\n\n");

        text.Append("（五）监督保障。");
        text.Append("将政府信息公开工作纳入年度工作考核，加强业务培训，自觉接受社会监督。");
        foreach (var sentence in supervision ?? [])
        {
            text.Append(sentence);
        }

        text.Append("【请公开办补充本年度培训、考核、社会评议等具体情况】");
        return text.ToString();
    }
}
