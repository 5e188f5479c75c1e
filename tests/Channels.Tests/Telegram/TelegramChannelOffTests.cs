using System.Net;
using Assistant.Bot.Host;
using Assistant.Bot.Host.Channels;
using Assistant.Channels.Telegram;
using Assistant.Dialogs.Delivery;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramChannelOffTests
{
    [Fact]
    public async Task Without_a_token_the_app_starts_with_no_telegram_sender_and_no_webhook()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("assistant-telegram-off-");
        var app = AssistantApp.Build(["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", dataDirectory.FullName, "--Telegram:Mode", "webhook"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.AddTelegramChannel();
        });
        try
        {
            app.MapTelegramChannel();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var response = await client.PostAsync(TelegramChannel.WebhookPath, new StringContent("{}"));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(app.Services.GetServices<IChannelSender>(), s => s.Channel == TelegramChannel.Name);
            Assert.Null(app.Services.GetService<TelegramOutbox>());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dataDirectory.Delete(recursive: true);
        }
    }
}
