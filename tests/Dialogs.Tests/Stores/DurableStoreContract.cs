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

        var fromTemplate = Entry("c4", "Полис оформляет страховая организация.") with
        {
            From = Authors.Operator, Kind = MessageKind.OperatorMessage, OperatorId = "anna", ArticleId = "oms-get-policy",
        };
        await Stores.Transcripts.AppendAsync(fromTemplate, CancellationToken.None);
        Assert.Equal("oms-get-policy", (await Stores.Transcripts.ReadAsync("c4", 0, CancellationToken.None))[0].ArticleId);
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
    public async Task A_received_message_is_kept_once_until_removed()
    {
        var received = Stores.ReceivedMessages;
        var message = new ReceivedMessage("telegram", "7001", "{\"update_id\":7001,\"text\":\"полис\"}");

        Assert.True(await received.AddAsync(message, "host-a", Now.AddMinutes(1), CancellationToken.None));
        Assert.False(await received.AddAsync(message with { Payload = "{}" }, "host-b", Now.AddMinutes(1), CancellationToken.None));
        Assert.True(await received.AddAsync(message with { Channel = "vk" }, "host-a", Now.AddMinutes(1), CancellationToken.None));

        var taken = await received.ClaimExpiredAsync("telegram", "host-b", Now.AddMinutes(2), Now.AddMinutes(3), 10, CancellationToken.None);
        Assert.Equal([message], taken);

        await received.RemoveAsync("telegram", "7001", CancellationToken.None);
        Assert.Empty(await received.ClaimExpiredAsync("telegram", "host-b", Now.AddHours(1), Now.AddHours(2), 10, CancellationToken.None));
        Assert.True(await received.AddAsync(message, "host-a", Now.AddMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task Only_messages_whose_lease_ran_out_are_taken_over_oldest_first_and_leased_anew()
    {
        var received = Stores.ReceivedMessages;
        await received.AddAsync(new ReceivedMessage("vk", "1", "first"), "dead-host", Now, CancellationToken.None);
        await received.AddAsync(new ReceivedMessage("vk", "2", "second"), "dead-host", Now, CancellationToken.None);
        await received.AddAsync(new ReceivedMessage("vk", "3", "third"), "live-host", Now.AddMinutes(5), CancellationToken.None);

        var first = await received.ClaimExpiredAsync("vk", "host-c", Now.AddMinutes(1), Now.AddMinutes(2), 10, CancellationToken.None);
        var again = await received.ClaimExpiredAsync("vk", "host-d", Now.AddMinutes(1), Now.AddMinutes(2), 10, CancellationToken.None);

        Assert.Equal(["first", "second"], first.Select(m => m.Payload));
        Assert.Empty(again);
        var later = await received.ClaimExpiredAsync("vk", "host-d", Now.AddMinutes(10), Now.AddMinutes(11), 1, CancellationToken.None);
        Assert.Equal(["first"], later.Select(m => m.Payload));
    }

    [Fact]
    public async Task A_renewed_lease_is_not_taken_over_and_a_released_one_is_at_once()
    {
        var received = Stores.ReceivedMessages;
        await received.AddAsync(new ReceivedMessage("telegram", "1", "a"), "host-a", Now.AddMinutes(1), CancellationToken.None);
        await received.AddAsync(new ReceivedMessage("telegram", "2", "b"), "host-b", Now.AddMinutes(1), CancellationToken.None);

        await received.RenewAsync("host-a", "telegram", ["1"], Now.AddMinutes(10), CancellationToken.None);
        Assert.Equal(["b"], (await received.ClaimExpiredAsync("telegram", "host-c", Now.AddMinutes(5), Now.AddMinutes(6), 10, CancellationToken.None)).Select(m => m.Payload));

        await received.ReleaseAsync("host-a", CancellationToken.None);
        Assert.Equal(["a"], (await received.ClaimExpiredAsync("telegram", "host-c", Now, Now.AddMinutes(6), 10, CancellationToken.None)).Select(m => m.Payload));
    }

    [Fact]
    public async Task Only_the_listed_messages_of_the_owner_are_renewed()
    {
        var received = Stores.ReceivedMessages;
        await received.AddAsync(new ReceivedMessage("telegram", "held", "a"), "host-a", Now.AddMinutes(1), CancellationToken.None);
        await received.AddAsync(new ReceivedMessage("telegram", "lost", "b"), "host-a", Now.AddMinutes(1), CancellationToken.None);
        await received.AddAsync(new ReceivedMessage("telegram", "theirs", "c"), "host-b", Now.AddMinutes(1), CancellationToken.None);

        await received.RenewAsync("host-a", "telegram", ["held", "theirs"], Now.AddMinutes(10), CancellationToken.None);

        var due = await received.ClaimExpiredAsync("telegram", "host-c", Now.AddMinutes(5), Now.AddMinutes(6), 10, CancellationToken.None);
        Assert.Equal(["lost", "theirs"], due.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task Kept_messages_are_counted_per_channel_and_old_ones_forgotten_whatever_their_lease()
    {
        var received = Stores.ReceivedMessages;
        await received.AddAsync(new ReceivedMessage("vk", "1", "a"), "host-a", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        await received.AddAsync(new ReceivedMessage("vk", "2", "b"), "host-a", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        await received.AddAsync(new ReceivedMessage("telegram", "3", "c"), "host-a", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);

        Assert.Equal(2, await received.CountAsync("vk", CancellationToken.None));
        Assert.Equal(0, await received.ForgetReceivedBeforeAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        Assert.Equal(3, await received.ForgetReceivedBeforeAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None));
        Assert.Equal(0, await received.CountAsync("vk", CancellationToken.None));
    }

    [Fact]
    public async Task A_streams_read_position_is_saved_and_replaced()
    {
        var received = Stores.ReceivedMessages;

        Assert.Null(await received.GetPositionAsync("vk:longpoll:1", CancellationToken.None));
        await received.SetPositionAsync("vk:longpoll:1", "1042", CancellationToken.None);
        await received.SetPositionAsync("vk:longpoll:1", "1043", CancellationToken.None);
        await received.SetPositionAsync("vk:longpoll:2", "7", CancellationToken.None);

        Assert.Equal("1043", await received.GetPositionAsync("vk:longpoll:1", CancellationToken.None));
        Assert.Equal("7", await received.GetPositionAsync("vk:longpoll:2", CancellationToken.None));
    }

    [Fact]
    public async Task Hosts_claiming_at_once_never_take_the_same_message()
    {
        var received = Stores.ReceivedMessages;
        for (var i = 0; i < 40; i++)
        {
            await received.AddAsync(new ReceivedMessage("telegram", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"m{i}"), "gone", Now, CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(h =>
            received.ClaimExpiredAsync("telegram", $"host-{h}", Now.AddMinutes(1), Now.AddMinutes(2), 10, CancellationToken.None)));

        var all = claims.SelectMany(c => c).Select(m => m.Id).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
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
    public async Task A_requests_desk_record_is_saved_only_over_the_version_read_and_listed_with_its_request()
    {
        var request = new WrittenRequest
        {
            Number = "МЗ-000021", ConversationId = "c1", Channel = "vk", Text = "вопрос", Contact = "a@b.ru", CreatedAt = Now, DueAt = Now.AddDays(30),
        };
        await Stores.Requests.AddAsync(request, CancellationToken.None);
        var fresh = new RequestWork();
        Assert.Equal(fresh, (await Stores.Requests.GetWithWorkAsync("МЗ-000021", CancellationToken.None))!.Work);

        var taken = fresh with { Status = RequestStatus.InWork, Assignee = "anna" };
        Assert.True(await Stores.Requests.SaveWorkAsync("МЗ-000021", fresh, taken, CancellationToken.None));
        Assert.False(await Stores.Requests.SaveWorkAsync("МЗ-000021", fresh, fresh with { Assignee = "boris" }, CancellationToken.None));
        var answered = taken with { Status = RequestStatus.Answered, Answer = "ответ", AnsweredAt = Now.AddDays(1), AnswerDelivered = true };
        Assert.True(await Stores.Requests.SaveWorkAsync("МЗ-000021", taken, answered, CancellationToken.None));
        Assert.False(await Stores.Requests.SaveWorkAsync("МЗ-000021", taken, taken with { Status = RequestStatus.Closed }, CancellationToken.None));

        var listed = Assert.Single(await Stores.Requests.ListAsync(CancellationToken.None), r => r.Request.Number == "МЗ-000021");
        Assert.Equal(answered, listed.Work);
        Assert.Equal("vk", listed.Request.Channel);
        Assert.Null(await Stores.Requests.GetWithWorkAsync("МЗ-999999", CancellationToken.None));
    }

    [Theory]
    [InlineData("2025-01-01", "2025-12-31")]
    [InlineData("2025-01-15", "2025-03-10")]
    [InlineData("2025-02-01", "2025-02-28")]
    [InlineData("2025-02-03", "2025-02-20")]
    [InlineData("2025-01-31", "2025-03-01")]
    public async Task Dashboard_sums_over_any_period_equal_the_sum_of_the_days_whether_read_by_day_or_by_month(string from, string to)
    {
        var start = new DateOnly(2025, 1, 1);
        for (var d = 0; d < 120; d += 3)
        {
            var day = start.AddDays(d);
            await Stores.Statistics.AddAsync(day, d % 2 == 0 ? "web" : "vk", "citizen",
                [new Assistant.Dialogs.Statistics.StatCounter("conversations", ""), new("rating", "all|5", d)], CancellationToken.None);
        }

        var (first, last) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var days = Enumerable.Range(0, 40).Select(i => i * 3).Where(d => start.AddDays(d) >= first && start.AddDays(d) <= last).ToList();

        var all = await Stores.Statistics.SumAsync(new Assistant.Dialogs.Statistics.StatFilter(first, last), CancellationToken.None);
        var web = await Stores.Statistics.SumAsync(new Assistant.Dialogs.Statistics.StatFilter(first, last, "web"), CancellationToken.None);

        Assert.Equal(days.Count, all.Where(t => t.Metric == "conversations").Sum(t => t.Value));
        Assert.Equal(days.Sum(), all.Where(t => t.Metric == "rating").Sum(t => t.Value));
        Assert.Equal(days.Count(d => d % 2 == 0), web.Where(t => t.Metric == "conversations").Sum(t => t.Value));
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

    [Fact]
    public async Task Retention_removes_each_kind_after_its_own_period_in_batches_and_a_second_run_finds_nothing()
    {
        var old = Now - TimeSpan.FromDays(200);
        var ancient = Now - TimeSpan.FromDays(400);
        for (var i = 0; i < 25; i++)
        {
            await Stores.Transcripts.AppendAsync(Entry("old-" + i, "старое сообщение") with { Timestamp = old }, CancellationToken.None);
        }

        await Stores.Transcripts.AppendAsync(Entry("recent", "новое сообщение") with { Timestamp = Now - TimeSpan.FromDays(10) }, CancellationToken.None);
        await Stores.Ratings.SaveAsync(new ConversationRating { ConversationId = "old-0", Channel = "web", Score = 2, Comment = "долго", RatedAt = old }, CancellationToken.None);
        await Stores.Ratings.SaveAsync(new ConversationRating { ConversationId = "old-1", Channel = "web", Score = 5, RatedAt = ancient }, CancellationToken.None);
        await Stores.Requests.AddAsync(new WrittenRequest
        {
            Number = "МЗ-000001", ConversationId = "old-2", Channel = "web", Text = "Прошу разъяснить", Contact = "ivan@example.ru", CreatedAt = ancient, DueAt = ancient + TimeSpan.FromDays(30),
        }, CancellationToken.None);
        await Stores.Unanswered.AddAsync(new Assistant.Dialogs.Learning.UnansweredMessage { ConversationId = "old-3", Channel = "web", Text = "погода", At = old }, CancellationToken.None);
        await Stores.Unanswered.AddAsync(new Assistant.Dialogs.Learning.UnansweredMessage { ConversationId = "recent", Channel = "web", Text = "погода", At = Now }, CancellationToken.None);

        var options = new Retention.RetentionOptions { BatchSize = 100 };
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        var purge = new Retention.RetentionPurge(Stores.Purge!, options, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var dry = await purge.RunAsync(dryRun: true, CancellationToken.None);
        Assert.Equal(25, dry.Counts[Retention.RecordKind.Transcripts]);
        Assert.Equal(1, dry.Counts[Retention.RecordKind.Ratings]);
        Assert.Equal(0, dry.Counts[Retention.RecordKind.WrittenRequests]);
        Assert.Equal(1, dry.Counts[Retention.RecordKind.Unanswered]);
        Assert.Single(await Stores.Transcripts.ReadAsync("old-0", 0, CancellationToken.None));

        options.BatchSize = 10;
        var run = await purge.RunAsync(dryRun: false, CancellationToken.None);
        Assert.Equal(25, run.Counts[Retention.RecordKind.Transcripts]);
        Assert.Empty(await Stores.Transcripts.ReadAsync("old-0", 0, CancellationToken.None));
        Assert.Single(await Stores.Transcripts.ReadAsync("recent", 0, CancellationToken.None));
        Assert.NotNull(await Stores.Ratings.GetAsync("old-0", CancellationToken.None));
        Assert.Null(await Stores.Ratings.GetAsync("old-1", CancellationToken.None));
        Assert.NotNull(await Stores.Requests.GetAsync("МЗ-000001", CancellationToken.None));
        Assert.Single(await Stores.Unanswered.ListAsync(Assistant.Dialogs.Learning.UnansweredStatus.Open, 10, CancellationToken.None));

        var again = await purge.RunAsync(dryRun: false, CancellationToken.None);
        Assert.All(again.Counts.Values, count => Assert.Equal(0, count));

        // Five years on the request goes too, with its contact.
        clock.Advance(TimeSpan.FromDays(5 * 365));
        await purge.RunAsync(dryRun: false, CancellationToken.None);
        Assert.Null(await Stores.Requests.GetAsync("МЗ-000001", CancellationToken.None));
    }

    [Fact]
    public async Task A_persons_erasure_removes_their_conversations_records_and_nobody_elses()
    {
        var anna = new ConversationKey("telegram", "123");
        var boris = new ConversationKey("telegram", "456");
        await Stores.People!.RecordAsync("a1", anna, Now, CancellationToken.None);
        await Stores.People.RecordAsync("a2", anna, Now, CancellationToken.None);
        await Stores.People.RecordAsync("a2", anna, Now, CancellationToken.None);
        await Stores.People.RecordAsync("b1", boris, Now, CancellationToken.None);
        foreach (var id in new[] { "a1", "a2", "b1" })
        {
            await Stores.Transcripts.AppendAsync(Entry(id, "вопрос " + id), CancellationToken.None);
            await Stores.Ratings.SaveAsync(new ConversationRating { ConversationId = id, Channel = "telegram", Score = 4, Comment = "спасибо", RatedAt = Now }, CancellationToken.None);
            await Stores.Unanswered.AddAsync(new Assistant.Dialogs.Learning.UnansweredMessage { ConversationId = id, Channel = "telegram", Text = "погода " + id, At = Now }, CancellationToken.None);
        }

        await Stores.Requests.AddAsync(new WrittenRequest { Number = "МЗ-000007", ConversationId = "a2", Channel = "telegram", Text = "Прошу", Contact = "+79990000000", CreatedAt = Now, DueAt = Now }, CancellationToken.None);
        await Stores.Clients.SaveAsync(new PersonalManagers.ClientRecord { Key = anna, Flags = ["инвалидность"] }, CancellationToken.None);
        Assert.Equal(["a1", "a2"], (await Stores.People.ConversationsOfAsync(anna, CancellationToken.None)).Order());

        var deleted = await Stores.Purge!.EraseAsync(["a1", "a2"], anna, CancellationToken.None);

        Assert.True(deleted >= 9, $"deleted {deleted}");
        Assert.Empty(await Stores.People.ConversationsOfAsync(anna, CancellationToken.None));
        Assert.Empty(await Stores.Transcripts.ReadAsync("a2", 0, CancellationToken.None));
        Assert.Null(await Stores.Ratings.GetAsync("a1", CancellationToken.None));
        Assert.Null(await Stores.Requests.GetAsync("МЗ-000007", CancellationToken.None));
        Assert.Null(await Stores.Clients.GetAsync(anna, CancellationToken.None));
        var inbox = await Stores.Unanswered.ListAsync(Assistant.Dialogs.Learning.UnansweredStatus.Open, 10, CancellationToken.None);
        Assert.Equal(["b1"], inbox.Select(u => u.ConversationId));
        Assert.Single(await Stores.Transcripts.ReadAsync("b1", 0, CancellationToken.None));
        Assert.NotNull(await Stores.Ratings.GetAsync("b1", CancellationToken.None));
        Assert.Equal(["b1"], await Stores.People.ConversationsOfAsync(boris, CancellationToken.None));
    }

    [Fact]
    public async Task The_inbox_reads_only_the_chosen_messages_that_are_still_open()
    {
        foreach (var text in new[] { "первый", "второй", "третий" })
        {
            await Stores.Unanswered.AddAsync(new Assistant.Dialogs.Learning.UnansweredMessage { ConversationId = "c", Channel = "web", Text = text, At = Now, CandidateArticleIds = ["a", "b"] }, CancellationToken.None);
        }

        var ids = (await Stores.Unanswered.ListAsync(Assistant.Dialogs.Learning.UnansweredStatus.Open, 10, CancellationToken.None)).Select(m => m.Id).Order().ToList();
        Assert.Equal(1, await Stores.Unanswered.ResolveAsync([ids[0]], Assistant.Dialogs.Learning.UnansweredStatus.Dismissed, null, CancellationToken.None));

        var open = await Stores.Unanswered.ListOpenAsync([ids[0], ids[2], 999_999], CancellationToken.None);

        var only = Assert.Single(open);
        Assert.Equal((ids[2], "третий"), (only.Id, only.Text));
        Assert.Equal(["a", "b"], only.CandidateArticleIds);
        Assert.Empty(await Stores.Unanswered.ListOpenAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task Questions_attached_to_an_article_can_be_listed_and_put_back_into_the_inbox()
    {
        foreach (var text in new[] { "первый", "второй", "третий" })
        {
            await Stores.Unanswered.AddAsync(new Assistant.Dialogs.Learning.UnansweredMessage { ConversationId = "c", Channel = "web", Text = text, At = Now }, CancellationToken.None);
        }

        var ids = (await Stores.Unanswered.ListAsync(Assistant.Dialogs.Learning.UnansweredStatus.Open, 10, CancellationToken.None)).Select(m => m.Id).Order().ToList();
        await Stores.Unanswered.ResolveAsync([ids[0], ids[1]], Assistant.Dialogs.Learning.UnansweredStatus.Attached, "oms", CancellationToken.None);
        await Stores.Unanswered.ResolveAsync([ids[2]], Assistant.Dialogs.Learning.UnansweredStatus.Attached, "other", CancellationToken.None);

        var attached = await Stores.Unanswered.ListAttachedAsync("oms", CancellationToken.None);
        Assert.Equal(["второй", "первый"], attached.Select(m => m.Text));
        Assert.All(attached, m => Assert.Equal("oms", m.ResolvedArticleId));

        Assert.Equal(1, await Stores.Unanswered.ReopenAsync([ids[0], 999_999], CancellationToken.None));
        Assert.Equal(0, await Stores.Unanswered.ReopenAsync([ids[0]], CancellationToken.None));
        var open = Assert.Single(await Stores.Unanswered.ListAsync(Assistant.Dialogs.Learning.UnansweredStatus.Open, 10, CancellationToken.None));
        Assert.Equal(("первый", null), (open.Text, open.ResolvedArticleId));
        Assert.Equal(["второй"], (await Stores.Unanswered.ListAttachedAsync("oms", CancellationToken.None)).Select(m => m.Text));
        Assert.Equal(0, await Stores.Unanswered.ReopenAsync([], CancellationToken.None));
    }

    private static TranscriptEntry Entry(string conversationId, string text) =>
        new() { ConversationId = conversationId, From = Authors.Citizen, Text = text, Timestamp = Now };
}
