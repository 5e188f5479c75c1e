using System.Threading.Channels;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Updates received and not yet processed. The webhook answers Telegram as soon as its update is here; the polling loop waits
/// for room. Updates of one chat share a partition, so they are processed in order; different chats go in parallel.
/// </summary>
public sealed class TelegramUpdateQueue
{
    public const int Partitions = 4;

    private const int PartitionCapacity = 1000;

    private readonly Channel<Update>[] _partitions = [.. Enumerable.Range(0, Partitions).Select(_ =>
        Channel.CreateBounded<Update>(new BoundedChannelOptions(PartitionCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];

    /// <summary>False when the queue is full or closing: the webhook then answers 503 and Telegram delivers the update again later.</summary>
    public bool TryEnqueue(Update update) => PartitionOf(update).Writer.TryWrite(update);

    public ValueTask EnqueueAsync(Update update, CancellationToken cancellationToken) => PartitionOf(update).Writer.WriteAsync(update, cancellationToken);

    /// <summary>No more updates: the readers finish what is queued, then end.</summary>
    public void Complete()
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }
    }

    internal ChannelReader<Update> Reader(int partition) => _partitions[partition].Reader;

    /// <summary>The chat an update belongs to (0 when it names none).</summary>
    public static long ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.EditedMessage?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? 0;

    private Channel<Update> PartitionOf(Update update) => _partitions[(int)((ulong)ChatOf(update) % Partitions)];
}
