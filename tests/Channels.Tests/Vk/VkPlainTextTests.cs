using Assistant.Channels.Vk.Sending;

namespace Assistant.Channels.Tests.Vk;

public sealed class VkPlainTextTests
{
    [Theory]
    [InlineData("Источник: [Госуслуги](https://www.gosuslugi.ru/)", "Источник: Госуслуги: https://www.gosuslugi.ru/")]
    [InlineData("Полис оформляется **бесплатно** на __Госуслугах__.", "Полис оформляется бесплатно на Госуслугах.")]
    [InlineData("Это *важно* и _срочно_.", "Это важно и срочно.")]
    [InlineData("См. [**ФОМС**](https://www.ffoms.gov.ru/)", "См. ФОМС: https://www.ffoms.gov.ru/")]
    [InlineData("[https://www.rosminzdrav.ru](https://www.rosminzdrav.ru)", "https://www.rosminzdrav.ru")]
    [InlineData("## Что взять с собой\nПаспорт", "Что взять с собой\nПаспорт")]
    public void Markdown_becomes_plain_text_with_links_as_title_and_address(string markdown, string expected) =>
        Assert.Equal(expected, VkPlainText.FromMarkdown(markdown));

    [Theory]
    [InlineData("Адрес [форма](https://example.ru/a_b_c/d*e) и 2*3*4, файл my_file_name.txt")]
    [InlineData("Ссылка https://example.ru/some_path_x/ без разметки")]
    public void Addresses_snake_case_and_arithmetic_keep_their_characters(string markdown)
    {
        var plain = VkPlainText.FromMarkdown(markdown);

        Assert.DoesNotContain("[", plain);
        foreach (var kept in new[] { "https://example.ru/a_b_c/d*e", "2*3*4", "my_file_name.txt", "https://example.ru/some_path_x/" }.Where(markdown.Contains))
        {
            Assert.Contains(kept, plain);
        }
    }
}
