using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;

namespace Assistant.Dialogs.Tests.Stores;

/// <summary>What every conversation store must do (SQLite on one machine, Redis for several hosts): one test suite for all.</summary>
public abstract class ConversationStoreContract
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    protected abstract IConversationStore Store { get; }

    private static ConversationKey NewKey() => new("web", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_conversation_is_created_once_per_person()
    {
        var key = NewKey();
        var first = await Store.GetOrCreateAsync(key, () => Conversation.Start(key, Now), CancellationToken.None);
        var second = await Store.GetOrCreateAsync(key, () => Conversation.Start(key, Now.AddMinutes(1)), CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, first.Version);
    }

    [Fact]
    public async Task A_save_succeeds_only_from_the_version_that_was_read()
    {
        var key = NewKey();
        var created = await Store.GetOrCreateAsync(key, () => Conversation.Start(key, Now), CancellationToken.None);
        var updated = created with { Version = 2, State = ConversationState.WaitingForOperator, HandoffGroup = "oms", ShownArticleIds = ["a", "b"] };

        Assert.True(await Store.SaveAsync(updated, 1, CancellationToken.None));
        Assert.False(await Store.SaveAsync(created with { Version = 2 }, 1, CancellationToken.None));
        Assert.False(await Store.SaveAsync(created, 0, CancellationToken.None));

        var read = await Store.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal(ConversationState.WaitingForOperator, read!.State);
        Assert.Equal("oms", read.HandoffGroup);
        Assert.Equal(["a", "b"], read.ShownArticleIds);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task Conversations_are_listed_by_their_current_state_only()
    {
        var key = NewKey();
        var created = await Store.GetOrCreateAsync(key, () => Conversation.Start(key, Now), CancellationToken.None);
        Assert.True(await Store.SaveAsync(created with { Version = 2, State = ConversationState.WithOperator }, 1, CancellationToken.None));

        Assert.Contains(await Store.ListByStateAsync(ConversationState.WithOperator, CancellationToken.None), c => c.Id == created.Id);
        Assert.DoesNotContain(await Store.ListByStateAsync(ConversationState.New, CancellationToken.None), c => c.Id == created.Id);
    }

    [Fact]
    public async Task A_group_queue_lists_its_waiting_conversations_longest_waiting_first_and_counts_them()
    {
        var group = "g" + Guid.NewGuid().ToString("N")[..8];
        async Task<Conversation> QueueAsync(DateTimeOffset queuedAt, string inGroup)
        {
            var key = NewKey();
            var created = await Store.GetOrCreateAsync(key, () => Conversation.Start(key, Now), CancellationToken.None);
            var waiting = created with { Version = 2, State = ConversationState.WaitingForOperator, HandoffGroup = inGroup, QueuedAt = queuedAt };
            Assert.True(await Store.SaveAsync(waiting, 1, CancellationToken.None));
            return waiting;
        }

        var later = await QueueAsync(Now.AddMinutes(5), group);
        var earlier = await QueueAsync(Now.AddMinutes(1), group.ToUpperInvariant());
        await QueueAsync(Now, group + "-other");

        Assert.Equal([earlier.Id, later.Id], (await Store.ListQueueAsync(group, CancellationToken.None)).Select(c => c.Id));
        Assert.Equal(2, await Store.CountQueueAsync(group, CancellationToken.None));

        // Accepted by an operator: out of the queue.
        Assert.True(await Store.SaveAsync(earlier with { Version = 3, State = ConversationState.WithOperator }, 2, CancellationToken.None));
        Assert.Equal([later.Id], (await Store.ListQueueAsync(group, CancellationToken.None)).Select(c => c.Id));
        Assert.Equal(1, await Store.CountQueueAsync(group, CancellationToken.None));

        // Transferred: it leaves one group's queue for the other's.
        Assert.True(await Store.SaveAsync(later with { Version = 3, HandoffGroup = group + "-other" }, 2, CancellationToken.None));
        Assert.Equal(0, await Store.CountQueueAsync(group, CancellationToken.None));
        Assert.Equal(2, await Store.CountQueueAsync(group + "-other", CancellationToken.None));

        // Cyrillic names compare without case too.
        var cyrillic = "Полис-" + group;
        await QueueAsync(Now, cyrillic);
        Assert.Equal(1, await Store.CountQueueAsync(cyrillic.ToUpperInvariant(), CancellationToken.None));
        Assert.Single(await Store.ListQueueAsync(cyrillic.ToLowerInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task The_latest_conversation_of_a_person_is_their_current_one_and_old_ones_stay_readable()
    {
        var key = NewKey();
        var first = await Store.GetOrCreateAsync(key, () => Conversation.Start(key, Now), CancellationToken.None);
        var next = Conversation.Start(key, Now.AddHours(1)) with { Version = 1 };

        Assert.True(await Store.SaveAsync(next, 0, CancellationToken.None));
        Assert.Equal(next.Id, (await Store.GetAsync(key, CancellationToken.None))?.Id);
        Assert.NotNull(await Store.GetAsync(first.Id, CancellationToken.None));
        Assert.Null(await Store.GetAsync(new ConversationKey("telegram", key.UserId), CancellationToken.None));
    }

    [Fact]
    public async Task Only_conversations_idle_since_before_the_cutoff_are_listed_as_idle()
    {
        var quietKey = NewKey();
        var busyKey = NewKey();
        var quiet = await Store.GetOrCreateAsync(quietKey, () => Conversation.Start(quietKey, Now), CancellationToken.None);
        var busy = await Store.GetOrCreateAsync(busyKey, () => Conversation.Start(busyKey, Now), CancellationToken.None);
        Assert.True(await Store.SaveAsync(quiet with { Version = 2, State = ConversationState.BotAnswering, LastActivityAt = Now }, 1, CancellationToken.None));
        Assert.True(await Store.SaveAsync(busy with { Version = 2, State = ConversationState.BotAnswering, LastActivityAt = Now.AddMinutes(50) }, 1, CancellationToken.None));

        var idle = await Store.ListIdleAsync(ConversationState.BotAnswering, Now.AddMinutes(30), CancellationToken.None);

        Assert.Contains(idle, c => c.Id == quiet.Id);
        Assert.DoesNotContain(idle, c => c.Id == busy.Id);
    }

    [Fact]
    public async Task Of_many_concurrent_saves_from_one_version_exactly_one_wins()
    {
        var key = NewKey();
        var created = await Store.GetOrCreateAsync(key, () => Conversation.Start(key, Now), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Store.SaveAsync(created with { Version = 2, LastArticleId = $"a{i}" }, 1, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r));
    }
}
