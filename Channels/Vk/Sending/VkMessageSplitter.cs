namespace Assistant.Channels.Vk.Sending;

/// <summary>
/// Cuts a text longer than VK's limit into messages: at the last paragraph break that keeps a part within the limit,
/// else at a line break, a sentence end or a space in the second half of the part, else hard (never inside a surrogate pair).
/// </summary>
public static class VkMessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = CutPoint(rest, limit);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int CutPoint(string text, int limit)
    {
        // A break that starts right at the limit still leaves a whole part before it.
        var window = text.AsSpan(0, Math.Min(text.Length, limit + 1));
        var half = limit / 2;
        if (Last(window, "\n\n") is var paragraph and > 0)
        {
            return paragraph;
        }

        if (Last(window, "\n") is var line && line >= half)
        {
            return line;
        }

        var sentence = Math.Max(Last(window[..limit], ". "), Math.Max(Last(window[..limit], "! "), Last(window[..limit], "? ")));
        if (sentence >= half)
        {
            return sentence + 1;
        }

        if (window.LastIndexOf(' ') is var space and > 0)
        {
            return space;
        }

        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }

    private static int Last(ReadOnlySpan<char> window, string separator) => window.LastIndexOf(separator.AsSpan(), StringComparison.Ordinal);
}
