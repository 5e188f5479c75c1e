using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Handoff;

/// <summary>When and where the bot hands over to a person.</summary>
public sealed class HandoffScripts
{
    [Fact]
    public async Task Asking_whether_someone_is_there_while_waiting_is_told_the_question_is_with_a_specialist()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .Send("у меня ещё вопрос про полис ребёнку")
            .AssertNoReply()
            .Send("Алло, есть кто?")
            .AssertReply(MessageKind.Notice, "уже передан специалисту")
            .Send("сколько ждать")
            .AssertReply(MessageKind.Notice, "уже передан специалисту")
            .AssertState(ConversationState.WaitingForOperator);
    }

    [Fact]
    public async Task Not_helped_hands_over_to_the_skill_group_of_the_article()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Не помогло")
            .AssertReply(MessageKind.HandoffNotice, "Жаль, что ответ не помог", notice => Assert.Contains("повторять ничего не нужно", notice.Text))
            .AssertState(ConversationState.WaitingForOperator)
            .Check((_, conversation) =>
            {
                Assert.Equal("oms", conversation.HandoffGroup);
                Assert.Equal(1, conversation.Transfers);
            });

        var queue = await bot.Desk.ListQueueAsync("oms", CancellationToken.None);
        var entry = Assert.Single(queue);
        Assert.Equal("oms-policy", entry.LifeSituation);
        Assert.Equal("oms-get-policy", Assert.Single(entry.ShownArticles).Id);
        Assert.Equal("Как получить полис ОМС", entry.ShownArticles[0].Title);
        Assert.Contains(entry.Transcript, e => e.From == Authors.Citizen && e.Text == "как получить полис омс");
        Assert.Empty(await bot.Desk.ListQueueAsync("general", CancellationToken.None));
    }

    [Fact]
    public async Task Two_fallbacks_in_a_row_hand_over_without_being_asked()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("погода в москве")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback)
            .Send("курс доллара на завтра")
            .AssertReply(MessageKind.HandoffNotice, "Ответа в базе знаний не нашлось")
            .AssertState(ConversationState.WaitingForOperator)
            .Check((_, conversation) => Assert.Equal("general", conversation.HandoffGroup));
    }

    [Fact]
    public async Task A_clarification_between_two_fallbacks_breaks_the_row()
    {
        var kb = new FakeKnowledge(
                FakeKnowledge.Article("a", "x", "Статья А"),
                FakeKnowledge.Article("b", "x", "Статья Б"))
            .Clarify("справка", "a", "b");
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("непонятное")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback)
            .Send("справка")
            .AssertReply(MessageKind.Clarify)
            .AssertButtons("Статья А", "Статья Б", "Другое — передать специалисту")
            .Send("снова непонятное")
            .AssertReply(MessageKind.Fallback)
            .Send("и опять")
            .AssertReply(MessageKind.HandoffNotice);
    }

    [Theory]
    [InlineData("оператор")]
    [InlineData("Позовите живого человека!")]
    [InlineData("хочу поговорить с живым человеком")]
    [InlineData("Соедините с оператором, пожалуйста")]
    public async Task Asking_for_a_person_in_words_hands_over(string request)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send(request)
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice, "Передаю ваш вопрос специалисту")
            .AssertState(ConversationState.WaitingForOperator)
            .Check((_, conversation) => Assert.Equal("general", conversation.HandoffGroup));
    }

    [Fact]
    public async Task The_operator_button_under_an_answer_routes_to_that_articles_group()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как записаться к врачу по телефону")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Оператор")
            .AssertReply(MessageKind.HandoffNotice)
            .Check((_, conversation) =>
            {
                Assert.Equal("care", conversation.HandoffGroup);
                Assert.Equal("doctor-appointment", conversation.LifeSituation);
            });
        Assert.Single(await bot.Desk.ListQueueAsync("care", CancellationToken.None));
    }

    [Fact]
    public async Task A_sensitive_life_situation_goes_straight_to_a_person()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.Handoff.SensitiveLifeSituations = ["complaints"]);
        await bot.Flow()
            .Send("хочу пожаловаться на врача")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice, "лучше решить со специалистом")
            .AssertNoReply()
            .Check((_, conversation) =>
            {
                Assert.Equal(ConversationState.WaitingForOperator, conversation.State);
                Assert.Equal("care", conversation.HandoffGroup);
                Assert.Equal("complaints", conversation.LifeSituation);
                Assert.Empty(conversation.ShownArticleIds);
            });
    }

    [Fact]
    public async Task A_sensitive_article_chosen_from_a_clarification_goes_to_its_group()
    {
        var kb = new FakeKnowledge(
                FakeKnowledge.Article("mse-referral", "disability", "Направление на МСЭ", "expertise"),
                FakeKnowledge.Article("mse-appeal", "disability", "Обжалование решения МСЭ", "expertise"))
            .Clarify("инвалидность", "mse-referral", "mse-appeal");
        await using var bot = await DialogHarness.StartAsync(o => o.Handoff.SensitiveArticleIds = ["mse-appeal"], kb);
        await bot.Flow()
            .Send("инвалидность")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Press("Обжалование решения МСЭ")
            .AssertReply(MessageKind.HandoffNotice)
            .Check((_, conversation) =>
            {
                Assert.Equal("expertise", conversation.HandoffGroup);
                Assert.Equal("mse-appeal", conversation.LastArticleId);
            });
    }

    [Fact]
    public async Task Asking_again_while_waiting_does_not_queue_twice()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .Send("ну где же оператор?")
            .AssertReply(MessageKind.Notice, "уже передан")
            .Send("я подожду")
            .AssertNoReply()
            .Check((_, conversation) => Assert.Equal(1, conversation.Transfers));
        Assert.Single(await bot.Desk.ListQueueAsync("general", CancellationToken.None));
    }

    [Fact]
    public async Task A_citizens_message_to_the_operator_is_marked_unanswered_until_the_operator_writes_back()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .OperatorAccepts("op-1")
            .AssertReply(MessageKind.Notice)
            .OperatorReplies("op-1", "Здравствуйте! Слушаю вас.")
            .AssertReply(MessageKind.OperatorMessage)
            .Check((_, conversation) => Assert.Null(conversation.CitizenUnansweredSince))
            .Send("А куда обратиться в выходные?")
            .AssertNoReply()
            .Check(async (harness, conversation) =>
            {
                Assert.NotNull(conversation.CitizenUnansweredSince);
                var mine = Assert.Single(await harness.Desk.ListAssignedAsync("op-1", CancellationToken.None));
                Assert.Equal(conversation.CitizenUnansweredSince, mine.CitizenUnansweredSince);
            })
            .OperatorReplies("op-1", "В выходные работает дежурная поликлиника.")
            .AssertReply(MessageKind.OperatorMessage)
            .Check((_, conversation) => Assert.Null(conversation.CitizenUnansweredSince));
    }
}
