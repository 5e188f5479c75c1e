using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Stores;

namespace Assistant.Dialogs.Tests.Stores;

/// <summary>What every store of durable records must do (SQLite on one machine, PostgreSQL for several): one suite for all.</summary>
public abstract class DurableStoreContract
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Stores over an empty database.</summary>
    protected abstract DialogStores Stores { get; }

    [Fact]
    public async Task Transcript_entries_are_numbered_per_conversation_and_read_after_a_position()
    {
        var appends = Enumerable.Range(1, 20).Select(i => Stores.Transcripts.AppendAsync(Entry(i % 2 == 0 ? "c1" : "c2", $"текст {i}"), CancellationToken.None));
        var sequences = await Task.WhenAll(appends);
        Assert.Equal(20, sequences.Length);

        var c1 = await Stores.Transcripts.ReadAsync("c1", 0, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), c1.Select(e => e.Sequence));
        var tail = await Stores.Transcripts.ReadAsync("c1", 8, CancellationToken.None);
        Assert.Equal([9L, 10L], tail.Select(e => e.Sequence));

        var rich = Entry("c3", "ответ") with
        {
            From = Authors.Bot,
            Kind = MessageKind.Answer,
            Buttons = [new QuickReply("Помогло", ButtonPayloads.Helped)],
            SourceUrl = "https://example.gov.ru",
        };
        await Stores.Transcripts.AppendAsync(rich, CancellationToken.None);
        Assert.Equal(rich with { Sequence = 1 }, (await Stores.Transcripts.ReadAsync("c3", 0, CancellationToken.None))[0] with { Buttons = rich.Buttons });
        Assert.Equal(rich.Buttons, (await Stores.Transcripts.ReadAsync("c3", 0, CancellationToken.None))[0].Buttons);
    }

    [Fact]
    public async Task A_message_id_is_marked_once_per_channel_and_can_be_forgotten()
    {
        Assert.True(await Stores.ProcessedMessages.TryMarkAsync("telegram", "1", CancellationToken.None));
        Assert.False(await Stores.ProcessedMessages.TryMarkAsync("telegram", "1", CancellationToken.None));
        Assert.True(await Stores.ProcessedMessages.TryMarkAsync("vk", "1", CancellationToken.None));
        await Stores.ProcessedMessages.ForgetAsync("telegram", "1", CancellationToken.None);
        Assert.True(await Stores.ProcessedMessages.TryMarkAsync("telegram", "1", CancellationToken.None));
    }

    [Fact]
    public async Task Message_ids_past_their_retention_are_forgotten_and_recent_ones_kept()
    {
        Assert.True(await Stores.ProcessedMessages.TryMarkAsync("telegram", "old", CancellationToken.None));

        Assert.Equal(0, await Stores.ProcessedMessages.ForgetOlderThanAsync(DateTimeOffset.UtcNow.AddDays(-7), CancellationToken.None));
        Assert.False(await Stores.ProcessedMessages.TryMarkAsync("telegram", "old", CancellationToken.None));

        Assert.Equal(1, await Stores.ProcessedMessages.ForgetOlderThanAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None));
        Assert.True(await Stores.ProcessedMessages.TryMarkAsync("telegram", "old", CancellationToken.None));
    }

    [Fact]
    public async Task Request_numbers_are_never_reused_and_requests_read_back()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Stores.Requests.NextNumberAsync(CancellationToken.None)));
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
        await Stores.Requests.AddAsync(request, CancellationToken.None);
        var read = await Stores.Requests.GetAsync("МЗ-000011", CancellationToken.None);
        Assert.Equal(request with { ArticleIds = [] }, read! with { ArticleIds = [] });
        Assert.Equal(request.ArticleIds, read.ArticleIds);
    }

    [Fact]
    public async Task A_rating_is_one_row_per_conversation_and_the_comment_updates_it()
    {
        var rating = new ConversationRating { ConversationId = "c1", Channel = "vk", Score = 3, ArticleIds = ["a"], OperatorId = "op", RatedAt = Now };
        await Stores.Ratings.SaveAsync(rating, CancellationToken.None);
        await Stores.Ratings.SaveAsync(rating with { Comment = "быстро" }, CancellationToken.None);
        var read = await Stores.Ratings.GetAsync("c1", CancellationToken.None);
        Assert.Equal("быстро", read?.Comment);
        Assert.Equal(3, read?.Score);
        Assert.Equal("op", read?.OperatorId);
        Assert.Null(await Stores.Ratings.GetAsync("c2", CancellationToken.None));
    }

    private static TranscriptEntry Entry(string conversationId, string text) =>
        new() { ConversationId = conversationId, From = Authors.Citizen, Text = text, Timestamp = Now };
}
