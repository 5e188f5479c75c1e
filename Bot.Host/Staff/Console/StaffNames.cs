using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Console;

/// <summary>
/// The Russian names staff read instead of ids: skill groups from Staff:GroupNames, life situations from the KB's titles (read
/// again at most once a minute, so a renamed situation shows soon without a KB read on every render).
/// </summary>
public sealed class StaffNames(KnowledgeService knowledge, IOptions<StaffOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private (IReadOnlyDictionary<string, string> Titles, DateTimeOffset At)? _situations;

    public string Group(string? id) =>
        id is null ? "—" : options.Value.GroupNames.TryGetValue(id, out var name) && name.Length > 0 ? name : id;

    /// <summary>The life situations' titles by id; an id the KB does not know is shown as it is.</summary>
    public async Task<Func<string?, string>> SituationsAsync(CancellationToken cancellationToken)
    {
        if (_situations is not { } cached || time.GetUtcNow() - cached.At > Freshness)
        {
            var kb = await knowledge.ExportAsync(cancellationToken);
            cached = (kb.LifeSituations.ToDictionary(s => s.Id, s => s.Title, StringComparer.Ordinal), time.GetUtcNow());
            _situations = cached;
        }

        var titles = cached.Titles;
        return id => id is null ? "—" : titles.TryGetValue(id, out var title) && title.Length > 0 ? title : id;
    }
}
