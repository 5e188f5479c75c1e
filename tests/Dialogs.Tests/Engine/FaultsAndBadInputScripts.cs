using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Engine;

/// <summary>Duplicate and out-of-order deliveries, floods, and messages that are too long, empty or strange.</summary>
public sealed class FaultsAndBadInputScripts
{
    [Fact]
    public async Task The_same_channel_message_delivered_twice_is_processed_once()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow("tg-1", "telegram")
            .Send("как получить полис омс", messageId: "update-100")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("как получить полис омс", messageId: "update-100")
            .AssertOutcome(TurnOutcome.Duplicate)
            .AssertNoReply()
            .Check(async (harness, conversation) =>
            {
                var transcript = await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
                Assert.Single(transcript, e => e.From == Authors.Citizen);
            });

        // The id is the channel's: the same id in another channel is another message.
        await bot.Flow("web-1")
            .Send("как получить полис омс", messageId: "update-100")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer);
    }

    [Fact]
    public async Task Late_and_repeated_presses_of_an_old_button_do_not_repeat_the_handoff()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс", messageId: "m1")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Не помогло", messageId: "m2")
            .AssertReply(MessageKind.HandoffNotice)
            .Press("Не помогло", messageId: "m2")
            .AssertOutcome(TurnOutcome.Duplicate)
            .AssertNoReply()
            .Press("Не помогло", messageId: "m3")
            .AssertReply(MessageKind.Notice, "уже передан")
            .Send("как получить полис омс", messageId: "m1")
            .AssertOutcome(TurnOutcome.Duplicate)
            .AssertNoReply()
            .Press("Помогло", messageId: "m4")
            .AssertNoReply()
            .AssertOutcome(TurnOutcome.Ignored)
            .Check(async (harness, conversation) =>
            {
                Assert.Equal(1, conversation.Transfers);
                Assert.Single(await harness.Desk.ListQueueAsync("oms", CancellationToken.None));
            });
    }

    [Fact]
    public async Task A_delayed_earlier_message_is_still_processed_once_after_a_later_one()
    {
        await using var bot = await DialogHarness.StartAsync();
        var sentAt = bot.Time.GetUtcNow();
        await bot.Flow()
            .Wait(TimeSpan.FromSeconds(30))
            .Deliver(a => a with { MessageId = "second", Text = "как записаться к врачу по телефону" })
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Deliver(a => a with { MessageId = "first", Text = "как получить полис омс", Timestamp = sentAt })
            .AssertReply(MessageKind.Answer, "полис")
            .Deliver(a => a with { MessageId = "first", Text = "как получить полис омс", Timestamp = sentAt })
            .AssertOutcome(TurnOutcome.Duplicate)
            .AssertNoReply()
            .Check(async (harness, conversation) =>
            {
                var citizen = (await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None))
                    .Where(e => e.From == Authors.Citizen).Select(e => e.Text);
                Assert.Equal(["как записаться к врачу по телефону", "как получить полис омс"], citizen);
            });
    }

    [Fact]
    public async Task A_flood_is_throttled_with_one_polite_reply_and_let_through_again_later()
    {
        await using var bot = await DialogHarness.StartAsync(o =>
        {
            o.RateLimit.BurstSize = 3;
            o.RateLimit.MessagesPerMinute = 6;
        });
        await bot.Flow()
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Send("как записаться к врачу по телефону")
            .AssertReply(MessageKind.Answer)
            .Send("как получить больничный")
            .AssertReply(MessageKind.Answer)
            .Send("как получить полис омс")
            .AssertOutcome(TurnOutcome.Throttled)
            .AssertReply(MessageKind.Notice, "слишком часто")
            .Send("как получить полис омс")
            .AssertOutcome(TurnOutcome.Throttled)
            .Send("как получить полис омс")
            .AssertOutcome(TurnOutcome.Throttled)
            .AssertNoReply()
            .Wait(TimeSpan.FromMinutes(1))
            .Send("как получить полис омс")
            .AssertOutcome(TurnOutcome.Processed)
            .AssertReply(MessageKind.Answer)
            .Check(async (harness, conversation) =>
            {
                var transcript = await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
                Assert.Equal(4, transcript.Count(e => e.From == Authors.Citizen));
            });

        // Another person is not slowed down by the first one's flood.
        await bot.Flow("someone-else")
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer);
    }

    [Fact]
    public async Task A_100_kB_message_gets_a_request_to_write_shorter_and_is_stored_cut()
    {
        await using var bot = await DialogHarness.StartAsync();
        var huge = string.Concat(Enumerable.Repeat("очень длинный вопрос про полис ОМС, СНИЛС 123-456-789 01. ", 1800));
        Assert.True(huge.Length > 100_000);
        await bot.Flow()
            .Send(huge)
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice, "слишком длинное", m => Assert.Contains("4000", m.Text))
            .AssertNoReply()
            .AssertState(ConversationState.BotAnswering)
            .Check(async (harness, conversation) =>
            {
                var stored = Assert.Single(await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None), e => e.From == Authors.Citizen);
                Assert.True(stored.Text.Length <= 4001);
                Assert.DoesNotContain("123-456", stored.Text);
            })
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Answer);
    }

    [Fact]
    public async Task An_oversized_message_to_an_operator_reaches_the_transcript_cut()
    {
        await using var bot = await DialogHarness.StartAsync(o => o.MaxMessageLength = 200);
        await bot.Flow()
            .Send("оператор")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.HandoffNotice)
            .OperatorAccepts("op-1")
            .AssertReply(MessageKind.Notice)
            .Send(new string('а', 1000))
            .AssertReply(MessageKind.Notice, "200")
            .AssertState(ConversationState.WithOperator)
            .Check(async (harness, conversation) =>
            {
                var transcript = await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
                Assert.Equal(201, transcript.Last(e => e.From == Authors.Citizen).Text.Length);
            });
    }

    [Fact]
    public async Task Empty_and_blank_messages_are_quietly_ignored()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("")
            .AssertReply(MessageKind.Greeting)
            .AssertNoReply()
            .Send("   \n\t ")
            .AssertNoReply()
            .AssertOutcome(TurnOutcome.Ignored)
            .Send(null)
            .AssertNoReply()
            .Deliver(a => a with { Type = ActivityType.Button, Payload = null, Text = null })
            .AssertNoReply()
            .Deliver(a => a with { Type = ActivityType.Button, Payload = "article:no-such-article" })
            .AssertNoReply()
            .Deliver(a => a with { Type = ActivityType.Rating, Rating = 42 })
            .AssertNoReply()
            .AssertState(ConversationState.BotAnswering);
    }

    [Fact]
    public async Task Emoji_only_gets_a_request_to_write_in_words_and_never_counts_as_a_fallback()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("😀🙏👍")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Notice, "словами")
            .Send("🤔❓")
            .AssertReply(MessageKind.Notice, "словами")
            .Send("!!! ??? ...")
            .AssertReply(MessageKind.Notice, "словами")
            .AssertState(ConversationState.BotAnswering)
            .Check((_, conversation) => Assert.Equal(0, conversation.ConsecutiveFallbacks));
    }

    [Fact]
    public async Task Control_characters_and_broken_surrogates_are_cleaned_before_the_question_is_read()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("\u0000как\u0007 получить\u001b полис омс\u0000\uD800")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer, "полис")
            .Send("\u0001\u0002\u0003")
            .AssertNoReply()
            .Check(async (harness, conversation) =>
            {
                var transcript = await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
                Assert.Equal("как получить полис омс", transcript.First(e => e.From == Authors.Citizen).Text);
            });
    }

    [Fact]
    public async Task Typing_creates_nothing_and_says_nothing()
    {
        await using var bot = await DialogHarness.StartAsync();
        var result = await bot.Engine.ProcessAsync(new Activity { Channel = "web", UserId = "quiet", Type = ActivityType.Typing }, CancellationToken.None);
        Assert.Equal(TurnOutcome.Ignored, result.Outcome);
        Assert.Null(result.ConversationId);
        Assert.Null(await bot.Stores.Conversations.GetAsync(new ConversationKey("web", "quiet"), CancellationToken.None));
        Assert.Empty(bot.Web.Sent);
    }

    [Fact]
    public async Task A_channel_without_a_sender_keeps_the_replies_in_the_transcript()
    {
        await using var bot = await DialogHarness.StartAsync();
        var result = await bot.Engine.ProcessAsync(new Activity { Channel = "vk", UserId = "1", Type = ActivityType.Message, Text = "как получить полис омс" },
            CancellationToken.None);
        Assert.Equal([MessageKind.Greeting, MessageKind.Answer], result.Replies.Select(r => r.Kind));
        Assert.Equal(3, (await bot.Stores.Transcripts.ReadAsync(result.ConversationId!, 0, CancellationToken.None)).Count);
    }
}
