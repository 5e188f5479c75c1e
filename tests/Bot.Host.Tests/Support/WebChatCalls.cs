using System.Net;
using System.Net.Http.Json;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>What the widget sends: POST /api/webchat/activities.</summary>
public static class WebChatCalls
{
    public static string NewUserId() => Guid.NewGuid().ToString();

    public static string NewClientMessageId() => Guid.NewGuid().ToString();

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) => client.PostAsJsonAsync("api/webchat/activities", body);

    /// <summary>Sends a typed message (asserts 202) and returns its clientMessageId.</summary>
    public static async Task<string> SendAsync(HttpClient client, string userId, string text, string? clientMessageId = null)
    {
        clientMessageId ??= NewClientMessageId();
        await AcceptedAsync(PostAsync(client, new { userId, clientMessageId, type = "message", text }));
        return clientMessageId;
    }

    /// <summary>Presses a quick reply as the widget does: its payload, and its title as the text.</summary>
    public static async Task<string> PressAsync(HttpClient client, string userId, string title, string payload)
    {
        var clientMessageId = NewClientMessageId();
        await AcceptedAsync(PostAsync(client, new { userId, clientMessageId, type = "button", text = title, payload }));
        return clientMessageId;
    }

    public static async Task AcceptedAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The visitor's current conversation, straight from the app's stores.</summary>
    public static async Task<Conversation> ConversationOfAsync(IServiceProvider services, string userId)
    {
        var conversation = await services.GetRequiredService<DialogStores>().Conversations.GetAsync(new ConversationKey("web", userId), CancellationToken.None);
        Assert.NotNull(conversation);
        return conversation;
    }

    /// <summary>A new visitor asks <paramref name="question"/>, gets the answer and presses «Оператор»; returns the conversation waiting for a person.</summary>
    public static async Task<string> HandOverAsync(RunningApp app, string question)
    {
        var userId = NewUserId();
        await using var stream = await SseStream.OpenAsync(app.Client, userId);
        await SendAsync(app.Client, userId, question);
        await stream.WaitForKindAsync("answer");
        await PressAsync(app.Client, userId, "Оператор", "operator");
        await stream.WaitForKindAsync("handoffNotice");
        return (await ConversationOfAsync(app.Services, userId)).Id;
    }
}
