package loadbench;

import java.util.List;

/**
 * What one server did with the storm; {@code stormCpuSeconds} is the CPU time it used while the storm
 * was pushed, {@code dataFiles} what alert-router wrote under --data.
 */
record RunResult(
    Pusher.Outcome pushed,
    int requestsPlanned,
    long notifications,
    long notifiedAlerts,
    long rssKib,
    long peakRssKib,
    double stormCpuSeconds,
    List<String> dataFiles) {

  RunResult withDataFiles(List<String> files) {
    return new RunResult(pushed, requestsPlanned, notifications, notifiedAlerts, rssKib, peakRssKib, stormCpuSeconds, List.copyOf(files));
  }
}
