using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>Who the bot is (getMe at start): its id and @username tell, in a group, whether a message is addressed to it.</summary>
public sealed class TelegramBotIdentity(TimeProvider time)
{
    private readonly TaskCompletionSource<User> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public User? Current { get; private set; }

    public void Set(User bot)
    {
        Current = bot;
        _known.TrySetResult(bot);
    }

    /// <summary>The bot once known; null if it is still unknown after <paramref name="timeout"/> (Telegram unreachable at start).</summary>
    public async Task<User?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _known.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
