using Disclosure.Credit.Api;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.GraphQL.Content;
using Disclosure.GraphQL.Schema;
using Disclosure.Storage.Agencies;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.GraphQL.Credit;

internal sealed class CreditLicenceGraphType : RecordGraphType<PublicLicence>
{
    public CreditLicenceGraphType()
        : base("CreditLicence", "行政许可公示信息（自然人姓名和证件号码已脱敏）")
    {
    }
}

internal sealed class CreditPenaltyGraphType : RecordGraphType<PublicPenalty>
{
    public CreditPenaltyGraphType()
        : base("CreditPenalty", "行政处罚公示信息（自然人姓名和证件号码已脱敏；金额单位万元）")
    {
    }
}

internal sealed class CreditPartyGraphType : RecordGraphType<PublicCreditParty>
{
    public CreditPartyGraphType()
        : base("CreditParty", "行政相对人（自然人、个体工商户经营者的姓名和证件号码已脱敏）")
    {
    }
}

internal sealed class AgencyGraphType : RecordGraphType<AgencyReference>
{
    public AgencyGraphType()
        : base("Agency", "机构：代码与名称")
    {
    }
}

/// <summary>A 双公示 record: a licence or a penalty (<c>… on CreditLicence { … }</c>).</summary>
internal sealed class CreditRecordGraphType : UnionGraphType
{
    public CreditRecordGraphType()
    {
        Name = "CreditRecord";
        Description = "双公示记录：行政许可（CreditLicence）或行政处罚（CreditPenalty）";
        Type<CreditLicenceGraphType>();
        Type<CreditPenaltyGraphType>();
    }
}

internal sealed class CreditRecordPageGraphType : ObjectGraphType<CreditRecordPage>
{
    public CreditRecordPageGraphType()
    {
        Name = "CreditRecordPage";
        Description = "一页双公示记录及分页信息（与 /api/v1/credit 相同）";
        Field<NonNullGraphType<IntGraphType>>("total").Description("符合条件的总条数").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<IntGraphType>>("page").Description("页码").Resolve(c => c.Source.Page);
        Field<NonNullGraphType<IntGraphType>>("pageSize").Description("每页条数").Resolve(c => c.Source.PageSize);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditRecordGraphType>>>>("items").Description("本页记录").Resolve(c => c.Source.Items);
    }
}

internal sealed class CreditRecordKindGraphType : EnumerationGraphType<CreditRecordKind>
{
    public CreditRecordKindGraphType()
    {
        Name = "CreditRecordKind";
        Description = "LICENCE 行政许可，PENALTY 行政处罚";
    }
}

internal sealed class CreditSearchByGraphType : EnumerationGraphType<CreditSearchField>
{
    public CreditSearchByGraphType()
    {
        Name = "CreditSearchBy";
        Description = "查询项：NAME 行政相对人名称（自然人为脱敏后的名称）、CREDIT_CODE 统一社会信用代码、DECISION_NUMBER 决定文书号";
    }
}

internal sealed class CreditSearchMatchGraphType : EnumerationGraphType<CreditSearchMatch>
{
    public CreditSearchMatchGraphType()
    {
        Name = "CreditSearchMatch";
        Description = "PREFIX 前缀匹配，EXACT 精确匹配";
    }
}

/// <summary>The root field <c>creditRecords</c> (双公示).</summary>
internal static class CreditFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<CreditRecordPageGraphType>>("creditRecords")
            .Description("双公示：公示中的行政许可或行政处罚记录，按决定日期倒序分页。与公开页面和 /api/v1/credit 使用同一查询和同一脱敏规则；公示期满、已信用修复或已撤回的记录不返回。")
            .Argument<NonNullGraphType<CreditRecordKindGraphType>>("kind", "LICENCE 行政许可或 PENALTY 行政处罚")
            .Argument<StringGraphType>("q", "查询内容（不超过 100 字）")
            .Argument<CreditSearchByGraphType>("by", "查询项，默认 NAME", a => a.DefaultValue = CreditSearchField.Name)
            .Argument<CreditSearchMatchGraphType>("match", "匹配方式，默认 PREFIX", a => a.DefaultValue = CreditSearchMatch.Prefix)
            .Argument<StringGraphType>("reach", "在某机构的网站上（/a/{机构代码}/graphql）：own 本级（默认）、subtree 含下级、all 全部；在平台网站上为全部机构")
            .Argument<IntGraphType>("page", "页码，从 1 开始", a => a.DefaultValue = 1)
            .Argument<IntGraphType>("pageSize", "每页条数，1 到 100，默认 20", a => a.DefaultValue = ContentFields.DefaultPageSize)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<CreditReader>().ListAsync(
                context.GetArgument<CreditRecordKind>("kind"),
                context.GetArgument<string?>("q"),
                context.GetArgument("by", CreditSearchField.Name),
                context.GetArgument("match", CreditSearchMatch.Prefix),
                context.GetArgument<string?>("reach"),
                context.GetArgument("page", 1),
                context.GetArgument("pageSize", ContentFields.DefaultPageSize),
                context.CancellationToken));
}
