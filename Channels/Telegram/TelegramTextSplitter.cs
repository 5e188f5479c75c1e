namespace Assistant.Channels.Telegram;

/// <summary>
/// Cuts a long message into parts Telegram accepts (4096 characters), at the last paragraph break that fits, else a line
/// break, a sentence end, a space, and never inside a link.
/// </summary>
internal static class TelegramTextSplitter
{
    /// <summary>Telegram's limit for the text of one message, counted after entity parsing.</summary>
    public const int MaxLength = 4096;

    private static readonly string[] SentenceEnds = [". ", "! ", "? ", "; "];

    /// <summary>
    /// The parts of <paramref name="markdown"/>. Lengths are measured on the markdown, which is never shorter than the text
    /// Telegram counts (markup and escapes only shrink), so every part fits once rendered.
    /// </summary>
    public static IReadOnlyList<string> Split(string markdown, int limit = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        var rest = markdown.Trim();
        var parts = new List<string>();
        while (rest.Length > limit)
        {
            var cut = CutPosition(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int CutPosition(string text, int limit)
    {
        var cut = LastBreak(text, limit, "\n\n", 0)
            ?? LastBreak(text, limit, "\n", 0)
            ?? SentenceEnds.Select(end => LastBreak(text, limit, end, 1)).Max()
            ?? LastBreak(text, limit, " ", 0)
            ?? (char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit);
        foreach (var (start, end) in TelegramHtml.LinkSpans(text))
        {
            if (start < cut && cut < end && start > 0)
            {
                return start;
            }
        }

        return cut;
    }

    /// <summary>The position after which to cut: the last <paramref name="separator"/> that leaves the first part within the limit.</summary>
    private static int? LastBreak(string text, int limit, string separator, int keep)
    {
        var from = Math.Min(text.Length - 1, limit - keep + separator.Length - 1);
        while (from > 0)
        {
            var index = text.LastIndexOf(separator, from, StringComparison.Ordinal);
            if (index <= 0)
            {
                return null;
            }

            if (index + keep <= limit)
            {
                return index + keep;
            }

            from = index - 1;
        }

        return null;
    }
}
