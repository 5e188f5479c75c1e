using System.Text.Json.Nodes;
using Assistant.Channels.Tests.Vk.Support;
using Assistant.Channels.Vk.Receiving;

namespace Assistant.Channels.Tests.Vk;

/// <summary>The long-poll receiver with the real client against the fake long-poll server; what it queues is read from the inbox.</summary>
public sealed class VkLongPollTests : IAsyncLifetime
{
    private const long Peer = 8001;
    private FakeVkApi _vk = null!;
    private VkParts _parts = null!;
    private readonly VkInbox _inbox = new(partitions: 1);
    private VkLongPollReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _vk = await FakeVkApi.StartAsync();
        _parts = new VkParts(_vk);
        _receiver = _parts.LongPollReceiver(_inbox);
    }

    public async Task DisposeAsync()
    {
        await _receiver.StopAsync(CancellationToken.None);
        _receiver.Dispose();
        _parts.Dispose();
        await _vk.DisposeAsync();
    }

    [Fact]
    public async Task Failed_1_2_and_3_are_recovered_without_losing_or_repeating_events()
    {
        await StartAsync();
        _vk.Push(Message(1));
        _vk.Push(Message(2));
        Assert.Equal(["1", "2"], await TakeAsync(2));

        // failed 1: the history moved; only the ts in the answer is valid.
        _vk.PushAfterFailure(1, Message(3));
        Assert.Equal(["3"], await TakeAsync(1));

        // failed 2: the key expired; a new session's ts is already past event 4, so the client must keep its own ts.
        _vk.PushAfterFailure(2, Message(4));
        Assert.Equal(["4"], await TakeAsync(1));

        // failed 3: key and ts are lost; events after the new session arrive.
        _vk.PushAfterFailure(3);
        await _vk.WaitAsync(() => _vk.SessionsIssued == 3 ? "" : null, "a third long-poll session");
        _vk.Push(Message(5));
        _vk.Push(Message(6));
        Assert.Equal(["5", "6"], await TakeAsync(2));

        Assert.False(_inbox.Readers[0].TryRead(out var extra), $"an event came twice: {extra}");
        var polls = _vk.Polls;
        Assert.All(polls, p => Assert.Equal("25", p.Wait));
        var one = polls.Single(p => p.Failed == 1);
        Assert.Equal(one.AnsweredTs, After(polls, one).Ts);
        var two = polls.Single(p => p.Failed == 2);
        Assert.Equal(two.Ts, After(polls, two).Ts);
        Assert.NotEqual(two.Key, After(polls, two).Key);
        var three = polls.Single(p => p.Failed == 3);
        Assert.NotEqual(three.Key, After(polls, three).Key);
        Assert.NotEqual(three.Ts, After(polls, three).Ts);
    }

    [Fact]
    public async Task A_network_failure_of_the_long_poll_server_session_is_retried()
    {
        _vk.FailNext("groups.getLongPollServer", 10);
        await StartAsync();
        _vk.Push(Message(7));

        Assert.Equal(["7"], await TakeAsync(1));
    }

    [Fact]
    public async Task After_a_restart_polling_goes_on_from_the_saved_ts_and_fetches_what_came_meanwhile()
    {
        await StartAsync();
        _vk.Push(Message(11));
        Assert.Equal(["11"], await TakeAsync(1));
        await _vk.WaitAsync(() => _vk.Polls.Count >= 2 ? "" : null, "a poll after the first batch");
        await _receiver.StopAsync(CancellationToken.None);

        var lastAnswered = _vk.Polls.Last(p => p.Failed is null && p.AnsweredTs is not null).AnsweredTs;
        var pollsBefore = _vk.Polls.Count;

        _vk.Push(Message(12));
        _vk.Push(Message(13));
        _receiver.Dispose();
        _receiver = _parts.LongPollReceiver(_inbox);
        await _receiver.StartAsync(CancellationToken.None);

        Assert.Equal(["12", "13"], await TakeAsync(2));
        Assert.Equal(lastAnswered, _vk.Polls[pollsBefore].Ts);
        Assert.False(_inbox.Readers[0].TryRead(out var extra), $"an event came twice: {extra}");
    }

    [Fact]
    public async Task On_a_quiet_group_the_first_sessions_position_is_saved_so_a_restart_misses_nothing()
    {
        await StartAsync();
        await _vk.WaitAsync(() => _vk.Polls.Count >= 1 ? "" : null, "a first poll");
        await _receiver.StopAsync(CancellationToken.None);

        _vk.Push(Message(21));
        _receiver.Dispose();
        _receiver = _parts.LongPollReceiver(_inbox);
        await _receiver.StartAsync(CancellationToken.None);

        Assert.Equal(["21"], await TakeAsync(1));
    }

    /// <summary>Starts polling; events are pushed once the session exists, as VK delivers only what happens after it.</summary>
    private async Task StartAsync()
    {
        await _receiver.StartAsync(CancellationToken.None);
        await _vk.WaitAsync(() => _vk.SessionsIssued >= 1 ? "" : null, "the first long-poll session");
    }

    private static JsonObject Message(int number) =>
        VkEvents.MessageNew(VkParts.GroupId, Peer, number, number.ToString(System.Globalization.CultureInfo.InvariantCulture), "lp-event-" + number);

    private static PollRecord After(IReadOnlyList<PollRecord> polls, PollRecord poll) => polls[polls.ToList().IndexOf(poll) + 1];

    private async Task<IReadOnlyList<string?>> TakeAsync(int count)
    {
        var taken = new List<string?>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (taken.Count < count)
        {
            VkIncoming incoming;
            try
            {
                incoming = await _inbox.Readers[0].ReadAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Got {taken.Count} of {count}. Calls: {string.Join(", ", _vk.Calls.Select(c => c.Method))}. Polls: {string.Join(" | ", _vk.Polls.Select(p => $"{p.Key} {p.Ts} -> {p.Answer}"))}");
            }

            taken.Add(Assert.IsType<VkIncomingMessage>(incoming).Text);
        }

        return taken;
    }
}
