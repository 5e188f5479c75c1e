using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Telegram;

/// <summary>Turns a button's callback_data back into the engine's payload; a hashed one is looked up among the buttons of the chat's conversation.</summary>
public sealed class CallbackPayloads(DialogStores stores)
{
    /// <summary>The payload, or null when a hashed one matches no button of the current conversation (a stale keyboard).</summary>
    public async Task<string?> ResolveAsync(long chatId, string data, CancellationToken cancellationToken)
    {
        if (!CallbackData.IsHashed(data))
        {
            return data;
        }

        if (await stores.Conversations.GetAsync(TelegramChannel.KeyOf(chatId), cancellationToken) is not { } conversation)
        {
            return null;
        }

        var transcript = await stores.Transcripts.ReadAsync(conversation.Id, 0, cancellationToken);
        return transcript.Reverse()
            .SelectMany(entry => entry.Buttons)
            .FirstOrDefault(button => CallbackData.Matches(data, button.Payload))?.Payload;
    }
}
