using System.Globalization;
using Assistant.Channels.Vk.Api;
using Assistant.Channels.Vk.Sending;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Templates;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// Turns a VK event into an activity for the engine (replies go out through <see cref="VkChannelSender"/>), answers button
/// presses with messages.sendMessageEventAnswer, and replies itself to what the engine cannot read (attachments only).
/// </summary>
public sealed class VkIncomingHandler(
    ConversationEngine engine,
    VkApiClient api,
    VkClientCapabilities clients,
    VkPhrases vkPhrases,
    BotPhrases phrases,
    TimeProvider time,
    ILogger<VkIncomingHandler> logger)
{
    /// <summary>Peer ids from here on are community chats; a conversation is with one person, so chats are not served.</summary>
    private const long FirstChatPeerId = 2_000_000_000;

    public Task HandleAsync(VkIncoming incoming, CancellationToken cancellationToken) => incoming switch
    {
        VkIncomingMessage message => HandleMessageAsync(message, cancellationToken),
        VkButtonPress press => HandlePressAsync(press, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task HandleMessageAsync(VkIncomingMessage message, CancellationToken cancellationToken)
    {
        if (!IsPerson(message.PeerId) || message.FromId != message.PeerId)
        {
            logger.NotAPersonalDialog(message.MessageId);
            return;
        }

        clients.Remember(message.PeerId, message.Support);
        var activity = new Activity
        {
            Channel = VkChannel.Name,
            UserId = message.PeerId.ToString(CultureInfo.InvariantCulture),
            Type = ActivityType.Message,
            MessageId = message.MessageId,
            Text = message.Text,
            Timestamp = time.GetUtcNow(),
        };

        if (VkButtonPayload.IsStart(message.Payload))
        {
            await engine.ProcessAsync(activity with { Type = ActivityType.ConversationUpdate, Text = null }, cancellationToken);
        }
        else if (VkButtonPayload.Decode(message.Payload) is { } payload)
        {
            await engine.ProcessAsync(activity with { Type = ActivityType.Button, Payload = payload }, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(message.Text))
        {
            await engine.ProcessAsync(activity, cancellationToken);
        }
        else if (message.HasAttachments)
        {
            await SendTextOnlyAsync(message, cancellationToken);
        }
    }

    private async Task HandlePressAsync(VkButtonPress press, CancellationToken cancellationToken)
    {
        TurnOutcome? outcome = null;
        try
        {
            if (IsPerson(press.PeerId) && press.UserId == press.PeerId && press.Payload is not null)
            {
                var result = await engine.ProcessAsync(new Activity
                {
                    Channel = VkChannel.Name,
                    UserId = press.PeerId.ToString(CultureInfo.InvariantCulture),
                    Type = ActivityType.Button,
                    MessageId = press.MessageId,
                    Payload = press.Payload,
                    Timestamp = time.GetUtcNow(),
                }, cancellationToken);
                outcome = result.Outcome;
            }
            else
            {
                logger.NotAPersonalDialog(press.MessageId);
            }
        }
        finally
        {
            // Answered after the turn, so the spinner stops when the reply is there; a press seen before was answered then.
            if (outcome != TurnOutcome.Duplicate)
            {
                await AnswerAsync(press, outcome is null or TurnOutcome.Ignored ? VkEventData.Snackbar(vkPhrases.StaleButton) : null, cancellationToken);
            }
        }
    }

    private async Task AnswerAsync(VkButtonPress press, VkEventData? data, CancellationToken cancellationToken)
    {
        try
        {
            await api.SendAsync(new SendMessageEventAnswerRequest(press.EventId, press.UserId, press.PeerId, data), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Late (VK takes answers for a minute) or refused: the button just stops spinning on its own.
            logger.PressNotAnswered(e, press.MessageId);
        }
    }

    private async Task SendTextOnlyAsync(VkIncomingMessage message, CancellationToken cancellationToken)
    {
        var keyboard = VkKeyboardBuilder.Build([new QuickReply(phrases.Buttons.Operator, ButtonPayloads.Operator)], message.Support);
        try
        {
            await api.SendAsync(new SendMessageRequest(message.PeerId, VkRandomId.ForNotice(message.MessageId), vkPhrases.TextOnly, keyboard),
                cancellationToken);
        }
        catch (VkApiException e) when (!e.IsTransient)
        {
            logger.NoticeRefused(message.MessageId, e.Code, e.Reason);
        }
    }

    private static bool IsPerson(long peerId) => peerId is > 0 and < FirstChatPeerId;
}
