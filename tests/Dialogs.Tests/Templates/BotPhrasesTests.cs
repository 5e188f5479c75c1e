using Assistant.Dialogs.Templates;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Templates;

public sealed class BotPhrasesTests
{
    [Fact]
    public void The_embedded_phrases_load_with_every_phrase_filled_in()
    {
        var phrases = BotPhrases.Load();
        Assert.Equal("Помогло", phrases.Buttons.Helped);
        Assert.Equal("Вопрос решён", phrases.Buttons.Resolved);
        Assert.Contains("оператор", phrases.Recognise.Operator);
        Assert.Equal(7, phrases.DayNames.Count);
        Assert.Contains("{number}", phrases.RequestAcknowledged);
        Assert.Contains("{deadline}", phrases.RequestAcknowledged);
    }

    [Fact]
    public void Bot_phrases_are_short()
    {
        var phrases = BotPhrases.Load();
        foreach (var phrase in new[] { phrases.Greeting, phrases.PersonalDataNotice, phrases.Fallback, phrases.HandoffQueued, phrases.RatingPrompt })
        {
            Assert.True(phrase.Length <= 160, $"«{phrase}» is longer than 160 characters.");
        }
    }

    [Fact]
    public void An_override_file_replaces_only_the_phrases_it_names()
    {
        using var directory = new TempDirectory();
        var path = directory.File("phrases.json");
        File.WriteAllText(path, """
            {
              // a moderator's edit
              "greeting": "Добрый день! Чем помочь?",
              "buttons": { "operator": "Специалист" }
            }
            """);

        var phrases = BotPhrases.Load(path);
        Assert.Equal("Добрый день! Чем помочь?", phrases.Greeting);
        Assert.Equal("Специалист", phrases.Buttons.Operator);
        Assert.Equal("Помогло", phrases.Buttons.Helped);
        Assert.Equal(BotPhrases.Load().Fallback, phrases.Fallback);
    }

    [Fact]
    public void An_override_with_a_blank_phrase_or_an_unknown_key_is_rejected()
    {
        using var directory = new TempDirectory();
        var blank = directory.File("blank.json");
        File.WriteAllText(blank, """{ "fallback": "  " }""");
        var unknown = directory.File("unknown.json");
        File.WriteAllText(unknown, """{ "greting": "Привет" }""");

        Assert.Contains("fallback", Assert.Throws<InvalidDataException>(() => BotPhrases.Load(blank)).Message);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => BotPhrases.Load(unknown));
    }

    [Fact]
    public void Placeholders_are_filled_by_name() =>
        Assert.Equal("№ МЗ-000001 до 03.04.2025", BotPhrases.Fill("№ {number} до {deadline}", ("number", "МЗ-000001"), ("deadline", "03.04.2025")));
}
