using System.Runtime.CompilerServices;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Operators;

namespace Assistant.Dialogs.Tests.TestSupport;

/// <summary>
/// A dialog script in the spirit of Bot Framework's TestFlow: what the citizen does (Send, Press, Rate), what the bot must say
/// (AssertReply, in delivery order through the citizen's channel), what operators do and how time passes. Steps run in order
/// when the flow is awaited.
/// </summary>
public sealed class Flow
{
    private readonly FlowState _state;
    private readonly Func<Task> _run;

    private Flow(FlowState state, Func<Task> run)
    {
        _state = state;
        _run = run;
    }

    internal static Flow Start(DialogHarness harness, ConversationKey key) => new(new FlowState(harness, key), () => Task.CompletedTask);

    public TaskAwaiter GetAwaiter() => _run().GetAwaiter();

    // ---- the citizen ----

    /// <summary>The citizen writes <paramref name="text"/> (a fresh channel message id unless given).</summary>
    public Flow Send(string? text, string? messageId = null) => Then(s => s.ProcessAsync(s.Activity(ActivityType.Message, messageId) with { Text = text }));

    /// <summary>The citizen presses the button titled <paramref name="title"/> under the latest message that offers it.</summary>
    public Flow Press(string title, string? messageId = null) => Then(s =>
    {
        var button = s.Delivered().Reverse().SelectMany(m => m.Buttons).FirstOrDefault(b => b.Title == title);
        Assert.True(button is not null, $"No message offered a button «{title}».");
        return s.ProcessAsync(s.Activity(ActivityType.Button, messageId) with { Text = title, Payload = button.Payload });
    });

    /// <summary>The citizen uses the channel's native rating control.</summary>
    public Flow Rate(int score) => Then(s => s.ProcessAsync(s.Activity(ActivityType.Rating, null) with { Rating = score }));

    /// <summary>The chat is opened (the widget is shown, the bot is started).</summary>
    public Flow Open() => Then(s => s.ProcessAsync(s.Activity(ActivityType.ConversationUpdate, null)));

    public Flow Deliver(Func<Activity, Activity> shape) => Then(s => s.ProcessAsync(shape(s.Activity(ActivityType.Message, null))));

    // ---- what the bot says ----

    /// <summary>The next message delivered to the citizen is of <paramref name="kind"/> (and contains the text, ignoring case).</summary>
    public Flow AssertReply(MessageKind kind, string? contains = null, Action<OutgoingMessage>? check = null) => Then(s =>
    {
        var delivered = s.Delivered();
        Assert.True(delivered.Count > s.Cursor, $"Expected a {kind} reply, but nothing more was delivered.");
        var message = delivered[s.Cursor++];
        Assert.True(message.Kind == kind, $"Expected a {kind} reply, got {message.Kind}: «{message.Text}».");
        if (contains is not null)
        {
            Assert.Contains(contains, message.Text, StringComparison.OrdinalIgnoreCase);
        }

        check?.Invoke(message);
        s.LastReply = message;
        return Task.CompletedTask;
    });

    /// <summary>The last asserted reply offers exactly these buttons, in this order.</summary>
    public Flow AssertButtons(params string[] titles) => Then(s =>
    {
        Assert.NotNull(s.LastReply);
        Assert.Equal(titles, s.LastReply.Buttons.Select(b => b.Title));
        return Task.CompletedTask;
    });

    public Flow AssertNoReply() => Then(s =>
    {
        var delivered = s.Delivered();
        Assert.True(delivered.Count == s.Cursor, "Expected no reply, got: " + string.Join(" | ", delivered.Skip(s.Cursor).Select(m => $"{m.Kind}: {m.Text}")));
        return Task.CompletedTask;
    });

    public Flow AssertOutcome(TurnOutcome outcome) => Then(s =>
    {
        Assert.Equal(outcome, s.LastResult?.Outcome);
        return Task.CompletedTask;
    });

    public Flow AssertState(ConversationState state) => Check((_, conversation) => Assert.Equal(state, conversation.State));

    /// <summary>Any check on the harness and the citizen's current conversation.</summary>
    public Flow Check(Action<DialogHarness, Conversation> check) => Check((h, c) =>
    {
        check(h, c);
        return Task.CompletedTask;
    });

    public Flow Check(Func<DialogHarness, Conversation, Task> check) => Then(async s =>
    {
        var conversation = await s.Harness.ConversationOf(s.Key);
        Assert.NotNull(conversation);
        await check(s.Harness, conversation);
    });

    // ---- operators ----

    public Flow OperatorAccepts(string operatorId, DeskError? expect = null, string? messageContains = null) =>
        Desk(expect, (desk, id) => desk.AcceptAsync(id, operatorId, CancellationToken.None), messageContains);

    public Flow OperatorReplies(string operatorId, string text, DeskError? expect = null) =>
        Desk(expect, (desk, id) => desk.ReplyAsync(id, operatorId, text, CancellationToken.None));

    public Flow OperatorTransfers(string operatorId, string toGroup, DeskError? expect = null, string? messageContains = null) =>
        Desk(expect, (desk, id) => desk.TransferAsync(id, operatorId, toGroup, CancellationToken.None), messageContains);

    public Flow OperatorCloses(string operatorId, DeskError? expect = null) => Desk(expect, (desk, id) => desk.CloseAsync(id, operatorId, CancellationToken.None));

    // ---- time and the host ----

    public Flow Wait(TimeSpan time) => Then(s =>
    {
        s.Harness.Time.Advance(time);
        return Task.CompletedTask;
    });

    /// <summary>The host's background sweep runs now.</summary>
    public Flow CloseInactive(int? expectClosed = null) => Then(async s =>
    {
        var closed = await s.Harness.Engine.CloseInactiveAsync(s.Harness.Time.GetUtcNow(), CancellationToken.None);
        if (expectClosed is not null)
        {
            Assert.Equal(expectClosed, closed);
        }
    });

    /// <summary>The host restarts: a new engine and desk on the same dialogs.db.</summary>
    public Flow Restart() => Then(s =>
    {
        s.Harness.Restart();
        return Task.CompletedTask;
    });

    private Flow Desk(DeskError? expect, Func<OperatorDesk, string, Task<DeskResult>> act, string? messageContains = null) => Then(async s =>
    {
        var conversation = await s.Harness.ConversationOf(s.Key);
        Assert.NotNull(conversation);
        var result = await act(s.Harness.Desk, conversation.Id);
        Assert.True(result.Error == expect, $"Operator action: expected {expect?.ToString() ?? "success"}, got {result.Error?.ToString() ?? "success"} ({result.Message}).");
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, result.Message ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        }
    });

    private Flow Then(Func<FlowState, Task> step) => new(_state, async () =>
    {
        await _run();
        await step(_state);
    });

    private sealed class FlowState(DialogHarness harness, ConversationKey key)
    {
        public DialogHarness Harness { get; } = harness;

        public ConversationKey Key { get; } = key;

        public int Cursor { get; set; }

        public OutgoingMessage? LastReply { get; set; }

        public TurnResult? LastResult { get; private set; }

        public IReadOnlyList<OutgoingMessage> Delivered() => Harness.Sender(Key.Channel).To(Key);

        public Activity Activity(ActivityType type, string? messageId) => new()
        {
            Channel = Key.Channel,
            UserId = Key.UserId,
            Type = type,
            MessageId = messageId ?? Guid.NewGuid().ToString("N"),
            Timestamp = Harness.Time.GetUtcNow(),
        };

        public async Task ProcessAsync(Activity activity) => LastResult = await Harness.Engine.ProcessAsync(activity, CancellationToken.None);
    }
}
