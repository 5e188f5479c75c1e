using System.Globalization;

namespace Assistant.Bot.Host.Staff.Dashboards;

/// <summary>
/// Figures as a Russian reader writes them on the staff pages: a decimal comma and a space before «%» («4,50», «33,3 %»).
/// CSV exports keep the invariant form, for programs that read them.
/// </summary>
public static class RussianFigures
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>A mean rating with two decimals: «4,50».</summary>
    public static string Mean(double value) => value.ToString("0.00", Russian);

    /// <summary>A share with at most one decimal: «33,3 %».</summary>
    public static string Percent(double value) => value.ToString("0.#", Russian) + " %";
}
