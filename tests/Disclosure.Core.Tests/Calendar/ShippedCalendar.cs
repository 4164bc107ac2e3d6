using Disclosure.Core.Calendar;
using Disclosure.Core.Recipes;
using Disclosure.Modules;

namespace Disclosure.Core.Tests.Calendar;

/// <summary>The calendar exactly as setup imports it: read from the repository's own recipe and year files.</summary>
internal static class ShippedCalendar
{
    private static readonly Lazy<WorkingDayCalendar> Calendar = new(() =>
        new WorkingDayCalendar(InstalledModules.ReadRecipe(Path.Combine(RepositoryRoot(), "recipes", "setup.json")).Steps.OfType<CalendarStep>().Single().Years));

    public static WorkingDayCalendar Instance => Calendar.Value;

    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Disclosure.sln not found above " + AppContext.BaseDirectory);
    }
}
