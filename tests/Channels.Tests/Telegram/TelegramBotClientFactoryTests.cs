using System.Net;
using System.Net.Sockets;
using Assistant.Channels.Telegram;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramBotClientFactoryTests
{
    private const string Token = "123456789:AAH-never_in_an_exception";

    [Fact]
    public async Task A_failed_call_throws_an_exception_that_does_not_carry_the_token()
    {
        // A loopback port nobody listens on: the call fails in the network layer, where URLs could leak into messages.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var bot = TelegramBotClientFactory.Create(Options.Create(new TelegramOptions { BotToken = Token, ApiBaseUrl = $"http://127.0.0.1:{port}" }));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => bot.GetMe());

        Assert.Equal("Transient", TelegramFailures.Classify(failure).ToString());
        Assert.DoesNotContain("never_in_an_exception", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_bot_api_is_the_default() =>
        Assert.Equal("https://api.telegram.org", new TelegramOptions().ApiBaseUrl);
}
