namespace Assistant.Channels.Incoming;

/// <summary>
/// A reply kept in the store until its messenger has it (<see cref="ReceivedMessages.KeepOutgoingAsync"/>), and what becomes of
/// the kept row when sending ends: forgotten once sent or refused for good; left to run out its lease (and be tried again, whole,
/// by whichever host takes it over) when the messenger stayed unreachable through every retry. A reply sent in several parts
/// ends with its last part; if any part was put off, the whole reply is tried again (a part may then arrive twice, none is lost).
/// </summary>
public sealed class KeptReply(ReceivedMessages store, string channel, string id)
{
    private int _putOff;

    /// <summary>One part could not be sent through every retry: the reply stays kept when it ends.</summary>
    public void PartPutOff() => Interlocked.Exchange(ref _putOff, 1);

    /// <summary>The last part is done (sent, or refused for good).</summary>
    public Task EndedAsync()
    {
        if (Volatile.Read(ref _putOff) == 1)
        {
            TryLater();
            return Task.CompletedTask;
        }

        return store.DoneAsync(channel, id);
    }

    public Task SentAsync() => store.DoneAsync(channel, id);

    public void TryLater() => store.LetGo(channel, id);
}
