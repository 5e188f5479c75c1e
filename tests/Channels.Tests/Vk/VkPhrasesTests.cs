using Assistant.Channels.Vk;

namespace Assistant.Channels.Tests.Vk;

public sealed class VkPhrasesTests
{
    [Fact]
    public void A_moderators_file_replaces_only_the_keys_it_names()
    {
        var embedded = VkPhrases.Load();
        var path = Path.Combine(Path.GetTempPath(), $"vk-phrases-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "textOnly": "Пожалуйста, напишите вопрос текстом." }""");
        try
        {
            var phrases = VkPhrases.Load(path);

            Assert.Equal("Пожалуйста, напишите вопрос текстом.", phrases.TextOnly);
            Assert.Equal(embedded.StaleButton, phrases.StaleButton);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_snackbar_text_VK_would_cut_is_refused_with_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vk-phrases-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "staleButton": "{{new string('я', 91)}}" }""");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => VkPhrases.Load(path));
            Assert.Contains("90", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
