using System.Globalization;

namespace Disclosure.Interaction.Surveys;

/// <summary>Where the survey pages are, public and admin.</summary>
public static class SurveyPaths
{
    public const string PublicList = "/surveys";
    public const string AdminList = "/admin/surveys";

    public static string Public(long id) => PublicList + "/" + Id(id);

    public static string Thanks(long id) => Public(id) + "/thanks";

    public static string Results(long id) => Public(id) + "/results";

    public static string Admin(long id) => AdminList + "/" + Id(id);

    public static string Edit(long id) => AdminList + "/edit/" + Id(id);

    public static string Moderation(long id) => Admin(id) + "/moderation";

    public static string Export(long id) => Admin(id) + "/export";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
