using System.Text.RegularExpressions;

namespace Assistant.Bot.Host.WebChat;

/// <summary>
/// The KB's light markdown as plain text for the widget, which shows text only (never HTML): links become "title — url"
/// (the widget makes bare addresses clickable) and emphasis marks are dropped.
/// </summary>
public static partial class WebChatText
{
    public static string FromMarkdown(string text)
    {
        var withLinks = Link().Replace(text, m => $"{m.Groups["title"].Value} — {m.Groups["url"].Value}");
        return Emphasis().Replace(withLinks, m => m.Groups["text"].Value);
    }

    /// <summary>The separate source link, unless the text already shows that address.</summary>
    public static string? SourceUnlessShown(string plainText, string? sourceUrl) =>
        sourceUrl is not null && plainText.Contains(sourceUrl, StringComparison.Ordinal) ? null : sourceUrl;

    [GeneratedRegex(@"\[(?<title>[^\]\n]+)\]\((?<url>https?://[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*(?<text>[^*\n]+)\*\*|__(?<text>[^_\n]+)__")]
    private static partial Regex Emphasis();
}
