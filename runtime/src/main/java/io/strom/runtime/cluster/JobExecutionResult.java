package io.strom.runtime.cluster;

import java.time.Duration;
import java.util.Map;

/**
 * What a finished job reports.
 *
 * @param jobId the job's id
 * @param jobName the job's name
 * @param runtime wall-clock time from submission to the end
 * @param metrics the final values of the job's metrics, by {@code operator[subtask].name}
 */
public record JobExecutionResult(
    String jobId, String jobName, Duration runtime, Map<String, Long> metrics) {
  public JobExecutionResult {
    metrics = Map.copyOf(metrics);
  }

  /** The sum of a metric over the subtasks of the operator named exactly {@code operatorName}. */
  public long metricOf(String operatorName, String name) {
    // Keys are "operator[subtask].metric"; the name must match exactly, not as a prefix.
    java.util.regex.Pattern key =
        java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(operatorName) + "\\[\\d+\\]\\." + java.util.regex.Pattern.quote(name));
    long sum = 0;
    for (Map.Entry<String, Long> e : metrics.entrySet()) {
      if (key.matcher(e.getKey()).matches()) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  /** The sum of a metric over every subtask of every operator whose name starts with {@code operatorPrefix}. */
  public long metric(String operatorPrefix, String name) {
    long sum = 0;
    for (Map.Entry<String, Long> e : metrics.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(operatorPrefix) && key.endsWith("." + name)) {
        sum += e.getValue();
      }
    }
    return sum;
  }
}
