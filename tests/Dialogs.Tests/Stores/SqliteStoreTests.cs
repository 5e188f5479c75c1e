using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Stores;

/// <summary>The SQLite stores in one dialogs.db file.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly ConversationKey Key = new("web", "u1");

    private readonly TempDirectory _directory = new();
    private readonly DialogStores _stores;

    public SqliteStoreTests() => _stores = DialogStores.Sqlite(_directory.File("data/dialogs.db"));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_conversation_is_created_once_per_key_and_saved_only_from_the_version_read()
    {
        var created = await _stores.Conversations.GetOrCreateAsync(Key, () => Conversation.Start(Key, Now), CancellationToken.None);
        var again = await _stores.Conversations.GetOrCreateAsync(Key, () => Conversation.Start(Key, Now.AddMinutes(1)), CancellationToken.None);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal(1, created.Version);

        var updated = created with { Version = 2, State = ConversationState.WaitingForOperator, HandoffGroup = "oms", ShownArticleIds = ["a", "b"] };
        Assert.True(await _stores.Conversations.SaveAsync(updated, 1, CancellationToken.None));
        Assert.False(await _stores.Conversations.SaveAsync(created with { Version = 2 }, 1, CancellationToken.None));
        Assert.False(await _stores.Conversations.SaveAsync(created, 0, CancellationToken.None));

        var read = await _stores.Conversations.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal(updated, read! with { ShownArticleIds = updated.ShownArticleIds });
        Assert.Equal(["a", "b"], read.ShownArticleIds);
        Assert.Equal(created.Id, Assert.Single(await _stores.Conversations.ListByStateAsync(ConversationState.WaitingForOperator, CancellationToken.None)).Id);
        Assert.Empty(await _stores.Conversations.ListByStateAsync(ConversationState.New, CancellationToken.None));
    }

    [Fact]
    public async Task The_latest_conversation_of_a_key_is_its_current_one()
    {
        var first = await _stores.Conversations.GetOrCreateAsync(Key, () => Conversation.Start(Key, Now), CancellationToken.None);
        var next = Conversation.Start(Key, Now) with { Version = 1 };
        Assert.True(await _stores.Conversations.SaveAsync(next, 0, CancellationToken.None));
        Assert.Equal(next.Id, (await _stores.Conversations.GetAsync(Key, CancellationToken.None))?.Id);
        Assert.NotNull(await _stores.Conversations.GetAsync(first.Id, CancellationToken.None));
        Assert.Null(await _stores.Conversations.GetAsync(new ConversationKey("telegram", "u1"), CancellationToken.None));
    }

    [Fact]
    public async Task Transcript_entries_are_numbered_per_conversation_and_read_after_a_position()
    {
        var appends = Enumerable.Range(1, 20).Select(i => _stores.Transcripts.AppendAsync(Entry(i % 2 == 0 ? "c1" : "c2", $"текст {i}"), CancellationToken.None));
        var sequences = await Task.WhenAll(appends);
        Assert.Equal(20, sequences.Length);

        var c1 = await _stores.Transcripts.ReadAsync("c1", 0, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), c1.Select(e => e.Sequence));
        var tail = await _stores.Transcripts.ReadAsync("c1", 8, CancellationToken.None);
        Assert.Equal([9L, 10L], tail.Select(e => e.Sequence));

        var rich = Entry("c3", "ответ") with
        {
            From = Authors.Bot,
            Kind = MessageKind.Answer,
            Buttons = [new QuickReply("Помогло", ButtonPayloads.Helped)],
            SourceUrl = "https://example.gov.ru",
        };
        await _stores.Transcripts.AppendAsync(rich, CancellationToken.None);
        Assert.Equal(rich with { Sequence = 1 }, (await _stores.Transcripts.ReadAsync("c3", 0, CancellationToken.None))[0] with { Buttons = rich.Buttons });
        Assert.Equal(rich.Buttons, (await _stores.Transcripts.ReadAsync("c3", 0, CancellationToken.None))[0].Buttons);
    }

    [Fact]
    public async Task A_message_id_is_marked_once_per_channel_and_can_be_forgotten()
    {
        Assert.True(await _stores.ProcessedMessages.TryMarkAsync("telegram", "1", CancellationToken.None));
        Assert.False(await _stores.ProcessedMessages.TryMarkAsync("telegram", "1", CancellationToken.None));
        Assert.True(await _stores.ProcessedMessages.TryMarkAsync("vk", "1", CancellationToken.None));
        await _stores.ProcessedMessages.ForgetAsync("telegram", "1", CancellationToken.None);
        Assert.True(await _stores.ProcessedMessages.TryMarkAsync("telegram", "1", CancellationToken.None));
    }

    [Fact]
    public async Task Message_ids_past_their_retention_are_forgotten_and_recent_ones_kept()
    {
        Assert.True(await _stores.ProcessedMessages.TryMarkAsync("telegram", "old", CancellationToken.None));

        Assert.Equal(0, await _stores.ProcessedMessages.ForgetOlderThanAsync(DateTimeOffset.UtcNow.AddDays(-7), CancellationToken.None));
        Assert.False(await _stores.ProcessedMessages.TryMarkAsync("telegram", "old", CancellationToken.None));

        Assert.Equal(1, await _stores.ProcessedMessages.ForgetOlderThanAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None));
        Assert.True(await _stores.ProcessedMessages.TryMarkAsync("telegram", "old", CancellationToken.None));
    }

    [Fact]
    public async Task Request_numbers_are_never_reused_and_requests_read_back()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _stores.Requests.NextNumberAsync(CancellationToken.None)));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), numbers.Order());

        var request = new WrittenRequest
        {
            Number = "МЗ-000011",
            ConversationId = "c1",
            Channel = "web",
            Text = "вопрос",
            Contact = "a@b.ru",
            LifeSituation = "oms-policy",
            ArticleIds = ["oms-get-policy"],
            CreatedAt = Now,
            DueAt = Now.AddDays(30),
        };
        await _stores.Requests.AddAsync(request, CancellationToken.None);
        var read = await _stores.Requests.GetAsync("МЗ-000011", CancellationToken.None);
        Assert.Equal(request with { ArticleIds = [] }, read! with { ArticleIds = [] });
        Assert.Equal(request.ArticleIds, read.ArticleIds);
    }

    [Fact]
    public async Task A_rating_is_one_row_per_conversation_and_the_comment_updates_it()
    {
        var rating = new ConversationRating { ConversationId = "c1", Channel = "vk", Score = 3, ArticleIds = ["a"], OperatorId = "op", RatedAt = Now };
        await _stores.Ratings.SaveAsync(rating, CancellationToken.None);
        await _stores.Ratings.SaveAsync(rating with { Comment = "быстро" }, CancellationToken.None);
        var read = await _stores.Ratings.GetAsync("c1", CancellationToken.None);
        Assert.Equal("быстро", read?.Comment);
        Assert.Equal(3, read?.Score);
        Assert.Equal("op", read?.OperatorId);
        Assert.Null(await _stores.Ratings.GetAsync("c2", CancellationToken.None));
    }

    private static TranscriptEntry Entry(string conversationId, string text) =>
        new() { ConversationId = conversationId, From = Authors.Citizen, Text = text, Timestamp = Now };
}
