using System.Collections.Concurrent;

namespace Assistant.Bot.Host.Staff.Presence;

/// <summary>The staff members with a console page connected to this host, counted per login (several tabs count once).</summary>
public sealed class OpenConsoles
{
    private readonly ConcurrentDictionary<string, int> _connected = new(StringComparer.Ordinal);

    public void Connected(string login) => _connected.AddOrUpdate(login, 1, (_, n) => n + 1);

    public void Disconnected(string login)
    {
        if (_connected.AddOrUpdate(login, 0, (_, n) => Math.Max(0, n - 1)) == 0)
        {
            // Removed only if still zero: a tab that connected in between keeps its count.
            _connected.TryRemove(new KeyValuePair<string, int>(login, 0));
        }
    }

    public IReadOnlyList<string> Logins => [.. _connected.Where(c => c.Value > 0).Select(c => c.Key)];
}
