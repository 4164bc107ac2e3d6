using System.Globalization;

namespace Disclosure.Storage.Tests.Infrastructure;

/// <summary>A clock a test moves by hand (Beijing time in, UTC out), for deadlines and 公示期 that depend on today.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>09:00 Beijing time on the given day.</summary>
    public static TestClock At(string date) => new(Beijing(date));

    public static DateTimeOffset Beijing(string date) =>
        new(DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(9), TimeSpan.FromHours(8));

    public void Set(string date) => Now = Beijing(date);

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
