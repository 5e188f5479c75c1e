namespace Assistant.Dialogs.Activities;

/// <summary>One thing a person did in a channel, in a channel-neutral shape; the adapter of each channel builds it.</summary>
public sealed record Activity
{
    /// <summary>The channel name ("web", "telegram", "vk"); it selects the <see cref="Delivery.IChannelSender"/> for the replies.</summary>
    public required string Channel { get; init; }

    /// <summary>The person's id inside the channel.</summary>
    public required string UserId { get; init; }

    public required ActivityType Type { get; init; }

    /// <summary>The channel's own id of the update; a second delivery with the same id is processed once.</summary>
    public string? MessageId { get; init; }

    /// <summary>The text as written; for a button press, the button's title when the channel knows it.</summary>
    public string? Text { get; init; }

    /// <summary>The payload of the pressed quick reply (see <see cref="ButtonPayloads"/>).</summary>
    public string? Payload { get; init; }

    /// <summary>The score of a native rating control, 1 to 5.</summary>
    public int? Rating { get; init; }

    /// <summary>citizen / business / medic when the channel knows who writes (a business portal, a staff page); narrows the KB search.</summary>
    public string? Segment { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public ConversationKey Key => new(Channel, UserId);
}
