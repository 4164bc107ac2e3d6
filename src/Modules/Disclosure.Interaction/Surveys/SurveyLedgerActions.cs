namespace Disclosure.Interaction.Surveys;

/// <summary>The 社会评议 actions recorded in the 台账; the subject is <c>survey:&lt;id&gt;</c>. No answer's text goes in.</summary>
public static class SurveyLedgerActions
{
    public const string SubjectPrefix = "survey:";

    public const string Created = "survey-created";
    public const string Edited = "survey-edited";
    public const string Published = "survey-published";
    public const string Closed = "survey-closed";
    public const string ResultsPublished = "survey-results-published";
    public const string AnswerModerated = "survey-answer-moderated";
    public const string Exported = "survey-exported";

    public static string Subject(long surveyId) => SubjectPrefix + surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The zh-CN name, or null when the action is not one of these.</summary>
    public static string? DisplayName(string action) => action switch
    {
        Created => "新建社会评议问卷",
        Edited => "修改社会评议问卷",
        Published => "发布社会评议问卷",
        Closed => "提前结束社会评议",
        ResultsPublished => "公布社会评议结果",
        AnswerModerated => "审核社会评议填空答案",
        Exported => "导出社会评议原始答卷",
        _ => null,
    };
}
