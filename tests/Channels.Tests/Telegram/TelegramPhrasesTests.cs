using Assistant.Channels.Telegram;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramPhrasesTests
{
    [Fact]
    public void The_embedded_phrases_load_and_describe_every_command()
    {
        var phrases = TelegramPhrases.Load();

        Assert.Contains("/operator", phrases.Help);
        Assert.Contains("специалисту", phrases.Attachment);
        Assert.All([phrases.Commands.Start, phrases.Commands.Help, phrases.Commands.Operator], d => Assert.InRange(d.Length, 3, 256));
    }

    [Fact]
    public void A_moderators_file_replaces_only_the_keys_it_names()
    {
        var path = Path.Combine(Path.GetTempPath(), $"telegram-phrases-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "help": "Справка.", "commands": { "operator": "Позвать специалиста" } }""");
        try
        {
            var phrases = TelegramPhrases.Load(path);

            Assert.Equal("Справка.", phrases.Help);
            Assert.Equal("Позвать специалиста", phrases.Commands.Operator);
            Assert.Equal(TelegramPhrases.Load().Commands.Start, phrases.Commands.Start);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
