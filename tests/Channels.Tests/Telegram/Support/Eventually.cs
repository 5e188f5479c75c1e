namespace Assistant.Channels.Tests.Telegram.Support;

/// <summary>Waits for a condition that the app reaches in the background, looking every 50 ms, failing with what was awaited.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null) where T : class
    {
        using var cts = new CancellationTokenSource(timeout ?? FakeTelegramServer.DefaultTimeout);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited in vain for {what}.");
            }
        }
    }
}
