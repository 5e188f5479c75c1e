using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Knowledge.Import;

/// <summary>
/// Puts a file's errors together: those found while reading it and those of the content rules, so one upload lists every
/// problem. A content error about a place the reading already reported (a title that was not a string is also "required")
/// is left out, and the list is in file order.
/// </summary>
public static partial class KbErrors
{
    public static IReadOnlyList<KbError> Merge(IReadOnlyList<KbError> reading, IReadOnlyList<KbError> content)
    {
        var reported = reading.Select(Path).ToHashSet(StringComparer.Ordinal);
        var merged = reading.Concat(content.Where(e => !reported.Contains(Path(e)) && !reported.Contains(Root(e)))).ToList();
        return [.. merged.Select((e, i) => (e, i)).OrderBy(x => Order(x.e.Position)).ThenBy(x => x.i).Select(x => x.e)];
    }

    /// <summary>Where an error is, as one path: «articles[1]» + «sources[0].url» and «articles[1].sources[0]» + «url» are the same place.</summary>
    private static string Path(KbError e) => $"{e.Position}.{e.Field}";

    /// <summary>The field an error is about without its item: a source list that could not be read covers each of its sources.</summary>
    private static string Root(KbError e) => $"{e.Position}.{Item().Replace(e.Field, "")}";

    /// <summary>The order of a position in the file: by line, or by list (life situations, articles, synonyms) and item.</summary>
    private static (int, int, int) Order(string position)
    {
        var line = Line().Match(position);
        if (line.Success)
        {
            return (1, int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture), 0);
        }

        var item = ListItem().Match(position);
        if (!item.Success)
        {
            return (0, 0, 0);
        }

        var list = item.Groups[1].Value switch
        {
            "lifeSituations" => 2,
            "articles" => 3,
            _ => 4,
        };
        return (list, int.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture), 0);
    }

    [GeneratedRegex(@"^line (\d+)")]
    private static partial Regex Line();

    [GeneratedRegex(@"^([A-Za-z]+)\[(\d+)\]")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"(\[\d+\].*)$")]
    private static partial Regex Item();
}
