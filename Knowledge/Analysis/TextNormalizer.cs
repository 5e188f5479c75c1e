using System.Text;

namespace Assistant.Knowledge.Analysis;

/// <summary>First link of the chain: case, ё→е, control characters, and a hard length cap so hostile input stays cheap.</summary>
public static class TextNormalizer
{
    /// <summary>Anything longer is cut: a real question never needs more, and analysis cost stays bounded.</summary>
    public const int MaxAnalyzedChars = 2000;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan(0, Math.Min(text.Length, MaxAnalyzedChars));
        var sb = new StringBuilder(span.Length);
        foreach (var raw in span)
        {
            var c = char.ToLowerInvariant(raw);
            if (c == 'ё')
            {
                c = 'е';
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                c = ' ';
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
