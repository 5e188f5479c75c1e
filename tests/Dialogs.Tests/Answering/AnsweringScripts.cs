using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Answering;

/// <summary>The bot's part on the real seed KB: greeting, answer, clarify, fallback and follow-ups.</summary>
public sealed class AnsweringScripts
{
    [Fact]
    public async Task First_contact_is_greeted_with_a_one_line_personal_data_notice()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Open()
            .AssertReply(MessageKind.Greeting, "Здравствуйте", greeting =>
            {
                var lines = greeting.Text.Split('\n');
                Assert.Equal(2, lines.Length);
                Assert.Contains("СНИЛС", lines[1]);
            })
            .AssertNoReply()
            .AssertState(ConversationState.BotAnswering)
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Answer, "полис")
            .AssertNoReply();
    }

    [Fact]
    public async Task A_confident_answer_cites_its_source_and_offers_helped_not_helped_operator()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer, "полис", answer =>
            {
                Assert.Equal(Authors.Bot, answer.From);
                Assert.StartsWith("https://", answer.SourceUrl);
                Assert.Contains("Источник:", answer.Text);
                Assert.Contains(answer.SourceUrl!, answer.Text);
            })
            .AssertButtons("Помогло", "Не помогло", "Оператор")
            .Check((_, conversation) =>
            {
                Assert.Equal("oms-get-policy", conversation.LastArticleId);
                Assert.Equal("oms-policy", conversation.LifeSituation);
                Assert.Equal(["oms-get-policy"], conversation.ShownArticleIds);
            });
    }

    [Fact]
    public async Task An_unsure_search_offers_two_or_three_articles_and_the_pressed_one_is_answered()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify, "Возможно, вы имели в виду", clarify =>
            {
                Assert.InRange(clarify.Buttons.Count, 3, 4);
                Assert.Equal("Другое — передать специалисту", clarify.Buttons[^1].Title);
                Assert.Contains(clarify.Buttons, b => b.Title == "Как оформить больничный");
            })
            .Press("Как оформить больничный")
            .AssertReply(MessageKind.Answer, "больничн")
            .AssertButtons("Помогло", "Не помогло", "Оператор")
            .Check((_, conversation) => Assert.Equal("sick-leave-get", conversation.LastArticleId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task None_of_the_offered_articles_pressed_or_typed_hands_over_to_a_person(bool press)
    {
        await using var bot = await DialogHarness.StartAsync();
        var flow = bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify, "Возможно, вы имели в виду");
        await (press ? flow.Press("Другое — передать специалисту") : flow.Send("Другое — передать специалисту"))
            .AssertReply(MessageKind.HandoffNotice, "Передаю ваш вопрос специалисту");
    }

    [Fact]
    public async Task The_same_list_is_not_offered_a_third_time_to_a_citizen_who_typed_on_instead_of_choosing()
    {
        var kb = new FakeKnowledge(
                FakeKnowledge.Article("flu", "vaccination", "Прививка от гриппа"),
                FakeKnowledge.Article("calendar", "vaccination", "Национальный календарь прививок"),
                FakeKnowledge.Article("dental", "care", "Что бесплатно у стоматолога"))
            .Clarify("клещ", "flu", "calendar")
            .Clarify("ребенку", "calendar", "flu")
            .Clarify("укусил", "flu", "calendar")
            .Clarify("зуб", "dental", "flu");
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("прививка от клеща где сделать")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify, "Возможно, вы имели в виду")
            // Once more is fine: the buttons may have been missed.
            .Send("а ребенку можно?")
            .AssertReply(MessageKind.Clarify, "Возможно, вы имели в виду")
            .Send("а если уже укусил?")
            .AssertReply(MessageKind.Fallback, "среди этих статей нет нужного ответа")
            .AssertButtons("Оператор", "Написать обращение")
            .Check((_, conversation) => Assert.Equal(1, conversation.ConsecutiveFallbacks))
            // After «нет ответа», and with another article in it, a list is shown again.
            .Send("прививка от клеща где сделать")
            .AssertReply(MessageKind.Clarify)
            .Send("а зуб вылечить бесплатно?")
            .AssertReply(MessageKind.Clarify, "Возможно, вы имели в виду")
            .AssertButtons("Что бесплатно у стоматолога", "Прививка от гриппа", "Другое — передать специалисту");
    }

    [Fact]
    public async Task A_message_with_two_questions_is_answered_and_the_second_offered_as_a_button()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("Здравствуйте. Мы с партнёром хотим открыть аптечный пункт в посёлке под Вологдой. Какие условия нужны для получения разрешения на торговлю лекарствами, кто его выдаёт и обязателен ли провизор в штате? И ещё: как проверить лицензию конкурента?")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer, "лиценз", answer => Assert.StartsWith("Ещё вопрос: ", answer.Buttons[^1].Title))
            .Check((_, conversation) => Assert.Equal("license-pharma", conversation.LastArticleId));
    }

    [Fact]
    public async Task No_answer_is_said_plainly_with_a_person_or_a_written_request_offered()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("погода в москве")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback, "точного ответа в базе знаний нет")
            .AssertButtons("Оператор", "Написать обращение")
            .AssertState(ConversationState.BotAnswering)
            .Check((_, conversation) => Assert.Equal(1, conversation.ConsecutiveFallbacks));
    }

    [Theory]
    [InlineData("у меня болит голова и температура 39, что выпить?")]
    [InlineData("какую дозу парацетамола давать ребенку 3 лет")]
    [InlineData("поставьте диагноз по анализам пожалуйста")]
    public async Task A_request_for_a_diagnosis_or_a_medicine_the_KB_does_not_answer_is_told_who_can_help_and_the_emergency_numbers(string message)
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send(message)
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback, "только врач", m =>
            {
                Assert.Contains("122", m.Text);
                Assert.Contains("103 или 112", m.Text);
            })
            .AssertButtons("Оператор", "Написать обращение")
            .AssertNoReply()
            .Check((_, conversation) => Assert.Equal(1, conversation.ConsecutiveFallbacks));
    }

    [Fact]
    public async Task A_request_for_a_medicine_the_KB_is_unsure_about_hears_the_emergency_numbers_before_the_likely_articles()
    {
        var kb = new FakeKnowledge(FakeKnowledge.Article("dental", "care", "Что бесплатно у стоматолога"), FakeKnowledge.Article("trauma", "care", "Травмпункт"))
            .Clarify("горло", "dental", "trauma");
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("болит горло, чем лечить?")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify, "только врач", m =>
            {
                Assert.Contains("103 или 112", m.Text);
                Assert.EndsWith("Возможно, вы имели в виду:", m.Text);
            })
            .AssertButtons("Что бесплатно у стоматолога", "Травмпункт", "Другое — передать специалисту");
    }

    [Fact]
    public async Task A_request_for_a_medicine_the_KB_answers_is_answered_from_the_KB()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("какие лекарства положены бесплатно по льготе")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer);
    }

    [Fact]
    public async Task Medical_advice_asked_again_and_again_still_gets_the_emergency_numbers_when_the_bot_hands_over()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.Handoff.FallbacksBeforeHandoff = 2);
        await bot.Flow()
            .Send("болит живот что принять")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback, "103 или 112")
            .Send("тошнит и болит живот что со мной")
            .AssertReply(MessageKind.Fallback, "103 или 112")
            .AssertReply(MessageKind.HandoffNotice);
    }

    [Fact]
    public async Task A_short_follow_up_right_after_an_answer_stays_in_its_life_situation()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer, "полис")
            .Send("а для ребёнка?")
            .AssertReply(MessageKind.Answer)
            .Check((_, conversation) =>
            {
                Assert.Equal("oms-newborn-policy", conversation.LastArticleId);
                Assert.Equal(["oms-get-policy", "oms-newborn-policy"], conversation.ShownArticleIds);
            });
    }

    [Fact]
    public async Task The_same_short_message_with_no_answer_before_it_is_searched_across_the_KB()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("а для ребёнка?")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify);
    }

    [Fact]
    public async Task Helped_is_acknowledged_with_an_offer_to_close()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Помогло")
            .AssertReply(MessageKind.Notice, "помог")
            .AssertButtons("Вопрос решён")
            .AssertState(ConversationState.BotAnswering);
    }
}
