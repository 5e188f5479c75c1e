using System.Net;
using Assistant.Bot.Host;
using Assistant.Bot.Host.Channels;
using Assistant.Channels.Vk;
using Assistant.Dialogs.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Tests.Vk;

/// <summary>Without Vk:AccessToken the channel is off and the app starts; with a token, a half-configured channel stops the start.</summary>
public sealed class VkChannelOffTests
{
    [Fact]
    public async Task A_token_without_the_community_id_and_the_callback_settings_stops_the_start()
    {
        var data = Path.Combine(Path.GetTempPath(), "assistant-vk-bad-" + Guid.NewGuid().ToString("N"));
        var app = AssistantApp.Build(["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", data, "--Vk:AccessToken", "some-token"], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Critical);
            builder.AddVkChannel();
        });
        try
        {
            var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

            Assert.Contains(error.Failures, f => f.Contains("Vk:GroupId", StringComparison.Ordinal));
            Assert.Contains(error.Failures, f => f.Contains("Vk:Secret", StringComparison.Ordinal));
            Assert.DoesNotContain("some-token", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Without_a_token_the_app_starts_without_the_channel()
    {
        var data = Path.Combine(Path.GetTempPath(), "assistant-vk-off-" + Guid.NewGuid().ToString("N"));
        var app = AssistantApp.Build(["--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", data, "--Vk:GroupId", "1"], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddVkChannel();
        });
        app.MapVkChannel();
        try
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };

            using var response = await client.PostAsync("channels/vk/callback", new StringContent("""{"type":"confirmation","group_id":1}"""));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(app.Services.GetServices<IChannelSender>(), s => s.Channel == VkChannel.Name);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
