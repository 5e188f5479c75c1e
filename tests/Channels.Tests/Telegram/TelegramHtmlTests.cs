using Assistant.Channels.Telegram;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramHtmlTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("ОМС & ДМС", "ОМС &amp; ДМС")]
    [InlineData("a < b > c", "a &lt; b &gt; c")]
    [InlineData("&lt; already escaped", "&amp;lt; already escaped")]
    public void Everything_that_is_not_a_link_or_bold_is_escaped(string markdown, string html) =>
        Assert.Equal(html, TelegramHtml.Render(markdown));

    [Fact]
    public void A_link_becomes_an_anchor_with_escaped_text_and_address() =>
        Assert.Equal(
            "Источник: <a href=\"https://example.ru/?a=1&amp;b=&quot;2&quot;\">Приказ &lt;№ 1&gt;</a>",
            TelegramHtml.Render("Источник: [Приказ <№ 1>](https://example.ru/?a=1&b=\"2\")"));

    [Fact]
    public void Bold_becomes_b_and_may_hold_a_link() =>
        Assert.Equal(
            "<b>Важно:</b> см. <b><a href=\"https://www.gosuslugi.ru\">Госуслуги</a></b>",
            TelegramHtml.Render("**Важно:** см. **[Госуслуги](https://www.gosuslugi.ru)**"));

    [Theory]
    [InlineData("[нажмите](javascript:alert(1))", "[нажмите](javascript:alert(1))")]
    [InlineData("[нажмите](javascript:void)", "нажмите (javascript:void)")]
    [InlineData("[файл](/docs/1.pdf)", "файл (/docs/1.pdf)")]
    [InlineData("[почта](mailto:info@minzdrav.gov.ru)", "<a href=\"mailto:info@minzdrav.gov.ru\">почта</a>")]
    public void Only_web_mail_and_telegram_links_become_anchors(string markdown, string html) =>
        Assert.Equal(html, TelegramHtml.Render(markdown));

    [Theory]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("** не жирный **", "** не жирный **")]
    [InlineData("**незакрытый", "**незакрытый")]
    public void Stray_asterisks_stay_as_they_are(string markdown, string html) =>
        Assert.Equal(html, TelegramHtml.Render(markdown));
}
