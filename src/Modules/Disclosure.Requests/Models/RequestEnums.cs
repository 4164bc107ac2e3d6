namespace Disclosure.Requests.Models;

/// <summary>办理阶段: where an application is; the public status query shows only this and the deadline.</summary>
public enum RequestStage
{
    /// <summary>办理中: the reply period runs.</summary>
    Processing,

    /// <summary>待补正: a correction was asked for; the clock is stopped until the corrected application arrives.</summary>
    AwaitingCorrection,

    /// <summary>征求第三方意见: the clock is paused (at most 15 working days).</summary>
    Consultation,

    /// <summary>已办结: answered (or otherwise closed) with a statutory outcome.</summary>
    Closed,
}

/// <summary>申请方式: how the application arrived; it decides the date of receipt (第三十一条).</summary>
public enum RequestChannel
{
    /// <summary>网上申请: received the day it is submitted and confirmed by the system.</summary>
    Online,

    /// <summary>信函: the day the office signs for the letter.</summary>
    Letter,

    /// <summary>当面递交: the day it is handed in.</summary>
    InPerson,

    /// <summary>传真: the day both sides confirm.</summary>
    Fax,
}

/// <summary>获取信息的载体形式.</summary>
public enum PreferredForm
{
    Paper,
    Electronic,
}

/// <summary>获取信息的方式.</summary>
public enum DeliveryMethod
{
    Post,
    Email,
    Collect,
    Online,
}

public static class RequestNames
{
    public static string Stage(RequestStage stage) => stage switch
    {
        RequestStage.Processing => "办理中",
        RequestStage.AwaitingCorrection => "待申请人补正",
        RequestStage.Consultation => "征求第三方意见",
        RequestStage.Closed => "已办结",
        _ => stage.ToString(),
    };

    public static string Channel(RequestChannel channel) => channel switch
    {
        RequestChannel.Online => "网上申请",
        RequestChannel.Letter => "信函",
        RequestChannel.InPerson => "当面递交",
        RequestChannel.Fax => "传真",
        _ => channel.ToString(),
    };

    /// <summary>第三十一条, as a hint beside the receipt date for each channel.</summary>
    public static string ReceiptRule(RequestChannel channel) => channel switch
    {
        RequestChannel.Letter => "以本机关签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，以双方确认之日为收到申请之日",
        RequestChannel.InPerson => "以提交之日为收到申请之日",
        RequestChannel.Fax => "以双方确认之日为收到申请之日",
        _ => "以双方确认之日为收到申请之日",
    };

    public static string Form(PreferredForm form) => form switch
    {
        PreferredForm.Paper => "纸质",
        PreferredForm.Electronic => "电子",
        _ => form.ToString(),
    };

    public static string Delivery(DeliveryMethod delivery) => delivery switch
    {
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.Collect => "自行领取",
        DeliveryMethod.Online => "在线查看",
        _ => delivery.ToString(),
    };

    /// <summary>Parses an enum name as posted by a form; numbers and unknown names are refused.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
