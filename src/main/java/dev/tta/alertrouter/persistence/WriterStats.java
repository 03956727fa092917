package dev.tta.alertrouter.persistence;

/**
 * What the store's writer has done so far, for metrics: {@code writes / transactions} is the mean
 * group-commit batch size.
 *
 * @param transactions transactions committed
 * @param writes callers' writes (an intake request's upsert, a notification-log record, ...) in them
 * @param failedWrites writes that failed (their callers got {@code StoreUnavailableException})
 * @param queued writes waiting for the next transaction now
 */
public record WriterStats(long transactions, long writes, long failedWrites, int queued) {}
