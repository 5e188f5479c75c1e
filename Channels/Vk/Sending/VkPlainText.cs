using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Channels.Vk.Sending;

/// <summary>
/// The KB's light markdown as VK plain text (messages.send shows no markup): [text](url) becomes "text: url", **bold**,
/// __bold__, *italic* and _italic_ lose their marks, "# " headings their hashes. Addresses are left exactly as written.
/// </summary>
public static partial class VkPlainText
{
    public static string FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = new StringBuilder(markdown.Length);
        var at = 0;
        foreach (Match link in Link().Matches(markdown))
        {
            text.Append(Plain(markdown[at..link.Index]));
            var title = Plain(link.Groups["title"].Value).Trim();
            var url = link.Groups["url"].Value;
            text.Append(title.Length == 0 || title == url ? url : title + ": " + url);
            at = link.Index + link.Length;
        }

        text.Append(Plain(markdown[at..]));
        return text.ToString();
    }

    /// <summary>Emphasis and headings off a piece of text that holds no link.</summary>
    private static string Plain(string text)
    {
        text = Heading().Replace(text, "");
        text = Strong().Replace(text, "${inner}");
        return Emphasis().Replace(text, "${inner}");
    }

    [GeneratedRegex(@"\[(?<title>[^\]\n]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}[ \t]+", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<mark>\*\*|__)(?=\S)(?<inner>.+?)(?<=\S)\k<mark>")]
    private static partial Regex Strong();

    // Single marks only at word edges, so snake_case names, 2*3 and addresses keep their characters.
    [GeneratedRegex(@"(?<![\w*])(?<mark>[*_])(?=[^\s*_])(?<inner>[^\n]+?)(?<=[^\s*_])\k<mark>(?![\w*])")]
    private static partial Regex Emphasis();
}
