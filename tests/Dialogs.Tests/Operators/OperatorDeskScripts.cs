using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Operators;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Operators;

/// <summary>The operators' side: accept, reply through the citizen's channel, transfer within the limit, refusals.</summary>
public sealed class OperatorDeskScripts
{
    [Fact]
    public async Task An_accepted_operators_reply_reaches_the_citizen_through_their_channel_and_the_transcript()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow("tg-42", "telegram")
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .OperatorAccepts("op-1")
            .AssertReply(MessageKind.Notice, "подключился", m => Assert.Equal(Authors.System, m.From))
            .AssertState(ConversationState.WithOperator)
            .OperatorReplies("op-1", "Здравствуйте! Подскажите, в каком вы регионе?")
            .AssertReply(MessageKind.OperatorMessage, "в каком вы регионе", m => Assert.Equal(Authors.Operator, m.From))
            .Send("Москва")
            .AssertNoReply()
            .Check(async (harness, conversation) =>
            {
                var transcript = await harness.Desk.GetTranscriptAsync(conversation.Id, CancellationToken.None);
                Assert.True(transcript.Succeeded);
                Assert.Contains(transcript.Entries, e => e.From == Authors.Operator && e.OperatorId == "op-1" && e.Text.Contains("регионе"));
                Assert.Equal(Authors.Citizen, transcript.Entries[^1].From);
                Assert.Equal("Москва", transcript.Entries[^1].Text);
                Assert.Equal(Enumerable.Range(1, transcript.Entries.Count).Select(i => (long)i), transcript.Entries.Select(e => e.Sequence));
            });

        Assert.Empty(bot.Web.Sent);
        Assert.All(bot.Telegram.Sent, s => Assert.Equal(new ConversationKey("telegram", "tg-42"), s.To));
    }

    [Fact]
    public async Task The_second_transfer_is_allowed_and_a_third_is_refused_so_the_operator_keeps_the_question()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .OperatorAccepts("op-general")
            .AssertReply(MessageKind.Notice)
            .OperatorTransfers("op-general", "oms")
            .AssertReply(MessageKind.HandoffNotice, "профильному специалисту")
            .Check(async (harness, conversation) =>
            {
                Assert.Equal(ConversationState.WaitingForOperator, conversation.State);
                Assert.Equal(2, conversation.Transfers);
                Assert.Null(conversation.OperatorId);
                Assert.Empty(await harness.Desk.ListQueueAsync("general", CancellationToken.None));
                Assert.Equal(2, Assert.Single(await harness.Desk.ListQueueAsync("oms", CancellationToken.None)).Transfers);
            })
            .OperatorAccepts("op-oms")
            .AssertReply(MessageKind.Notice)
            .OperatorTransfers("op-oms", "care", expect: DeskError.TransferLimit, messageContains: "остаётся за вами")
            .AssertNoReply()
            .Check((_, conversation) =>
            {
                Assert.Equal(ConversationState.WithOperator, conversation.State);
                Assert.Equal("op-oms", conversation.OperatorId);
                Assert.Equal("oms", conversation.HandoffGroup);
                Assert.Equal(2, conversation.Transfers);
            })
            .OperatorReplies("op-oms", "Отвечу сам.")
            .AssertReply(MessageKind.OperatorMessage, "Отвечу сам");
    }

    [Fact]
    public async Task Actions_that_do_not_apply_are_refused_with_a_reason()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .OperatorReplies("op-1", "Раньше времени", expect: DeskError.WrongState)
            .OperatorCloses("op-1", expect: DeskError.WrongState)
            .OperatorAccepts("op-1")
            .AssertReply(MessageKind.Notice)
            .OperatorAccepts("op-2", expect: DeskError.WrongState, messageContains: "уже принял другой специалист")
            .OperatorReplies("op-2", "Чужой диалог", expect: DeskError.NotYours)
            .OperatorTransfers("op-2", "oms", expect: DeskError.NotYours)
            .OperatorCloses("op-2", expect: DeskError.NotYours)
            .OperatorReplies("op-1", "   ", expect: DeskError.EmptyText)
            .OperatorTransfers("op-1", " ", expect: DeskError.NoGroup)
            .AssertNoReply()
            .AssertState(ConversationState.WithOperator);

        var missing = await bot.Desk.AcceptAsync("no-such-conversation", "op-1", CancellationToken.None);
        Assert.Equal(DeskError.NotFound, missing.Error);
        Assert.False(string.IsNullOrWhiteSpace(missing.Message));
        Assert.Equal(DeskError.NotFound, (await bot.Desk.GetTranscriptAsync("no-such-conversation", CancellationToken.None)).Error);
    }

    [Fact]
    public async Task The_queue_entry_gives_the_operator_the_masked_transcript_the_life_situation_and_the_articles_shown()
    {
        var kb = new FakeKnowledge(FakeKnowledge.Article("oms-get", "oms-policy", "Как получить полис ОМС", "oms")).Answer("полис", "oms-get");
        await using var bot = await DialogHarness.StartAsync(knowledge: kb);
        await bot.Flow()
            .Send("как получить полис")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("мой СНИЛС 123-456-789 01, телефон 89123456789")
            .AssertReply(MessageKind.Fallback)
            .Press("Не помогло")
            .AssertReply(MessageKind.HandoffNotice);

        var entry = Assert.Single(await bot.Desk.ListQueueAsync("oms", CancellationToken.None));
        Assert.Equal("web", entry.Channel);
        Assert.Equal("oms-policy", entry.LifeSituation);
        Assert.Equal(new ShownArticle("oms-get", "Как получить полис ОМС"), Assert.Single(entry.ShownArticles));
        Assert.Equal(DialogHarness.StartTime, entry.WaitingSince);
        var text = string.Join("\n", entry.Transcript.Select(e => e.Text));
        Assert.Contains("мой СНИЛС [СНИЛС], телефон [телефон]", text);
        Assert.DoesNotContain("123-456", text);
        Assert.DoesNotContain("9123456789", text);
        Assert.Contains(entry.Transcript, e => e.Kind == MessageKind.Answer);
    }
}
