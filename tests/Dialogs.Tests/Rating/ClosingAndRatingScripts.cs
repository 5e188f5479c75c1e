using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Operators;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Rating;

/// <summary>Closing by the citizen, the operator or inactivity, then one rating prompt, a score and an optional comment.</summary>
public sealed class ClosingAndRatingScripts
{
    [Fact]
    public async Task The_citizen_closes_then_rates_once_with_a_comment_and_the_rating_keeps_its_context()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Помогло")
            .AssertReply(MessageKind.Notice)
            .Press("Вопрос решён")
            .AssertReply(MessageKind.RatingPrompt, "Оцените", prompt => Assert.Equal(Authors.System, prompt.From))
            .AssertButtons("1", "2", "3", "4", "5")
            .AssertState(ConversationState.AwaitingRating)
            .Press("5")
            .AssertReply(MessageKind.RatingThanks, "комментарий")
            .AssertState(ConversationState.AwaitingComment)
            .Send("Всё понятно, спасибо! Мой телефон 89123456789")
            .AssertReply(MessageKind.Notice, "комментарий передан")
            .AssertNoReply()
            .Check(async (harness, conversation) =>
            {
                Assert.Equal(ConversationState.Done, conversation.State);
                var rating = await harness.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None);
                Assert.NotNull(rating);
                Assert.Equal(5, rating.Score);
                Assert.Equal("Всё понятно, спасибо! Мой телефон [телефон]", rating.Comment);
                Assert.Equal("web", rating.Channel);
                Assert.Equal("oms-policy", rating.LifeSituation);
                Assert.Equal(["oms-get-policy"], rating.ArticleIds);
                Assert.Null(rating.OperatorId);
            });
    }

    [Theory]
    [InlineData("а как записаться к врачу через госуслуги?", MessageKind.Answer)]
    [InlineData("И ещё: сколько действует больничный?", MessageKind.Clarify)]
    public async Task A_question_after_the_score_is_answered_in_a_new_conversation_not_taken_as_the_comment(string question, MessageKind reply)
    {
        await using var bot = await DialogHarness.StartAsync();
        string? first = null;
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("вопрос решён")
            .AssertReply(MessageKind.RatingPrompt)
            .Press("4")
            .AssertReply(MessageKind.RatingThanks)
            .Check((_, conversation) => first = conversation.Id)
            .Send(question)
            .AssertReply(reply)
            .Check(async (harness, conversation) =>
            {
                Assert.NotEqual(first, conversation.Id);
                Assert.Equal(ConversationState.BotAnswering, conversation.State);
                Assert.Equal(ConversationState.Done, (await harness.Stores.Conversations.GetAsync(first!, CancellationToken.None))?.State);
                var rating = await harness.Stores.Ratings.GetAsync(first!, CancellationToken.None);
                Assert.Equal(4, rating?.Score);
                Assert.Null(rating?.Comment);
            });
    }

    [Theory]
    [InlineData("Оператор ответил быстро, спасибо")]
    [InlineData("Как всегда, про полис ОМС толком ничего не ответили")]
    [InlineData("Нужно добавить информацию про запись к врачу через госуслуги")]
    public async Task A_comment_that_names_a_topic_or_the_operator_stays_the_comment(string comment)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("вопрос решён")
            .AssertReply(MessageKind.RatingPrompt)
            .Press("2")
            .AssertReply(MessageKind.RatingThanks)
            .Send(comment)
            .AssertReply(MessageKind.Notice, "комментарий передан")
            .Check(async (harness, conversation) =>
            {
                Assert.Equal(ConversationState.Done, conversation.State);
                Assert.Equal(comment, (await harness.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None))?.Comment);
            });
    }

    [Fact]
    public async Task Asking_for_a_person_after_the_score_hands_over_instead_of_being_the_comment()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("вопрос решён")
            .AssertReply(MessageKind.RatingPrompt)
            .Press("3")
            .AssertReply(MessageKind.RatingThanks)
            .Send("позовите оператора")
            .AssertReply(MessageKind.HandoffNotice)
            .AssertState(ConversationState.WaitingForOperator);
    }

    [Fact]
    public async Task Typing_the_close_phrase_works_like_the_button()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("Вопрос решён, спасибо")
            .AssertReply(MessageKind.RatingPrompt);
    }

    [Fact]
    public async Task The_operator_closes_and_the_native_rating_names_the_operator()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow("tg-7", "telegram")
            .Send("как записаться к врачу по телефону")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Оператор")
            .AssertReply(MessageKind.HandoffNotice)
            .OperatorAccepts("op-7")
            .AssertReply(MessageKind.Notice)
            .OperatorReplies("op-7", "Записаться можно по номеру 122.")
            .AssertReply(MessageKind.OperatorMessage, "122")
            .OperatorCloses("op-7")
            .AssertReply(MessageKind.RatingPrompt, "Специалист завершил диалог")
            .Rate(4)
            .AssertReply(MessageKind.RatingThanks)
            .Check(async (harness, conversation) =>
            {
                var rating = await harness.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None);
                Assert.NotNull(rating);
                Assert.Equal(4, rating.Score);
                Assert.Equal("op-7", rating.OperatorId);
                Assert.Equal("telegram", rating.Channel);
                Assert.Equal("doctor-appointment", rating.LifeSituation);
                Assert.Null(rating.Comment);
            });
    }

    [Fact]
    public async Task Inactivity_closes_an_open_conversation_and_asks_for_the_rating_once()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.InactivityTimeout = TimeSpan.FromMinutes(30));
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Wait(TimeSpan.FromMinutes(29))
            .CloseInactive(expectClosed: 0)
            .AssertNoReply()
            .Wait(TimeSpan.FromMinutes(2))
            .CloseInactive(expectClosed: 1)
            .AssertReply(MessageKind.RatingPrompt, "долго не было сообщений")
            .AssertState(ConversationState.AwaitingRating)
            .Wait(TimeSpan.FromHours(1))
            .CloseInactive(expectClosed: 0)
            .AssertNoReply()
            .Press("3")
            .AssertReply(MessageKind.RatingThanks);
    }

    [Fact]
    public async Task Waiting_in_the_queue_is_not_inactivity_but_silence_with_an_operator_is()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .Wait(TimeSpan.FromHours(2))
            .CloseInactive(expectClosed: 0)
            .AssertState(ConversationState.WaitingForOperator)
            .OperatorAccepts("op-1")
            .AssertReply(MessageKind.Notice)
            .Wait(TimeSpan.FromMinutes(31))
            .CloseInactive(expectClosed: 1)
            .AssertReply(MessageKind.RatingPrompt)
            .Check(async (harness, _) => Assert.Empty(await harness.Desk.ListQueueAsync("general", CancellationToken.None)));
    }

    [Fact]
    public async Task The_rating_is_never_asked_twice()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("вопрос решён")
            .AssertReply(MessageKind.RatingPrompt)
            .Send("вопрос решён")
            .AssertNoReply()
            .AssertOutcome(TurnOutcome.Ignored)
            .OperatorCloses("op-1", expect: DeskError.WrongState)
            .Wait(TimeSpan.FromHours(2))
            .CloseInactive(expectClosed: 0)
            .AssertNoReply()
            .Press("2")
            .AssertReply(MessageKind.RatingThanks)
            .Press("5")
            .AssertNoReply()
            .Send("вопрос решён")
            .AssertReply(MessageKind.Notice, "комментарий передан")
            .Press("4")
            .AssertNoReply()
            .Check(async (harness, conversation) =>
            {
                Assert.Equal(ConversationState.Done, conversation.State);
                Assert.Equal(2, (await harness.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None))?.Score);
            });
        Assert.Single(bot.Web.Sent, s => s.Message.Kind == MessageKind.RatingPrompt);
    }

    [Fact]
    public async Task A_rating_after_the_window_is_ignored()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.Rating.Window = TimeSpan.FromHours(24));
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("вопрос решён")
            .AssertReply(MessageKind.RatingPrompt)
            .Wait(TimeSpan.FromHours(25))
            .Press("5")
            .AssertNoReply()
            .AssertOutcome(TurnOutcome.Ignored)
            .Check(async (harness, conversation) =>
            {
                Assert.Equal(ConversationState.Done, conversation.State);
                Assert.Null(await harness.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None));
            });
    }

    [Fact]
    public async Task The_sweep_finishes_prompts_whose_window_is_over()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("вопрос решён")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.RatingPrompt)
            .Wait(TimeSpan.FromHours(25))
            .CloseInactive(expectClosed: 0)
            .AssertState(ConversationState.Done)
            .Rate(5)
            .AssertNoReply();
    }

    [Fact]
    public async Task A_new_question_instead_of_a_rating_starts_a_new_conversation_without_a_second_greeting()
    {
        await using var bot = await DialogHarness.StartAsync();
        string? first = null;
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("вопрос решён")
            .AssertReply(MessageKind.RatingPrompt)
            .Check((_, conversation) => first = conversation.Id)
            .Send("как записаться к врачу по телефону")
            .AssertReply(MessageKind.Answer, check: m => Assert.NotEqual(first, m.ConversationId))
            .Check(async (harness, conversation) =>
            {
                Assert.NotEqual(first, conversation.Id);
                Assert.Equal(ConversationState.BotAnswering, conversation.State);
                Assert.False(conversation.RatingAsked);
                var previous = await harness.Stores.Conversations.GetAsync(first!, CancellationToken.None);
                Assert.Equal(ConversationState.Done, previous?.State);
                Assert.Null(await harness.Stores.Ratings.GetAsync(first!, CancellationToken.None));
                var transcript = await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
                Assert.Equal("как записаться к врачу по телефону", transcript[0].Text);
            })
            .Send("Спасибо, вопрос решён")
            .AssertReply(MessageKind.RatingPrompt);
    }
}
