namespace Assistant.Dialogs.Stores;

/// <summary>The channel message ids already processed, so a redelivery is processed once.</summary>
public interface IProcessedMessageStore
{
    /// <summary>Whether the id was marked processed.</summary>
    Task<bool> IsProcessedAsync(string channel, string messageId, CancellationToken cancellationToken);

    /// <summary>Marks the id as processed; true when it was new.</summary>
    Task<bool> TryMarkAsync(string channel, string messageId, CancellationToken cancellationToken);

    /// <summary>Unmarks an id whose turn failed, so the channel's retry is processed.</summary>
    Task ForgetAsync(string channel, string messageId, CancellationToken cancellationToken);

    /// <summary>Forgets ids marked before <paramref name="before"/> (stores whose marks expire by themselves do nothing); returns how many.</summary>
    Task<int> ForgetOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
