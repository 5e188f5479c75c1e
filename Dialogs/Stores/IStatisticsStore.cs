using Assistant.Dialogs.Statistics;

namespace Assistant.Dialogs.Stores;

/// <summary>
/// Daily aggregates behind the supervisors' dashboards: counters per day, channel and segment, added to as conversations close
/// and are rated, so a dashboard reads a few thousand rows instead of every conversation. No personal data: ids of articles,
/// life situations and operators at most.
/// </summary>
public interface IStatisticsStore
{
    Task AddAsync(DateOnly day, string channel, string segment, IReadOnlyList<StatCounter> counters, CancellationToken cancellationToken);

    Task<IReadOnlyList<StatTotal>> SumAsync(StatFilter filter, CancellationToken cancellationToken);
}
