using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>A citizen files a written request in the web chat, as the widget sends it.</summary>
internal static class WrittenRequestSteps
{
    /// <summary>«написать обращение», the text, the contact; returns the number the bot registered it under.</summary>
    public static async Task<string> FileAsync(RunningApp app, string citizen, string text, string contact)
    {
        await WebChatCalls.SendAsync(app.Client, citizen, "написать обращение");
        await WebChatCalls.SendAsync(app.Client, citizen, text);
        await WebChatCalls.SendAsync(app.Client, citizen, contact);
        var conversationId = (await WebChatCalls.ConversationOfAsync(app.Services, citizen)).Id;
        var requests = await app.Services.GetRequiredService<DialogStores>().Requests.ListAsync(CancellationToken.None);
        return Assert.Single(requests, r => r.Request.ConversationId == conversationId).Request.Number;
    }
}
