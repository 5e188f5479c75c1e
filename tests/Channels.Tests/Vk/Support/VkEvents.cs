using System.Text.Json.Nodes;

namespace Assistant.Channels.Tests.Vk.Support;

/// <summary>Community events in the shape VK sends them (API 5.199), for the callback endpoint and the fake long-poll stream.</summary>
public static class VkEvents
{
    public static JsonObject Confirmation(long groupId) => new() { ["type"] = "confirmation", ["group_id"] = groupId };

    /// <summary>message_new from a person in their own dialog with the community (peer_id = from_id).</summary>
    public static JsonObject MessageNew(long groupId, long peerId, long conversationMessageId, string text, string eventId,
        string? secret = null, string? payload = null, bool withPhoto = false, bool callbackButtons = true)
    {
        var message = new JsonObject
        {
            ["date"] = 1_750_000_000 + conversationMessageId,
            ["from_id"] = peerId,
            ["id"] = 9_000 + conversationMessageId,
            ["out"] = 0,
            ["attachments"] = withPhoto ? new JsonArray(new JsonObject { ["type"] = "photo", ["photo"] = new JsonObject { ["id"] = 1 } }) : new JsonArray(),
            ["conversation_message_id"] = conversationMessageId,
            ["fwd_messages"] = new JsonArray(),
            ["important"] = false,
            ["is_hidden"] = false,
            ["peer_id"] = peerId,
            ["random_id"] = 0,
            ["text"] = text,
        };
        if (payload is not null)
        {
            message["payload"] = payload;
        }

        var actions = callbackButtons
            ? new JsonArray("text", "vkpay", "open_app", "location", "open_link", "callback", "intent_subscribe", "intent_unsubscribe")
            : new JsonArray("text", "vkpay", "open_app", "location", "open_link");
        return Envelope("message_new", groupId, eventId, secret, new JsonObject
        {
            ["message"] = message,
            ["client_info"] = new JsonObject
            {
                ["button_actions"] = actions,
                ["keyboard"] = true,
                ["inline_keyboard"] = true,
                ["carousel"] = true,
                ["lang_id"] = 0,
            },
        });
    }

    /// <summary>message_event: a callback button with our payload {"button": <paramref name="payload"/>} pressed.</summary>
    public static JsonObject ButtonPress(long groupId, long peerId, string pressId, string payload, string eventId, string? secret = null) =>
        Envelope("message_event", groupId, eventId, secret, new JsonObject
        {
            ["user_id"] = peerId,
            ["peer_id"] = peerId,
            ["event_id"] = pressId,
            ["payload"] = new JsonObject { ["button"] = payload },
            ["conversation_message_id"] = 1,
        });

    private static JsonObject Envelope(string type, long groupId, string eventId, string? secret, JsonObject body)
    {
        var update = new JsonObject
        {
            ["group_id"] = groupId,
            ["type"] = type,
            ["event_id"] = eventId,
            ["v"] = FakeVkApi.ApiVersion,
            ["object"] = body,
        };
        if (secret is not null)
        {
            update["secret"] = secret;
        }

        return update;
    }
}
