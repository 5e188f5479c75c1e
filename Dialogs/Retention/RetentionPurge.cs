using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Retention;

/// <summary>What a purge removed (or, dry, would remove), per kind.</summary>
public sealed record PurgeReport(IReadOnlyDictionary<RecordKind, long> Counts, bool DryRun, TimeSpan Took);

/// <summary>
/// Removes every record older than its kind's retention period, batch by batch. Idempotent: a run that stops half way leaves
/// only older records for the next one, and a second run finds nothing.
/// </summary>
public sealed class RetentionPurge(IRecordPurge purge, RetentionOptions options, TimeProvider time, ILogger logger)
{
    public async Task<PurgeReport> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var counts = new Dictionary<RecordKind, long>();
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            var before = now - options.PeriodOf(kind);
            if (dryRun)
            {
                counts[kind] = await purge.CountOlderAsync(kind, before, cancellationToken);
                continue;
            }

            long removed = 0;
            int batch;
            do
            {
                batch = await purge.DeleteOlderAsync(kind, before, options.BatchSize, cancellationToken);
                removed += batch;

                // Between batches others write: turns wait for one batch at most, never for the whole purge.
                await Task.Yield();
            }
            while (batch > 0);

            counts[kind] = removed;
        }

        var report = new PurgeReport(counts, dryRun, time.GetElapsedTime(started));
        logger.LogInformation("Retention purge{DryRun} in {Ms} ms: transcripts {Transcripts}, written requests {Requests}, ratings {Ratings}, unanswered {Unanswered}, received messages {Received}",
            dryRun ? " (dry run, nothing deleted)" : "", (long)report.Took.TotalMilliseconds, counts[RecordKind.Transcripts], counts[RecordKind.WrittenRequests],
            counts[RecordKind.Ratings], counts[RecordKind.Unanswered], counts[RecordKind.ReceivedMessages]);
        return report;
    }
}
