package dev.tta.alertrouter.persistence;

/**
 * What the store's writer has done so far, for metrics: {@code writes / transactions} is the mean
 * group-commit batch size.
 *
 * @param transactions transactions committed
 * @param writes callers' writes (an intake request's upsert, a notification-log record, ...) in them
 * @param writesWithoutTransaction callers' writes that had nothing to write and were answered
 *     without a transaction (an upsert whose alerts only moved {@code endsAt} later, or repeated
 *     what is held)
 * @param failedWrites writes that failed (their callers got {@code StoreUnavailableException})
 * @param queued writes waiting for the next transaction now
 * @param deferredAlerts alerts whose latest {@code endsAt} extension is acknowledged and published
 *     but not written yet (the next checkpoint writes it)
 * @param checkpointedAlerts deferred extensions written by checkpoints so far
 */
public record WriterStats(
    long transactions,
    long writes,
    long writesWithoutTransaction,
    long failedWrites,
    int queued,
    int deferredAlerts,
    long checkpointedAlerts) {

  /** These counts with the alert store's write-behind figures. */
  WriterStats withWriteBehind(int deferred, long checkpointed) {
    return new WriterStats(transactions, writes, writesWithoutTransaction, failedWrites, queued, deferred, checkpointed);
  }
}
