using System.Text;

namespace Assistant.Dialogs.Privacy;

/// <summary>
/// Makes a channel's text safe to analyse, store and show: no control characters or terminal colour codes, no invisible format
/// characters, no broken surrogate pairs, trimmed.
/// </summary>
public static class InputText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }

                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                continue;
            }

            if (c == '\u001b' && i + 1 < text.Length && text[i + 1] == '[')
            {
                // A terminal's colour code («\x1b[31m»): the whole sequence goes, not just its first character.
                i += 2;
                while (i < text.Length && text[i] is < '@' or > '~')
                {
                    i++;
                }

                continue;
            }

            if (c is '\n' or '\t')
            {
                builder.Append(c);
            }
            else if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (!char.IsControl(c) && !IsInvisible(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Invisible format characters: zero-width spaces, the byte-order mark, soft hyphens, and the direction overrides that can make
    /// a text shown to an operator read differently from what was sent. The zero-width joiner stays: emoji are built with it.
    /// </summary>
    private static bool IsInvisible(char c) =>
        c != '\u200D' && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>True when the text has a letter or a digit to work with (not empty, not only emoji or punctuation).</summary>
    public static bool HasWords(string? text) => text is not null && text.Any(char.IsLetterOrDigit);

    public static int WordCount(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(HasWords);
}
