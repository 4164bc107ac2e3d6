namespace Disclosure.Core.Calendar;

/// <summary>
/// The dates of solar terms (节气) as observed in China: the day, in Beijing time (UTC+8), on which the Sun's
/// apparent ecliptic longitude reaches the term's angle. Only 清明 is needed (its day is a statutory holiday).
/// <para>
/// The Sun's position follows Meeus, <i>Astronomical Algorithms</i> (2nd ed.), chapter 25, "low accuracy": about
/// 0.01° (a quarter of an hour) at worst and a few minutes in practice, checked in the tests against the published
/// 清明 dates and against the 寿星 day formula for every year of this century. ΔT (terrestrial minus universal
/// time, about a minute) uses Morrison and Stephenson's long-term parabola, which is close enough at this precision.
/// </para>
/// </summary>
public static class SolarTerms
{
    /// <summary>清明: apparent solar longitude 15°.</summary>
    public const double QingmingLongitude = 15;

    private const double J2000 = 2451545.0;
    private const double DaysPerJulianCentury = 36525;
    private const double TropicalYearDays = 365.2422;
    private static readonly DateTime J2000Utc = new(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>The day of 清明 in <paramref name="year"/> (4 or 5 April in this and the next century).</summary>
    public static DateOnly Qingming(int year) => DateOnly.FromDateTime(Moment(year, QingmingLongitude, new DateTime(year, 4, 5, 0, 0, 0, DateTimeKind.Utc)) + BeijingOffset);

    /// <summary>
    /// The UTC moment near <paramref name="guess"/> at which the Sun's apparent longitude is
    /// <paramref name="longitude"/> degrees. Newton-style steps at the mean solar speed converge in a few rounds.
    /// </summary>
    public static DateTime Moment(int year, double longitude, DateTime guess)
    {
        var jde = ToJulianDay(guess);
        for (var i = 0; i < 8; i++)
        {
            var difference = Normalize180(longitude - ApparentLongitude(jde));
            jde += difference * TropicalYearDays / 360;
        }

        var universal = jde - DeltaTSeconds(year) / 86400;
        return J2000Utc.AddDays(universal - J2000);
    }

    /// <summary>The Sun's apparent geocentric longitude in degrees, 0 ≤ λ &lt; 360, at Julian Ephemeris Day <paramref name="jde"/>.</summary>
    public static double ApparentLongitude(double jde)
    {
        var t = (jde - J2000) / DaysPerJulianCentury;
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var meanAnomaly = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var equationOfCentre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly)
            + 0.000289 * Math.Sin(3 * meanAnomaly);
        var ascendingNode = Radians(125.04 - 1934.136 * t);

        // Aberration and nutation in longitude turn the true longitude into the apparent one.
        var apparent = meanLongitude + equationOfCentre - 0.00569 - 0.00478 * Math.Sin(ascendingNode);
        return ((apparent % 360) + 360) % 360;
    }

    private static double ToJulianDay(DateTime utc) => J2000 + (utc - J2000Utc).TotalDays;

    private static double DeltaTSeconds(int year)
    {
        var centuries = (year - 1820) / 100.0;
        return -20 + 32 * centuries * centuries;
    }

    private static double Normalize180(double degrees) => ((degrees % 360) + 540) % 360 - 180;

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
