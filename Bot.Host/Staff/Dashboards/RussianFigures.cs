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

    /// <summary>A search score with three decimals: «0,875».</summary>
    public static string Score(double value) => value.ToString("0.000", Russian);

    /// <summary>A share with at most one decimal: «33,3 %».</summary>
    public static string Percent(double value) => value.ToString("0.#", Russian) + " %";

    /// <summary>A month as a calendar names it: «июль 2026».</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", Russian);

    /// <summary>A count with its noun in the Russian form for it: «1 диалог», «3 диалога», «11 диалогов».</summary>
    public static string Count(long n, string one, string few, string many)
    {
        var word = (n % 10, n % 100) switch
        {
            (1, not 11) => one,
            (2 or 3 or 4, not (12 or 13 or 14)) => few,
            _ => many,
        };
        return n.ToString(CultureInfo.InvariantCulture) + " " + word;
    }
}
