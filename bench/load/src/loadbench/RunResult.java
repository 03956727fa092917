package loadbench;

import java.util.List;

/** What one server did with the storm; {@code dataFiles} lists what alert-router wrote under --data. */
record RunResult(
    Pusher.Outcome pushed,
    int requestsPlanned,
    long notifications,
    long notifiedAlerts,
    long rssKib,
    long peakRssKib,
    List<String> dataFiles) {

  RunResult withDataFiles(List<String> files) {
    return new RunResult(pushed, requestsPlanned, notifications, notifiedAlerts, rssKib, peakRssKib, List.copyOf(files));
  }
}
