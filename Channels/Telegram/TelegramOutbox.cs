using Assistant.Channels.Incoming;
using Assistant.Dialogs.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Assistant.Channels.Telegram;

/// <summary>
/// The way out to Telegram. Each chat has one ordered lane that runs while it has something to send; every call waits for
/// its slot (<see cref="TelegramRateLimiter"/>) and is retried by <see cref="TelegramRetryPolicy"/>. Enqueueing never waits,
/// so the engine's turn (which holds the person's lock) is not slowed by Telegram's pace. On stop, the lanes are drained
/// for as long as the host allows.
/// </summary>
public sealed class TelegramOutbox : IHostedService
{
    private readonly ITelegramBotClient _bot;
    private readonly UnreachableChats _unreachable;
    private readonly ILogger<TelegramOutbox> _logger;
    private readonly TelegramRateLimiter _limiter;
    private readonly TelegramRetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Queue<TelegramDelivery>> _lanes = [];
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource? _drained;
    private bool _closed;

    public TelegramOutbox(ITelegramBotClient bot, UnreachableChats unreachable, IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramOutbox> logger)
    {
        _bot = bot;
        _unreachable = unreachable;
        _logger = logger;
        _time = time;
        _limiter = new TelegramRateLimiter(time);
        _retry = new TelegramRetryPolicy(options.Value.MaxSendAttempts, time, logger);
    }

    /// <summary>
    /// Queues a message: split into parts Telegram accepts, rendered as HTML, the keyboard under the last part.
    /// <paramref name="kept"/>, when the message is kept in the store, is forgotten once it is sent or refused for good (the chat
    /// blocked the bot, Telegram refused it), left to be tried again later when Telegram stayed unreachable through every retry,
    /// and left as it is when the host stops first. False when the outbox is closed (the host is stopping).
    /// </summary>
    public bool EnqueueMessage(long chatId, string markdown, IReadOnlyList<QuickReply> buttons, string reference, KeptReply? kept = null)
    {
        if (_unreachable.Contains(chatId))
        {
            _logger.DroppedUnreachable(reference, chatId);
            _ = kept?.EndedAsync();
            return true;
        }

        var parts = TelegramTextSplitter.Split(markdown);
        var deliveries = new List<TelegramDelivery>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            deliveries.Add(new TelegramTextDelivery(
                chatId,
                parts.Count == 1 ? reference : $"{reference} part {i + 1}/{parts.Count}",
                TelegramHtml.Render(parts[i]),
                parts[i],
                last ? TelegramKeyboards.For(buttons) : null) { Kept = kept, IsLast = last });
        }

        return Enqueue(deliveries);
    }

    /// <summary>Queues taking the keyboard off a message, in order with the chat's messages.</summary>
    public void EnqueueKeyboardRemoval(long chatId, int messageId) =>
        Enqueue([new TelegramKeyboardRemoval(chatId, $"keyboard of message {messageId}", messageId)]);

    /// <summary>
    /// Answers a button press at once (Telegram keeps the button spinning until then); not queued behind the chat's messages.
    /// A failure is logged, never thrown: the press itself is still processed.
    /// </summary>
    public async Task AnswerCallbackAsync(string callbackQueryId, long chatId, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.ExecuteAsync("answerCallbackQuery", chatId, async token =>
            {
                await DelayAsync(_limiter.TakeOverallSlot(), token);
                await _bot.AnswerCallbackQuery(callbackQueryId, cancellationToken: token);
            }, cancellationToken);
        }
        catch (ApiRequestException e)
        {
            _logger.RefusedHarmless("answerCallbackQuery", chatId, e.ErrorCode, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.DeliveryFailed(e, "answerCallbackQuery", "callback", chatId);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            _closed = true;
            if (_lanes.Count == 0)
            {
                return;
            }

            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time is over: what is still queued is dropped (it stays in the transcript).
            await _stopping.CancelAsync();
        }
    }

    /// <summary>Queues the deliveries together (the parts of one message stay in order, nothing between them).</summary>
    private bool Enqueue(IReadOnlyList<TelegramDelivery> deliveries)
    {
        var chatId = deliveries[0].ChatId;
        lock (_gate)
        {
            if (_closed)
            {
                foreach (var delivery in deliveries)
                {
                    _logger.DroppedStopping(delivery.Reference, delivery.ChatId);
                }

                return false;
            }

            if (_lanes.TryGetValue(chatId, out var lane))
            {
                foreach (var delivery in deliveries)
                {
                    lane.Enqueue(delivery);
                }

                return true;
            }

            _lanes[chatId] = new Queue<TelegramDelivery>(deliveries);
        }

        _ = Task.Run(() => RunLaneAsync(chatId));
        return true;
    }

    /// <summary>Sends the chat's queue in order; the lane ends (and is removed) when the queue is empty.</summary>
    private async Task RunLaneAsync(long chatId)
    {
        while (true)
        {
            TelegramDelivery next;
            lock (_gate)
            {
                var lane = _lanes[chatId];
                if (lane.Count == 0)
                {
                    _lanes.Remove(chatId);
                    if (_closed && _lanes.Count == 0)
                    {
                        _drained?.TrySetResult();
                    }

                    return;
                }

                next = lane.Dequeue();
            }

            await DeliverAsync(next, _stopping.Token);
        }
    }

    private async Task DeliverAsync(TelegramDelivery delivery, CancellationToken cancellationToken)
    {
        var text = delivery as TelegramTextDelivery;
        if (_unreachable.Contains(delivery.ChatId))
        {
            _logger.DroppedUnreachable(delivery.Reference, delivery.ChatId);
            await EndAsync(text);
            return;
        }

        try
        {
            await _retry.ExecuteAsync(delivery.Method, delivery.ChatId, token => CallAsync(delivery, token), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A kept reply is released with the host's leases and sent by the next host to take it over.
            _logger.DroppedStopping(delivery.Reference, delivery.ChatId);
            return;
        }
        catch (Exception e) when (TelegramFailures.IsMarkupRefused(e) && text is { AsPlainText: false })
        {
            _logger.SentAsPlainText(delivery.Reference, delivery.ChatId);
            await DeliverAsync(text with { AsPlainText = true }, cancellationToken);
            return;
        }
        catch (Exception e)
        {
            Fail(delivery, e);
            if (TelegramFailures.Classify(e) == TelegramFailureKind.Transient)
            {
                // Telegram stayed unreachable through every retry: the kept reply is tried again once its lease runs out.
                text?.Kept?.PartPutOff();
            }
        }

        await EndAsync(text);
    }

    private static Task EndAsync(TelegramTextDelivery? part) =>
        part is { IsLast: true, Kept: { } kept } ? kept.EndedAsync() : Task.CompletedTask;

    private async Task CallAsync(TelegramDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.IsMessage)
        {
            for (var wait = _limiter.UntilChatMayReceive(delivery.ChatId); wait > TimeSpan.Zero; wait = _limiter.UntilChatMayReceive(delivery.ChatId))
            {
                await DelayAsync(wait, cancellationToken);
            }
        }

        await DelayAsync(_limiter.TakeOverallSlot(), cancellationToken);
        if (delivery.IsMessage)
        {
            _limiter.Sent(delivery.ChatId);
        }

        switch (delivery)
        {
            case TelegramTextDelivery text:
                await _bot.SendMessage(
                    text.ChatId,
                    text.AsPlainText ? text.PlainText : text.Html,
                    text.AsPlainText ? ParseMode.None : ParseMode.Html,
                    replyMarkup: text.Keyboard,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                    cancellationToken: cancellationToken);
                break;
            case TelegramKeyboardRemoval removal:
                await _bot.EditMessageReplyMarkup(removal.ChatId, removal.MessageId, replyMarkup: null, cancellationToken: cancellationToken);
                break;
        }
    }

    private void Fail(TelegramDelivery delivery, Exception exception)
    {
        switch (TelegramFailures.Classify(exception), exception)
        {
            case (TelegramFailureKind.Unreachable, ApiRequestException api):
                _unreachable.Record(delivery.ChatId, api.ErrorCode, api.Message);
                _logger.ChatUnreachable(delivery.ChatId, api.ErrorCode, api.Message);
                ChannelMetrics.Failed("telegram");
                break;
            case (TelegramFailureKind.Refused, ApiRequestException api) when delivery is TelegramKeyboardRemoval:
                _logger.RefusedHarmless(delivery.Method, delivery.ChatId, api.ErrorCode, api.Message);
                break;
            case (TelegramFailureKind.Refused, ApiRequestException api):
                _logger.Refused(delivery.Method, delivery.ChatId, api.ErrorCode, api.Message);
                ChannelMetrics.Failed("telegram");
                break;
            default:
                _logger.DeliveryFailed(exception, delivery.Method, delivery.Reference, delivery.ChatId);
                ChannelMetrics.Failed("telegram");
                break;
        }
    }

    private Task DelayAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        wait > TimeSpan.Zero ? Task.Delay(wait, _time, cancellationToken) : Task.CompletedTask;
}
