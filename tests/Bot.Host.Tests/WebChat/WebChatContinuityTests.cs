using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.WebChat;

/// <summary>Positions keep growing across a visitor's conversations, and de-duplication is per visitor.</summary>
public sealed class WebChatContinuityTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task A_new_question_right_after_closing_reaches_the_open_stream_with_higher_positions()
    {
        var userId = WebChatCalls.NewUserId();
        await using var stream = await SseStream.OpenAsync(app.Client, userId);
        await stream.WaitForKindAsync("greeting");
        await WebChatCalls.SendAsync(app.Client, userId, "как получить полис омс");
        await stream.WaitForKindAsync("answer");
        await WebChatCalls.PressAsync(app.Client, userId, "Вопрос решён", "resolved");
        var prompt = await stream.WaitForKindAsync("ratingPrompt");

        var secondQuestion = await WebChatCalls.SendAsync(app.Client, userId, "вызвать врача на дом");
        var echo = await stream.WaitForEchoAsync(secondQuestion);
        var reply = await stream.WaitForMessageAsync(e => e.IsMessage && e.From == "bot" && e.Sequence > echo.Sequence, "the reply in the new conversation");

        Assert.True(echo.Sequence > prompt.Sequence, "the next conversation continues the visitor's positions");
        Assert.True(reply.Sequence > echo.Sequence);
    }

    [Fact]
    public async Task Two_visitors_using_the_same_client_message_id_are_both_answered()
    {
        var first = WebChatCalls.NewUserId();
        var second = WebChatCalls.NewUserId();
        await using var firstStream = await SseStream.OpenAsync(app.Client, first);
        await using var secondStream = await SseStream.OpenAsync(app.Client, second);
        const string sharedId = "message-1";

        await WebChatCalls.SendAsync(app.Client, first, "как получить полис омс", sharedId);
        await WebChatCalls.SendAsync(app.Client, second, "как получить полис омс", sharedId);

        await firstStream.WaitForEchoAsync(sharedId);
        await secondStream.WaitForEchoAsync(sharedId);
        Assert.NotNull(await secondStream.WaitForKindAsync("answer"));
    }
}
