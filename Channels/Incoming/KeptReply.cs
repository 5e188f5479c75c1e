namespace Assistant.Channels.Incoming;

/// <summary>
/// A reply kept in the store until its messenger has it (<see cref="ReceivedMessages.KeepOutgoingAsync"/>), and what becomes of
/// the kept row when sending ends: forgotten once sent or refused for good; left to run out its lease (and be tried again by
/// whichever host takes it over) when the messenger stayed unreachable through every retry.
/// </summary>
public sealed class KeptReply(ReceivedMessages store, string channel, string id)
{
    public Task SentAsync() => store.DoneAsync(channel, id);

    public void TryLater() => store.LetGo(channel, id);
}
