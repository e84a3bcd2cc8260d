package io.strom.runtime.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters and gauges of a job (or of a whole process), each registered under a scope naming
 * the operator subtask, such as {@code "Window(count)[2]"}, and a metric name.
 *
 * <p>Thread-safe: task threads register and update metrics, any thread reads them. Reads see each
 * counter's latest value but are not an atomic cut across counters.
 */
public final class MetricRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);

  private final Map<MetricId, Counter> counters = new ConcurrentHashMap<>();
  private final Map<MetricId, LongSupplier> gauges = new ConcurrentHashMap<>();

  /** The scope of one operator subtask: {@code name[index]}. */
  public static String scope(String operatorName, int subtaskIndex) {
    return operatorName + "[" + subtaskIndex + "]";
  }

  /** The metric group registering under {@code scope}; groups of equal scope share metrics. */
  public MetricGroup group(String scope) {
    requireNonNull(scope, "scope");
    return new ScopedGroup(scope);
  }

  /**
   * Every counter and gauge now, keyed {@code scope.name}, sorted. A gauge that fails is logged and
   * left out.
   */
  public SortedMap<String, Long> snapshot() {
    SortedMap<String, Long> result = new TreeMap<>();
    counters.forEach((id, counter) -> result.put(id.qualifiedName(), counter.count()));
    gauges.forEach(
        (id, gauge) -> {
          Long value = readGauge(id, gauge);
          if (value != null) {
            result.put(id.qualifiedName(), value);
          }
        });
    return result;
  }

  /** The value of one metric, or null when nothing is registered under that scope and name. */
  public Long value(String scope, String name) {
    MetricId id = new MetricId(scope, name);
    Counter counter = counters.get(id);
    if (counter != null) {
      return counter.count();
    }
    LongSupplier gauge = gauges.get(id);
    return gauge == null ? null : readGauge(id, gauge);
  }

  /** The sum of a metric over every scope that has it, e.g. late records dropped by the job. */
  public long sum(String name) {
    return sumWhere(null, name);
  }

  /** The sum of a metric over the subtasks of one operator, given its name without index. */
  public long sum(String operatorName, String name) {
    return sumWhere(requireNonNull(operatorName, "operatorName"), name);
  }

  private long sumWhere(String operatorName, String name) {
    requireNonNull(name, "name");
    long total = 0;
    for (Map.Entry<MetricId, Counter> e : counters.entrySet()) {
      if (e.getKey().matches(operatorName, name)) {
        total += e.getValue().count();
      }
    }
    for (Map.Entry<MetricId, LongSupplier> e : gauges.entrySet()) {
      if (e.getKey().matches(operatorName, name)) {
        Long value = readGauge(e.getKey(), e.getValue());
        total += value == null ? 0 : value;
      }
    }
    return total;
  }

  private static Long readGauge(MetricId id, LongSupplier gauge) {
    try {
      return gauge.getAsLong();
    } catch (RuntimeException e) {
      // One broken gauge must not stop reporting of the others.
      LOG.warn("Gauge {} failed; leaving it out of the report", id.qualifiedName(), e);
      return null;
    }
  }

  /** Identifies a metric by its scope and name. */
  private record MetricId(String scope, String name) {
    String qualifiedName() {
      return scope + "." + name;
    }

    /** The operator part of the scope: the scope without a trailing subtask index. */
    String operatorName() {
      int open = scope.lastIndexOf('[');
      if (open > 0 && scope.endsWith("]")) {
        String index = scope.substring(open + 1, scope.length() - 1);
        if (!index.isEmpty() && index.chars().allMatch(Character::isDigit)) {
          return scope.substring(0, open);
        }
      }
      return scope;
    }

    boolean matches(String operator, String metric) {
      return name.equals(metric) && (operator == null || operatorName().equals(operator));
    }
  }

  /** The metric group of one scope. */
  private final class ScopedGroup implements MetricGroup {
    private final String scope;

    ScopedGroup(String scope) {
      this.scope = scope;
    }

    @Override
    public Counter counter(String name) {
      return counters.computeIfAbsent(new MetricId(scope, requireNonNull(name, "name")), id -> {
        if (gauges.containsKey(id)) {
          throw new IllegalStateException(
              "Metric '" + id.qualifiedName() + "' is already registered as a gauge");
        }
        return new Counter();
      });
    }

    /** Registers a gauge; registering the same name again replaces the earlier gauge. */
    @Override
    public void gauge(String name, LongSupplier value) {
      MetricId id = new MetricId(scope, requireNonNull(name, "name"));
      if (counters.containsKey(id)) {
        throw new IllegalStateException(
            "Metric '" + id.qualifiedName() + "' is already registered as a counter");
      }
      gauges.put(id, requireNonNull(value, "value"));
    }

    @Override
    public String toString() {
      return "MetricGroup(" + scope + ")";
    }
  }
}
