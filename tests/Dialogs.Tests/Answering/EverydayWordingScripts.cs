using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Answering;

/// <summary>
/// What citizens type instead of pressing a button or asking a question, as found by trying the chat as one: the number of a
/// choice, «у меня вопрос», a person asked for in other words, the score in words, a request cancelled in words.
/// </summary>
public sealed class EverydayWordingScripts
{
    [Theory]
    [InlineData("1", "Как оформить больничный")]
    [InlineData("вариант 1", "Как оформить больничный")]
    [InlineData("первое", "Как оформить больничный")]
    [InlineData("2", "Продление больничного")]
    [InlineData("второй пожалуйста", "Продление больничного")]
    [InlineData("последний", "Продление больничного")]
    [InlineData("2-й", "Продление больничного")]
    public async Task The_number_of_a_choice_typed_after_a_list_answers_with_that_article(string typed, string title)
    {
        var kb = new FakeKnowledge(
                FakeKnowledge.Article("sick-get", "sick-leave", "Как оформить больничный"),
                FakeKnowledge.Article("sick-extend", "sick-leave", "Продление больничного"))
            .Clarify("больничный", "sick-get", "sick-extend");
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Send(typed)
            .AssertReply(MessageKind.Answer, title)
            .Check(async (harness, conversation) =>
            {
                var kept = await harness.Stores.Unanswered.ListAsync(UnansweredStatus.Open, 100, CancellationToken.None);
                Assert.Contains(kept, m => m.Kind == UnansweredKind.CitizenChoice && m.ArticleId == conversation.LastArticleId);
            });
    }

    [Fact]
    public async Task The_number_after_the_last_article_is_other_and_a_number_with_no_list_is_searched()
    {
        var kb = new FakeKnowledge(
                FakeKnowledge.Article("sick-get", "sick-leave", "Как оформить больничный"),
                FakeKnowledge.Article("sick-extend", "sick-leave", "Продление больничного"))
            .Clarify("больничный", "sick-get", "sick-extend");
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("3")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback)
            .Send("больничный")
            .AssertReply(MessageKind.Clarify)
            .Send("3")
            .AssertReply(MessageKind.HandoffNotice);
    }

    [Fact]
    public async Task Other_typed_after_a_list_calls_a_person_and_a_number_that_is_no_choice_shows_the_list_again()
    {
        var kb = new FakeKnowledge(
                FakeKnowledge.Article("sick-get", "sick-leave", "Как оформить больничный"),
                FakeKnowledge.Article("sick-extend", "sick-leave", "Продление больничного"))
            .Clarify("больничный", "sick-get", "sick-extend");
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Send("5")
            .AssertReply(MessageKind.Clarify, "напишите его номер")
            .AssertButtons("Как оформить больничный", "Продление больничного", "Другое — передать специалисту")
            .Send("другое")
            .AssertReply(MessageKind.HandoffNotice);
    }

    [Theory]
    [InlineData("у меня вопрос")]
    [InlineData("вопрос есть")]
    [InlineData("у меня вопросик")]
    [InlineData("подскажите пж")]
    [InlineData("извините, можно вопрос")]
    [InlineData("можно вопрос?")]
    [InlineData("подскажите пожалуйста")]
    [InlineData("спасибо, у меня ещё вопрос")]
    public async Task A_message_that_announces_a_question_is_invited_to_ask_it_not_told_there_is_no_answer(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send(typed)
            .AssertReply(MessageKind.SmallTalk, "Напишите, пожалуйста, ваш вопрос")
            .AssertNoReply()
            .Check((_, conversation) => Assert.Equal(0, conversation.ConsecutiveFallbacks))
            .Send("как оформить больничный")
            .AssertReply(MessageKind.Answer);
    }

    [Fact]
    public async Task A_first_message_announcing_a_question_hears_only_the_greeting_that_asks_for_it()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("здравствуйте, у меня вопрос")
            .AssertReply(MessageKind.Greeting)
            .AssertNoReply()
            .Check((_, conversation) => Assert.Equal(0, conversation.FallbackCount));
    }

    [Theory]
    [InlineData("начать")]
    [InlineData("Начать")]
    public async Task Start_typed_instead_of_the_messengers_start_button_is_greeted_only(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send(typed)
            .AssertReply(MessageKind.Greeting)
            .AssertNoReply()
            .Check((_, conversation) => Assert.Equal(0, conversation.FallbackCount));
    }

    [Theory]
    [InlineData("хочу поговорить со специалистом")]
    [InlineData("можно с человеком поговорить")]
    [InlineData("соедините с сотрудником")]
    [InlineData("консультант")]
    [InlineData("свяжите со специалистом")]
    [InlineData("аператор")]
    [InlineData("специалиста пожалуйста")]
    public async Task A_person_asked_for_in_other_words_or_with_a_typo_is_called(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send(typed)
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .AssertState(ConversationState.WaitingForOperator);
    }

    [Theory]
    [InlineData("какой специалист лечит щитовидку")]
    [InlineData("какой специалист мне нужен")]
    [InlineData("как связаться со специалистом страховой компании")]
    [InlineData("где поговорить с человеком из страховой")]
    [InlineData("оператор в регистратуре нагрубил куда жаловаться")]
    [InlineData("оператор 122 хамит, где оставить жалобу")]
    [InlineData("консультант в аптеке сказал нужен рецепт, это так?")]
    public async Task A_question_that_names_a_specialist_is_still_searched(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send(typed)
            .AssertReply(MessageKind.Greeting)
            .Check((_, conversation) => Assert.Equal(ConversationState.BotAnswering, conversation.State));
    }

    [Theory]
    [InlineData("отлично", 5)]
    [InlineData("пять", 5)]
    [InlineData("5 звезд", 5)]
    [InlineData("5 из 5", 5)]
    [InlineData("ставлю 4", 4)]
    [InlineData("хорошо", 4)]
    [InlineData("на троечку", 3)]
    [InlineData("плохо", 2)]
    [InlineData("норм", 3)]
    [InlineData("⭐⭐⭐⭐⭐", 5)]
    [InlineData("8 из 10", 4)]
    public async Task The_score_typed_in_words_is_taken(string typed, int score)
    {
        await using var bot = await DialogHarness.StartAsync();
        await AtTheRatingPrompt(bot)
            .Send(typed)
            .AssertReply(MessageKind.RatingThanks)
            .Check(async (harness, conversation) => Assert.Equal(score, (await harness.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None))?.Score));
    }

    [Fact]
    public async Task A_score_out_of_range_hears_the_prompt_again_and_thanks_get_a_reply_while_the_rating_stays_open()
    {
        await using var bot = await DialogHarness.StartAsync();
        await AtTheRatingPrompt(bot)
            .Send("0")
            .AssertReply(MessageKind.RatingPrompt, "от 1 до 5")
            .AssertButtons("1", "2", "3", "4", "5")
            .Send("10")
            .AssertReply(MessageKind.RatingPrompt, "от 1 до 5")
            .Send("спасибо")
            .AssertReply(MessageKind.RatingPrompt, "Пожалуйста")
            .AssertState(ConversationState.AwaitingRating)
            .Send("3")
            .AssertReply(MessageKind.RatingThanks)
            .Check(async (harness, conversation) =>
            {
                Assert.Equal(3, (await harness.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None))?.Score);
                Assert.Null(conversation.HandoffGroup);
            });
    }

    [Theory]
    [InlineData("а как оформить больничный")]
    [InlineData("а справку для бассейна где взять")]
    [InlineData("подскажите, где взять справку для бассейна")]
    public async Task A_question_after_the_score_without_a_question_mark_is_answered(string question)
    {
        await using var bot = await DialogHarness.StartAsync();
        string? first = null;
        await AtTheRatingPrompt(bot)
            .Press("5")
            .AssertReply(MessageKind.RatingThanks)
            .Check((_, conversation) => first = conversation.Id)
            .Send(question)
            .Check(async (harness, conversation) =>
            {
                Assert.NotEqual(first, conversation.Id);
                Assert.Null((await harness.Stores.Ratings.GetAsync(first!, CancellationToken.None))?.Comment);
            });
    }

    [Theory]
    [InlineData("хочу написать обращение")]
    [InlineData("хочу оставить обращение здесь")]
    [InlineData("подать обращение")]
    public async Task A_request_to_write_in_other_words_starts_the_written_request(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send(typed)
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice)
            .AssertState(ConversationState.CollectingRequestText);
    }

    [Theory]
    [InlineData("как подать обращение")]
    [InlineData("где подать обращение")]
    [InlineData("а где обращение")]
    public async Task A_question_about_requests_is_searched_not_taken_for_one(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send(typed)
            .AssertReply(MessageKind.Greeting)
            .Check((_, conversation) => Assert.Equal(ConversationState.BotAnswering, conversation.State));
    }

    [Theory]
    [InlineData("специалиста пожалуйста")]
    [InlineData("хочу поговорить со специалистом")]
    public async Task Asking_for_a_person_in_other_words_after_the_score_calls_one_instead_of_being_the_comment(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await AtTheRatingPrompt(bot)
            .Press("4")
            .AssertReply(MessageKind.RatingThanks)
            .Send(typed)
            .AssertReply(MessageKind.HandoffNotice);
    }

    [Theory]
    [InlineData("почему так долго отвечали")]
    [InlineData("как всегда долго ждать ответа специалиста")]
    [InlineData("можно было ответить быстрее и понятнее")]
    public async Task A_complaint_after_the_score_stays_the_comment(string comment)
    {
        await using var bot = await DialogHarness.StartAsync();
        await AtTheRatingPrompt(bot)
            .Press("2")
            .AssertReply(MessageKind.RatingThanks)
            .Send(comment)
            .AssertReply(MessageKind.Notice, "комментарий передан")
            .Check(async (harness, conversation) => Assert.Equal(comment, (await harness.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None))?.Comment));
    }

    [Theory]
    [InlineData("не надо, передумал")]
    [InlineData("стоп")]
    [InlineData("ой нет")]
    [InlineData("нет не нужно")]
    [InlineData("отменить обращение")]
    public async Task A_written_request_is_cancelled_in_words(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("написать обращение")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice)
            .Send(typed)
            .AssertReply(MessageKind.Notice, "обращение не создано")
            .AssertState(ConversationState.BotAnswering);
    }

    [Fact]
    public async Task A_written_request_whose_text_is_a_complaint_with_those_words_is_taken()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("написать обращение")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice)
            .Send("не нужно было брать с меня деньги за анализы по полису")
            .AssertState(ConversationState.CollectingRequestContact);
    }

    [Fact]
    public async Task Asking_for_a_person_while_writing_a_request_calls_one_instead()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("написать обращение")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice)
            .Send("оператор")
            .AssertReply(MessageKind.HandoffNotice)
            .AssertState(ConversationState.WaitingForOperator)
            .Check((_, conversation) => Assert.Null(conversation.PendingRequestText));
    }

    [Theory]
    [InlineData("фигня какая-то")]
    [InlineData("это не ответ")]
    public async Task Dismissing_an_answer_in_words_is_not_helped(string typed)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send(typed)
            .AssertReply(MessageKind.HandoffNotice, "Жаль, что ответ не помог");
    }

    [Fact]
    public async Task Resolved_while_waiting_in_the_queue_leaves_it_without_thanking_for_help()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .Press("Вопрос решён")
            .AssertReply(MessageKind.RatingPrompt, "снят из очереди", m => Assert.DoesNotContain("Рады", m.Text))
            .Check(async (harness, _) => Assert.Empty(await harness.Desk.ListQueueAsync("general", CancellationToken.None)));
    }

    [Fact]
    public async Task A_citizen_who_filed_a_written_request_is_asked_to_rate_when_it_times_out()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.InactivityTimeout = TimeSpan.FromMinutes(30));
        await bot.Flow()
            .Send("написать обращение")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice)
            .Send("Прошу разъяснить порядок получения путёвки в санаторий")
            .AssertReply(MessageKind.Notice)
            .Send("anna@example.ru")
            .AssertReply(MessageKind.RequestAcknowledged)
            .Wait(TimeSpan.FromMinutes(31))
            .CloseInactive(expectClosed: 1)
            .AssertReply(MessageKind.RatingPrompt);
    }

    [Fact]
    public async Task A_visitor_who_only_opened_the_chat_is_not_asked_to_rate_when_it_times_out()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.InactivityTimeout = TimeSpan.FromMinutes(30));
        await bot.Flow()
            .Open()
            .AssertReply(MessageKind.Greeting)
            .Send("привет")
            .AssertReply(MessageKind.Greeting, "Напишите ваш вопрос")
            .Wait(TimeSpan.FromMinutes(31))
            .CloseInactive(expectClosed: 1)
            .AssertNoReply()
            .AssertState(ConversationState.Done);
    }

    /// <summary>A question answered, «вопрос решён», and the rating prompt: where the score and the comment are typed.</summary>
    private static Flow AtTheRatingPrompt(DialogHarness bot) =>
        bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("вопрос решён")
            .AssertReply(MessageKind.RatingPrompt);
}
