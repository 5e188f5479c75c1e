using System.Globalization;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Processes one update: reads what it asks (<see cref="TelegramUpdateReader"/>) and passes it to the engine as an activity
/// whose message id is the update_id, so an update delivered twice is processed once. Help, the reply to an attachment and
/// the button answers are the channel's own and stay out of the transcript; they are de-duplicated the same way.
/// </summary>
public sealed class TelegramUpdateHandler(
    ConversationEngine engine,
    DialogStores stores,
    CallbackPayloads payloads,
    TelegramOutbox outbox,
    TelegramBotIdentity identity,
    UnreachableChats unreachable,
    TelegramReplies replies,
    TimeProvider time,
    ILogger<TelegramUpdateHandler> logger)
{
    /// <summary>How long a group message waits for the bot's own name when Telegram did not answer getMe yet.</summary>
    private static readonly TimeSpan IdentityWait = TimeSpan.FromSeconds(10);

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var bot = identity.Current;
        if (bot is null && (update.Message ?? update.EditedMessage)?.Chat.Type is not (null or ChatType.Private))
        {
            bot = await identity.WaitAsync(IdentityWait, cancellationToken);
        }

        var incoming = TelegramUpdateReader.Read(update, bot);
        if (incoming is not TelegramIgnored)
        {
            // The chat wrote to the bot, so it reaches the bot again (it was unblocked).
            unreachable.Clear(incoming.ChatId);
        }

        var updateId = update.Id.ToString(CultureInfo.InvariantCulture);
        logger.UpdateHandled(update.Id, incoming.ChatId, incoming.GetType().Name);
        switch (incoming)
        {
            case TelegramText text:
                await ProcessAsync(text.ChatId, updateId, ActivityType.Message, text.Text, null, cancellationToken);
                break;
            case TelegramButtonPress press:
                await PressAsync(press, updateId, cancellationToken);
                break;
            case TelegramCommandCall { Command: TelegramCommand.Start } start:
                var result = await ProcessAsync(start.ChatId, updateId, ActivityType.ConversationUpdate, null, null, cancellationToken);
                if (result.Outcome is TurnOutcome.Processed or TurnOutcome.Ignored && result.Replies.Count == 0)
                {
                    // A conversation already going is not greeted again by the engine; /start still deserves an answer.
                    replies.Start(start.ChatId, updateId);
                }

                break;
            case TelegramCommandCall { Command: TelegramCommand.Operator } call:
                await ProcessAsync(call.ChatId, updateId, ActivityType.Button, replies.OperatorTitle, ButtonPayloads.Operator, cancellationToken);
                break;
            case TelegramCommandCall help:
                if (await FirstTimeAsync(updateId, cancellationToken))
                {
                    replies.Help(help.ChatId, updateId);
                }

                break;
            case TelegramAttachment attachment:
                if (await FirstTimeAsync(updateId, cancellationToken))
                {
                    replies.Attachment(attachment.ChatId, updateId);
                }

                break;
        }
    }

    private async Task PressAsync(TelegramButtonPress press, string updateId, CancellationToken cancellationToken)
    {
        await outbox.AnswerCallbackAsync(press.CallbackQueryId, press.ChatId, cancellationToken);
        if (press.MessageId is { } messageId)
        {
            // Off at once, before the answer (which waits for the chat's pace): a choice is made once.
            outbox.EnqueueKeyboardRemoval(press.ChatId, messageId);
        }

        if (press.Data.Length == 0)
        {
            return;
        }

        if (await payloads.ResolveAsync(press.ChatId, press.Data, cancellationToken) is not { } payload)
        {
            logger.StaleButton(press.ChatId);
            return;
        }

        await ProcessAsync(press.ChatId, updateId, ActivityType.Button, press.Title, payload, cancellationToken);
    }

    private Task<TurnResult> ProcessAsync(long chatId, string updateId, ActivityType type, string? text, string? payload, CancellationToken cancellationToken) =>
        engine.ProcessAsync(new Activity
        {
            Channel = TelegramChannel.Name,
            UserId = chatId.ToString(CultureInfo.InvariantCulture),
            Type = type,
            MessageId = updateId,
            Text = text,
            Payload = payload,
            Timestamp = time.GetUtcNow(),
        }, cancellationToken);

    /// <summary>Marks an update the engine never sees as processed; false when it was already.</summary>
    private Task<bool> FirstTimeAsync(string updateId, CancellationToken cancellationToken) =>
        stores.ProcessedMessages.TryMarkAsync(TelegramChannel.Name, updateId, cancellationToken);
}
