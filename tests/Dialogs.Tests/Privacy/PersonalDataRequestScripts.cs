using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Privacy;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Privacy;

/// <summary>A person's data export and erasure by channel and user id (152-FZ subject requests), across their conversations.</summary>
public sealed class PersonalDataRequestScripts
{
    [Fact]
    public async Task Export_holds_every_conversation_rating_request_and_inbox_item_of_the_person_and_erasure_removes_only_theirs()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow("anna")
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Помогло")
            .AssertReply(MessageKind.Notice)
            .Press("Вопрос решён")
            .AssertReply(MessageKind.RatingPrompt)
            .Press("5")
            .AssertReply(MessageKind.RatingThanks)
            .Send("Спасибо, всё понятно")
            .AssertReply(MessageKind.Notice, "комментарий передан")
            .Send("какая завтра будет погода в москве")
            .AssertReply(MessageKind.Fallback)
            .Press("Написать обращение")
            .AssertReply(MessageKind.Notice, "Опишите")
            .Send("Прошу разъяснить порядок получения справки")
            .AssertReply(MessageKind.Notice, "e-mail или телефон")
            .Send("anna@example.ru")
            .AssertReply(MessageKind.RequestAcknowledged);
        await bot.Flow("boris")
            .Send("какая завтра будет погода в москве")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback);
        var requests = new PersonalDataRequests(bot.Stores);
        var anna = new ConversationKey("web", "anna");

        var export = await requests.ExportAsync(anna, CancellationToken.None);

        Assert.Equal(2, export.Conversations.Count);
        Assert.All(export.Conversations, c => Assert.NotEmpty(c.Transcript));
        Assert.Contains(export.Conversations.SelectMany(c => c.Transcript), e => e.Text == "как получить полис омс");
        Assert.Equal(5, Assert.Single(export.Ratings).Score);
        Assert.Equal("anna@example.ru", Assert.Single(export.WrittenRequests).Contact);
        Assert.Contains(export.Unanswered, u => u.Text.Contains("погода", StringComparison.Ordinal));
        var borisConversation = (await bot.ConversationOf(new ConversationKey("web", "boris")))!.Id;
        Assert.DoesNotContain(export.Conversations, c => c.Id == borisConversation);

        var erased = await requests.EraseAsync(anna, CancellationToken.None);

        Assert.Equal(2, erased.Conversations);
        var after = await requests.ExportAsync(anna, CancellationToken.None);
        Assert.Empty(after.Conversations);
        Assert.Empty(after.Ratings);
        Assert.Empty(after.WrittenRequests);
        Assert.Empty(after.Unanswered);
        Assert.Null(await bot.ConversationOf(anna));
        Assert.Null(await bot.Stores.Requests.GetAsync(export.WrittenRequests[0].Number, CancellationToken.None));

        var boris = await requests.ExportAsync(new ConversationKey("web", "boris"), CancellationToken.None);
        Assert.Single(boris.Conversations);
        Assert.Single(boris.Unanswered);
    }
}
