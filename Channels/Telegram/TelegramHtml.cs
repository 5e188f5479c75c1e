using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Channels.Telegram;

/// <summary>
/// The KB's light markdown as Telegram HTML (parse_mode HTML): [text](url) becomes a link, **text** bold, and everything else
/// is escaped, so a KB text or an operator's message can never inject markup or break the message.
/// </summary>
internal static partial class TelegramHtml
{
    private static readonly string[] LinkSchemes = ["http", "https", "mailto", "tg"];

    public static string Render(string markdown)
    {
        var html = new StringBuilder(markdown.Length + 32);
        Render(markdown, html, allowBold: true);
        return html.ToString();
    }

    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The spans of links in <paramref name="markdown"/>, which a split must not cut.</summary>
    public static IEnumerable<(int Start, int End)> LinkSpans(string markdown) =>
        LinkOrBold().Matches(markdown).Where(m => m.Groups["url"].Success).Select(m => (m.Index, m.Index + m.Length));

    private static void Render(string markdown, StringBuilder html, bool allowBold)
    {
        var position = 0;
        foreach (Match match in LinkOrBold().Matches(markdown))
        {
            if (!allowBold && !match.Groups["url"].Success)
            {
                continue;
            }

            html.Append(Escape(markdown[position..match.Index]));
            if (match.Groups["url"].Success)
            {
                AppendLink(html, match.Groups["text"].Value, match.Groups["url"].Value);
            }
            else
            {
                html.Append("<b>");
                Render(match.Groups["bold"].Value, html, allowBold: false);
                html.Append("</b>");
            }

            position = match.Index + match.Length;
        }

        html.Append(Escape(markdown[position..]));
    }

    private static void AppendLink(StringBuilder html, string text, string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && LinkSchemes.Contains(uri.Scheme))
        {
            html.Append("<a href=\"").Append(Escape(url).Replace("\"", "&quot;", StringComparison.Ordinal)).Append("\">")
                .Append(Escape(text)).Append("</a>");
        }
        else
        {
            // Telegram would refuse the whole message for a link it cannot open; the reader still sees where it points.
            html.Append(Escape(text)).Append(" (").Append(Escape(url)).Append(')');
        }
    }

    [GeneratedRegex(@"\[(?<text>[^\[\]\n]+)\]\((?<url>[^\s()]+)\)|\*\*(?<bold>\S(?:[^\n]*?\S)?)\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex LinkOrBold();
}
