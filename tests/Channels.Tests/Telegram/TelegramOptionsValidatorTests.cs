using Assistant.Channels.Telegram;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramOptionsValidatorTests
{
    private const string Token = "123456789:AAH-secret_part";

    [Fact]
    public void Without_a_token_the_channel_is_off_and_nothing_else_is_checked() =>
        Assert.Empty(TelegramOptionsValidator.Errors(new TelegramOptions { Mode = TelegramMode.Webhook, ApiBaseUrl = "nonsense" }));

    [Fact]
    public void Polling_needs_only_the_token() =>
        Assert.Empty(TelegramOptionsValidator.Errors(new TelegramOptions { BotToken = Token }));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has spaces")]
    [InlineData("has:colon")]
    public void A_webhook_needs_a_secret_telegram_accepts(string? secret)
    {
        var error = Assert.Single(TelegramOptionsValidator.Errors(new TelegramOptions { BotToken = Token, Mode = TelegramMode.Webhook, WebhookSecret = secret }));

        Assert.Contains("Telegram:WebhookSecret", error);
    }

    [Fact]
    public void Errors_name_the_setting_but_never_show_the_token()
    {
        var errors = TelegramOptionsValidator.Errors(new TelegramOptions { BotToken = "not a token, secret_part", ApiBaseUrl = "ftp://x" }).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("Telegram:BotToken", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Telegram:ApiBaseUrl", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("secret_part", StringComparison.Ordinal));
    }
}
