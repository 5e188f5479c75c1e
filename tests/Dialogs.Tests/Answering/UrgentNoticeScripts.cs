using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Answering;

/// <summary>A message saying someone may be in danger now hears the numbers that help first, whatever the turn does next.</summary>
public sealed class UrgentNoticeScripts
{
    [Fact]
    public async Task An_acute_emergency_hears_103_and_112_before_anything_else()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("у деда сердце прихватило, куда звонить срочно??")
            .AssertReply(MessageKind.Notice, "звоните 103 (скорая помощь) или 112")
            .AssertReply(MessageKind.Greeting);
    }

    [Fact]
    public async Task Thoughts_of_suicide_hear_112_and_the_helpline_first()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("сын подросток закрылся в комнате, пишет что жить не хочет, что делать")
            .AssertReply(MessageKind.Notice, "8-800-2000-122", m => Assert.Contains("112", m.Text))
            .AssertReply(MessageKind.Greeting);
    }

    [Fact]
    public async Task An_illness_someone_has_had_is_not_an_emergency()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("папа перенёс инфаркт, после выписки его отправят куда-то восстанавливаться?")
            .AssertReply(MessageKind.Greeting)
            .Check((h, _) => Assert.DoesNotContain(h.Web.Sent, s => s.Message.Kind == MessageKind.Notice));
    }

    [Fact]
    public async Task The_emergency_numbers_come_first_and_the_no_answer_after_them_does_not_repeat_them()
    {
        await using var bot = await DialogHarness.StartAsync(knowledge: new FakeKnowledge(FakeKnowledge.Article("a", "care", "Статья")));
        await bot.Flow()
            .Send("ребёнок отравился таблетками, что выпить ему?")
            .AssertReply(MessageKind.Notice, "103")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback, check: m => Assert.DoesNotContain("103", m.Text))
            .AssertNoReply();
    }

    [Fact]
    public async Task After_the_helpline_the_bot_offers_a_person_in_the_chat_not_a_cold_no_answer()
    {
        await using var bot = await DialogHarness.StartAsync(knowledge: new FakeKnowledge(FakeKnowledge.Article("a", "care", "Статья")));
        await bot.Flow()
            .Send("не хочу больше жить")
            .AssertReply(MessageKind.Notice, "8-800-2000-122")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Fallback, "нажмите «Оператор»", m => Assert.DoesNotContain("точного ответа", m.Text))
            .AssertButtons("Оператор")
            .Press("Оператор")
            .AssertReply(MessageKind.HandoffNotice);
    }

    [Fact]
    public async Task A_message_about_danger_is_searched_on_its_own_and_the_notice_does_not_count_as_the_reply()
    {
        var kb = new FakeKnowledge(FakeKnowledge.Article("oms-get", "oms-policy", "Как получить полис ОМС"))
            .Answer("полис", "oms-get");
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("как получить полис")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("не хочу жить")
            .AssertReply(MessageKind.Notice, "8-800-2000-122")
            .AssertReply(MessageKind.Fallback, check: m => Assert.DoesNotContain("выше", m.Text))
            .Check((_, c) => Assert.Equal(MessageKind.Fallback, c.LastReplyKind));
        Assert.Null(kb.Requests[^1].Context);
    }

    [Fact]
    public async Task A_list_left_for_a_message_about_danger_still_counts_as_not_chosen_from()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("больничный")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Clarify)
            .Send("ребёнок не дышит")
            .AssertReply(MessageKind.Notice, "103");
        var kept = await bot.Stores.Unanswered.ListAsync(UnansweredStatus.Open, 100, CancellationToken.None);
        Assert.Contains(kept, m => m.Kind == UnansweredKind.ClarifyIgnored && m.Text == "больничный");
    }

    [Fact]
    public async Task An_oversized_message_about_danger_hears_the_numbers_before_it_is_asked_to_be_shorter()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.MaxMessageLength = 100);
        await bot.Flow()
            .Send("ребёнок не дышит " + new string('а', 200))
            .AssertReply(MessageKind.Notice, "103")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice, "слишком длинное");
    }

    [Fact]
    public async Task A_citizen_waiting_for_an_operator_hears_the_numbers_at_once_and_an_operator_in_the_conversation_answers_alone()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .AssertState(ConversationState.WaitingForOperator)
            .Send("маме стало хуже, она потеряла сознание")
            .AssertReply(MessageKind.Notice, "103")
            .OperatorAccepts("op-1")
            .AssertReply(MessageKind.Notice, "подключился")
            .Send("она всё ещё без сознания")
            .AssertNoReply();
    }
}
