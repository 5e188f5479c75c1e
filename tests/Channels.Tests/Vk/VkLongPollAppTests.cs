using Assistant.Channels.Tests.Vk.Support;
using Assistant.Channels.Vk;
using Assistant.Dialogs.Delivery;
using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Assistant.Channels.Tests.Vk;

/// <summary>The app in Bots Long Poll mode: events come from the long-poll server, there is no callback endpoint.</summary>
public sealed class VkLongPollAppTests(VkLongPollApp app) : IClassFixture<VkLongPollApp>
{
    [Fact]
    public async Task A_message_from_the_long_poll_server_is_answered_and_a_press_is_answered()
    {
        const long peer = 9301;

        // VK delivers only what happens after a session starts: push once the app has one (on a busy machine it may not yet).
        await app.Vk.WaitAsync(() => app.Vk.SessionsIssued >= 1 ? "" : null, "the app's long-poll session");
        app.Vk.Push(VkEvents.MessageNew(VkApp.GroupId, peer, 1, "как получить полис омс", "lp-app-1"));
        await app.Vk.WaitForMessageAsync(peer, m => m.Buttons.Count > 0, "the answer");

        app.Vk.Push(VkEvents.ButtonPress(VkApp.GroupId, peer, "lp-press", "helped", "lp-app-2"));
        await app.Vk.WaitForEventAnswerAsync("lp-press");

        Assert.Equal(["как получить полис омс", "Помогло"], await app.CitizenLinesAsync(peer));
        Assert.All(app.Vk.Polls, p => Assert.Equal("25", p.Wait));
    }

    [Fact]
    public async Task The_callback_endpoint_is_not_there_in_long_poll_mode()
    {
        using var response = await app.PostCallbackAsync(VkEvents.Confirmation(VkApp.GroupId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(app.Services.GetServices<IChannelSender>(), s => s.Channel == VkChannel.Name);
    }
}
