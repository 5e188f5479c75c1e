using Assistant.Tests.Servers;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Templates;
using Assistant.Dialogs.Tests.TestSupport;
using Assistant.Dialogs.Throttling;
using StackExchange.Redis;

namespace Assistant.Dialogs.Tests.Redis;

/// <summary>Two engine instances (two hosts) sharing one Redis for state and locks and one durable store.</summary>
public sealed class TwoHostsTests(RedisServer server) : IClassFixture<RedisServer>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private RedisHost Host(IConnectionMultiplexer redis, Assistant.Knowledge.Retrieval.IKnowledgeSearch knowledge, RateLimitOptions? limits = null) =>
        RedisHost.Create(redis, knowledge, DialogStores.Sqlite(_directory.File("dialogs.db")), limits);

    private static Activity Message(string user, string id, string text) => new()
    {
        Channel = "web",
        UserId = user,
        Type = ActivityType.Message,
        MessageId = id,
        Text = text,
        Timestamp = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Turns_of_one_person_sent_to_both_hosts_at_once_run_one_after_another()
    {
        var knowledge = await SharedKnowledge.GetAsync();
        await using var redisA = await server.ConnectAsync();
        await using var redisB = await server.ConnectAsync();
        var a = Host(redisA, knowledge);
        var b = Host(redisB, knowledge);
        var user = Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? a.Engine : b.Engine).ProcessAsync(Message(user, $"m{i}", $"вопрос номер {i} про полис омс"), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(TurnOutcome.Processed, r.Outcome));
        var conversationId = Assert.Single(results.Select(r => r.ConversationId).Distinct());
        var transcript = await DialogStores.Sqlite(_directory.File("dialogs.db")).Transcripts.ReadAsync(conversationId!, 0, CancellationToken.None);
        Assert.Equal(12, transcript.Count(e => e.From == Authors.Citizen));
        Assert.Equal(transcript.Select(e => e.Sequence).Order(), transcript.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_person_flooding_both_hosts_is_held_to_one_budget_and_told_once()
    {
        var knowledge = await SharedKnowledge.GetAsync();
        await using var redisA = await server.ConnectAsync();
        await using var redisB = await server.ConnectAsync();
        var limits = new RateLimitOptions { BurstSize = 3, MessagesPerMinute = 1 };
        var a = Host(redisA, knowledge, limits);
        var b = Host(redisB, knowledge, limits);
        var user = Guid.NewGuid().ToString("N");

        var outcomes = new List<TurnOutcome>();
        for (var i = 0; i < 8; i++)
        {
            outcomes.Add((await (i % 2 == 0 ? a.Engine : b.Engine).ProcessAsync(Message(user, $"f{i}", $"флуд {i} полис"), CancellationToken.None)).Outcome);
        }

        Assert.Equal(3, outcomes.Count(o => o == TurnOutcome.Processed));
        Assert.Equal(5, outcomes.Count(o => o == TurnOutcome.Throttled));
        var told = a.Web.Sent.Concat(b.Web.Sent).Count(m => m.Message.Text == BotPhrases.Load().Throttled);
        Assert.Equal(1, told);
    }

    [Fact]
    public async Task A_conversation_started_on_one_host_continues_on_the_other()
    {
        var knowledge = await SharedKnowledge.GetAsync();
        await using var redisA = await server.ConnectAsync();
        await using var redisB = await server.ConnectAsync();
        var a = Host(redisA, knowledge);
        var b = Host(redisB, knowledge);
        var user = Guid.NewGuid().ToString("N");

        var first = await a.Engine.ProcessAsync(Message(user, "q1", "как получить полис омс"), CancellationToken.None);
        var second = await b.Engine.ProcessAsync(new Activity
        {
            Channel = "web", UserId = user, Type = ActivityType.Button, MessageId = "q2", Payload = ButtonPayloads.Operator, Timestamp = DateTimeOffset.UtcNow,
        }, CancellationToken.None);

        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(ConversationState.WaitingForOperator, second.State);
        Assert.Contains(await a.Desk.ListQueueAsync("oms", CancellationToken.None), e => e.ConversationId == first.ConversationId);
        Assert.Contains(b.Web.Sent, s => s.Message.Kind == MessageKind.HandoffNotice);
    }

    [Fact]
    public async Task While_Redis_is_away_a_turn_fails_visibly_and_its_retry_is_processed_once()
    {
        var knowledge = await SharedKnowledge.GetAsync();
        var redisData = Directory.CreateDirectory(_directory.File("redis")).FullName;
        await using var persistent = RedisServer.Persistent(redisData);
        await persistent.InitializeAsync();
        await using var redis = await persistent.ConnectAsync();
        var host = Host(redis, knowledge);
        var user = Guid.NewGuid().ToString("N");
        Assert.Equal(TurnOutcome.Processed, (await host.Engine.ProcessAsync(Message(user, "m1", "как получить полис омс"), CancellationToken.None)).Outcome);

        await persistent.StopAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => host.Engine.ProcessAsync(Message(user, "m2", "а для ребёнка?"), CancellationToken.None));

        await persistent.StartAsync();
        var retried = await RetryUntilConnectedAsync(() => host.Engine.ProcessAsync(Message(user, "m2", "а для ребёнка?"), CancellationToken.None));
        var again = await host.Engine.ProcessAsync(Message(user, "m2", "а для ребёнка?"), CancellationToken.None);

        Assert.Equal(TurnOutcome.Processed, retried.Outcome);
        Assert.Equal(TurnOutcome.Duplicate, again.Outcome);
        var transcript = await DialogStores.Sqlite(_directory.File("dialogs.db")).Transcripts.ReadAsync(retried.ConversationId!, 0, CancellationToken.None);
        Assert.Single(transcript, e => e.From == Authors.Citizen && e.Text == "а для ребёнка?");
    }

    private static async Task<TurnResult> RetryUntilConnectedAsync(Func<Task<TurnResult>> turn)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await turn();
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
