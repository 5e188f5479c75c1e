using System.Net;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>What the personal-manager rule tests do over and over: a citizen's handover, and a conversation taken and finished.</summary>
internal static class PersonalManagerSteps
{
    /// <summary>
    /// The citizen (from the portal section <paramref name="segment"/>, when given) asks about the OMS policy and presses
    /// «Оператор»; returns the conversation now waiting for an operator.
    /// </summary>
    public static async Task<Conversation> HandOverAsync(RunningApp app, string citizen, string? segment = null)
    {
        await WebChatCalls.AcceptedAsync(WebChatCalls.PostAsync(app.Client,
            new { userId = citizen, clientMessageId = WebChatCalls.NewClientMessageId(), type = "message", text = "как получить полис омс", segment }));
        await WebChatCalls.AcceptedAsync(WebChatCalls.PostAsync(app.Client,
            new { userId = citizen, clientMessageId = WebChatCalls.NewClientMessageId(), type = "button", text = "Оператор", payload = "operator", segment }));
        var conversation = await WebChatCalls.ConversationOfAsync(app.Services, citizen);
        Assert.Equal(ConversationState.WaitingForOperator, conversation.State);
        return conversation;
    }

    /// <summary><paramref name="by"/> takes the conversation and closes it; the citizen rates it and says thanks: it is over.</summary>
    public static async Task TakeAndFinishAsync(RunningApp app, OperatorClient by, string citizen, string conversationId)
    {
        await by.OkAsync(by.AcceptAsync(conversationId));
        await by.OkAsync(by.CloseAsync(conversationId));
        await WebChatCalls.AcceptedAsync(WebChatCalls.PostAsync(app.Client,
            new { userId = citizen, clientMessageId = WebChatCalls.NewClientMessageId(), type = "rating", rating = 5 }));
        await WebChatCalls.SendAsync(app.Client, citizen, "спасибо, всё понятно");
        Assert.Equal(ConversationState.Done, (await WebChatCalls.ConversationOfAsync(app.Services, citizen)).State);
    }

    public static async Task SetPresenceAsync(OperatorClient client, bool online)
    {
        using var response = await client.SetPresenceAsync(online);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Whether the conversation is in the operator's queue (all their groups), and reserved for them.</summary>
    public static async Task<(bool Listed, string? ReservedFor)> InQueueOfAsync(OperatorClient client, string conversationId)
    {
        var entry = (await client.QueueAsync("")).EnumerateArray().FirstOrDefault(e => e.GetProperty("conversationId").GetString() == conversationId);
        return entry.ValueKind == System.Text.Json.JsonValueKind.Undefined
            ? (false, null)
            : (true, entry.TryGetProperty("personalManagerId", out var manager) ? manager.GetString() : null);
    }

    /// <summary>Another operator of the group is refused the conversation reserved for the personal manager.</summary>
    public static async Task RefusedAsync(OperatorClient other, string conversationId)
    {
        using var taken = await other.AcceptAsync(conversationId);
        Assert.Equal(HttpStatusCode.Forbidden, taken.StatusCode);
        Assert.Contains("персональный менеджер", await taken.Content.ReadAsStringAsync());
    }
}
