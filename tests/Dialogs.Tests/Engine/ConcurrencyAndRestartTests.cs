using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Engine;

/// <summary>Turns of one conversation never overlap, and a restarted host resumes open conversations from dialogs.db.</summary>
public sealed class ConcurrencyAndRestartTests
{
    [Fact]
    public async Task Concurrent_turns_of_one_conversation_are_serialised()
    {
        var kb = new FakeKnowledge(FakeKnowledge.Article("a", "x", "Статья")).Answer("вопрос", "a");
        await using var bot = await DialogHarness.StartAsync(o => o.RateLimit.BurstSize = 1000, kb);
        const int turns = 40;
        var results = await Task.WhenAll(Enumerable.Range(1, turns).Select(i => Task.Run(() => bot.Engine.ProcessAsync(new Activity
        {
            Channel = "web",
            UserId = "busy",
            Type = ActivityType.Message,
            MessageId = $"m{i}",
            Text = $"вопрос номер {i}",
        }, CancellationToken.None))));

        Assert.Equal(1, kb.MaxConcurrentAsks);
        Assert.All(results, r => Assert.Equal(TurnOutcome.Processed, r.Outcome));
        var conversationId = Assert.Single(results.Select(r => r.ConversationId).Distinct());
        var transcript = await bot.Stores.Transcripts.ReadAsync(conversationId!, 0, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, transcript.Count).Select(i => (long)i), transcript.Select(e => e.Sequence));
        Assert.Equal(turns, transcript.Count(e => e.From == Authors.Citizen));
        Assert.Equal(turns, transcript.Count(e => e.Kind == MessageKind.Answer));
        Assert.Single(transcript, e => e.Kind == MessageKind.Greeting);

        // Each citizen message is followed by its own answer: the turns did not interleave.
        var pairs = transcript.Where(e => e.Kind != MessageKind.Greeting).Chunk(2);
        Assert.All(pairs, pair => Assert.Equal([Authors.Citizen, Authors.Bot], pair.Select(e => e.From)));
    }

    [Fact]
    public async Task Operator_actions_and_citizen_turns_on_one_conversation_do_not_overlap()
    {
        var kb = new FakeKnowledge();
        await using var bot = await DialogHarness.StartAsync(o => o.RateLimit.BurstSize = 1000, kb);
        await bot.Flow().Send("оператор").OperatorAccepts("op-1");
        var conversation = await bot.ConversationOf(new ConversationKey("web", "citizen-1"));
        var work = Enumerable.Range(1, 20).SelectMany(i => new Func<Task>[]
        {
            () => bot.Engine.ProcessAsync(new Activity { Channel = "web", UserId = "citizen-1", Type = ActivityType.Message, Text = $"сообщение {i}" }, CancellationToken.None),
            () => bot.Desk.ReplyAsync(conversation!.Id, "op-1", $"ответ {i}", CancellationToken.None),
        });
        await Task.WhenAll(work.Select(w => Task.Run(w)));

        var transcript = await bot.Stores.Transcripts.ReadAsync(conversation!.Id, 0, CancellationToken.None);
        Assert.Equal(20, transcript.Count(e => e.From == Authors.Operator));
        Assert.Equal(Enumerable.Range(1, transcript.Count).Select(i => (long)i), transcript.Select(e => e.Sequence));
        var saved = await bot.ConversationOf(conversation.Key);
        Assert.Equal(ConversationState.WithOperator, saved?.State);
    }

    [Fact]
    public async Task After_a_restart_a_queued_conversation_is_accepted_and_answered_by_the_new_instance()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow("tg-5", "telegram")
            .Send("как получить полис омс")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Press("Не помогло")
            .AssertReply(MessageKind.HandoffNotice)
            .Restart()
            .Check(async (harness, _) => Assert.Single(await harness.Desk.ListQueueAsync("oms", CancellationToken.None)))
            .OperatorAccepts("op-1")
            .AssertReply(MessageKind.Notice)
            .OperatorReplies("op-1", "Полис можно получить в любой страховой компании.")
            .AssertReply(MessageKind.OperatorMessage, "страховой")
            .Send("спасибо, вопрос решён")
            .AssertReply(MessageKind.RatingPrompt)
            .Check(async (harness, conversation) =>
            {
                var transcript = await harness.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
                Assert.Equal(Enumerable.Range(1, transcript.Count).Select(i => (long)i), transcript.Select(e => e.Sequence));
            });
    }

    [Fact]
    public async Task A_message_is_marked_processed_only_once_its_turn_is_stored_so_a_host_dying_mid_turn_loses_nothing()
    {
        var gate = new TaskCompletionSource();
        var knowledge = new GatedKnowledge(gate.Task);
        await using var bot = await DialogHarness.StartAsync(knowledge: knowledge);
        var activity = new Activity
        {
            Channel = "web", UserId = "u-1", Type = ActivityType.Message, MessageId = "m-1", Text = "полис", Timestamp = bot.Time.GetUtcNow(),
        };

        var first = bot.Engine.ProcessAsync(activity, CancellationToken.None);
        await knowledge.Asked.Task;

        // Mid-turn nothing says the message was processed: had this host died here, the widget's retry would be processed.
        Assert.False(await bot.Stores.ProcessedMessages.IsProcessedAsync("web", "m-1", CancellationToken.None));

        // A retry on the same host meanwhile waits for the person's lock and then finds the turn done.
        var retry = bot.Engine.ProcessAsync(activity, CancellationToken.None);
        gate.SetResult();
        Assert.Equal(TurnOutcome.Processed, (await first).Outcome);
        Assert.Equal(TurnOutcome.Duplicate, (await retry).Outcome);
        Assert.True(await bot.Stores.ProcessedMessages.IsProcessedAsync("web", "m-1", CancellationToken.None));
    }

    [Fact]
    public async Task A_retry_of_a_turn_stored_by_a_host_that_died_before_marking_it_is_a_duplicate_and_its_replies_go_out()
    {
        await using var bot = await DialogHarness.StartAsync();
        var key = new ConversationKey("web", "u-died-before-mark");
        var turn = Message(bot, key, "m-2", "как получить полис омс");
        await bot.Engine.ProcessAsync(Message(bot, key, "m-1", "привет"), CancellationToken.None);
        bot.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TurnOutcome.Processed, (await bot.Engine.ProcessAsync(turn, CancellationToken.None)).Outcome);
        var conversation = (await bot.ConversationOf(key))!;
        var before = await bot.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);

        // The host died right after storing the state and the transcript, before marking the message processed.
        await ExecuteAsync(bot, "DELETE FROM processed_messages WHERE message_id = 'm-2'");
        bot.Time.Advance(TimeSpan.FromSeconds(20));
        bot.Restart();

        var delivered = bot.Web.To(key).Count;
        Assert.Equal(TurnOutcome.Duplicate, (await bot.Engine.ProcessAsync(turn with { Timestamp = bot.Time.GetUtcNow() }, CancellationToken.None)).Outcome);
        Assert.Equal(before.Count, (await bot.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None)).Count);
        Assert.True(await bot.Stores.ProcessedMessages.IsProcessedAsync("web", "m-2", CancellationToken.None));

        // Delivery follows the mark, so the dead host delivered nothing: the stored answer goes out now, under its own sequence.
        var again = bot.Web.To(key).Skip(delivered).ToList();
        Assert.Equal(MessageKind.Answer, Assert.Single(again).Kind);
        Assert.Equal(before.Single(e => e.Kind == MessageKind.Answer).Sequence, again[0].Sequence);
    }

    [Fact]
    public async Task Only_a_channel_message_s_own_save_names_it_so_a_later_save_cannot_pass_for_its_turn()
    {
        await using var bot = await DialogHarness.StartAsync();
        var key = new ConversationKey("web", "u-later-save");
        await bot.Engine.ProcessAsync(Message(bot, key, "m-1", "как получить полис омс"), CancellationToken.None);
        Assert.Equal("m-1", (await bot.ConversationOf(key))!.LastMessageId);

        bot.Time.Advance(TimeSpan.FromSeconds(20));
        await bot.Engine.ProcessAsync(new Activity { Channel = key.Channel, UserId = key.UserId, Type = ActivityType.Message, Text = "спасибо", Timestamp = bot.Time.GetUtcNow() }, CancellationToken.None);
        Assert.Null((await bot.ConversationOf(key))!.LastMessageId);
    }

    [Fact]
    public async Task A_retry_of_a_turn_whose_host_died_before_writing_its_transcript_is_processed_again()
    {
        await using var bot = await DialogHarness.StartAsync();
        var key = new ConversationKey("web", "u-died-before-transcript");
        var turn = Message(bot, key, "m-2", "как получить полис омс");
        await bot.Engine.ProcessAsync(Message(bot, key, "m-1", "привет"), CancellationToken.None);
        var conversation = (await bot.ConversationOf(key))!;
        var greeted = (await bot.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None)).Count;
        bot.Time.Advance(TimeSpan.FromSeconds(20));
        await bot.Engine.ProcessAsync(turn, CancellationToken.None);

        // The host died after saving the state, before the transcript was written (and so before the mark).
        await ExecuteAsync(bot, $"DELETE FROM transcript WHERE conversation_id = '{conversation.Id}' AND sequence > {greeted}");
        await ExecuteAsync(bot, "DELETE FROM processed_messages WHERE message_id = 'm-2'");
        bot.Time.Advance(TimeSpan.FromSeconds(20));
        bot.Restart();

        Assert.Equal(TurnOutcome.Processed, (await bot.Engine.ProcessAsync(turn with { Timestamp = bot.Time.GetUtcNow() }, CancellationToken.None)).Outcome);
        var transcript = await bot.Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
        Assert.Single(transcript, e => e.From == Authors.Citizen && e.Text == "как получить полис омс");
        // The state had moved on with the lost turn, so the reply may differ from the first one; what matters is that there is one.
        Assert.Equal(Authors.Bot, transcript[^1].From);
    }

    private static Activity Message(DialogHarness bot, ConversationKey key, string messageId, string text) => new()
    {
        Channel = key.Channel, UserId = key.UserId, Type = ActivityType.Message, MessageId = messageId, Text = text, Timestamp = bot.Time.GetUtcNow(),
    };

    private static async Task ExecuteAsync(DialogHarness bot, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={bot.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0, sql);
    }

    private sealed class GatedKnowledge(Task gate) : Assistant.Knowledge.Retrieval.IKnowledgeSearch
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<Assistant.Knowledge.Retrieval.AskResult> AskAsync(Assistant.Knowledge.Retrieval.AskRequest request, CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            await gate;
            return new Assistant.Knowledge.Retrieval.AskResult(Assistant.Knowledge.Retrieval.Decision.Fallback, [], "fallback", new(0, 0, 0, 0), request.Text ?? "", []);
        }

        public Assistant.Knowledge.Model.Article? FindArticle(string articleId) => null;
    }

    [Fact]
    public async Task After_a_restart_a_follow_up_still_uses_the_context_of_the_last_answer()
    {
        await using var bot = await DialogHarness.StartAsync();
        await bot.Flow()
            .Send("как получить полис омс", messageId: "m1")
            .AssertReply(MessageKind.Greeting)
            .AssertReply(MessageKind.Answer)
            .Restart()
            .Send("как получить полис омс", messageId: "m1")
            .AssertOutcome(TurnOutcome.Duplicate)
            .Send("а для ребёнка?")
            .AssertReply(MessageKind.Answer)
            .Check((_, conversation) => Assert.Equal("oms-newborn-policy", conversation.LastArticleId));
    }

    [Fact]
    public async Task A_stale_save_is_refused_so_two_hosts_without_a_shared_lock_cannot_overwrite_each_other()
    {
        using var directory = new TempDirectory();
        var first = DialogStores.Sqlite(directory.File("dialogs.db"));
        var second = DialogStores.Sqlite(directory.File("dialogs.db"));
        var key = new ConversationKey("web", "u");
        var created = await first.Conversations.GetOrCreateAsync(key, () => Conversation.Start(key, DialogHarness.StartTime), CancellationToken.None);
        var seenBySecond = await second.Conversations.GetAsync(created.Id, CancellationToken.None);

        Assert.True(await first.Conversations.SaveAsync(created with { Version = 2, Transfers = 1 }, 1, CancellationToken.None));
        Assert.False(await second.Conversations.SaveAsync(seenBySecond! with { Version = 2, Transfers = 5 }, 1, CancellationToken.None));
        Assert.Equal(1, (await second.Conversations.GetAsync(created.Id, CancellationToken.None))?.Transfers);
    }
}
