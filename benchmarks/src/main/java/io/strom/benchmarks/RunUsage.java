package io.strom.benchmarks;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * What one benchmark run used, as a {@link RunWatch} saw it: the peak used heap, the process's CPU
 * seconds, and per thread name (threads of the same name added up) the CPU seconds, largest
 * first, and the bytes allocated on the heap. Wall-clock throughput says little on a shared
 * machine; CPU time per event does not depend on what else runs, and allocated bytes, which drive
 * the garbage collector's share of the CPU, do not grow when other programs compete for the cores.
 */
public record RunUsage(
    long peakHeapBytes,
    double processCpuSeconds,
    Map<String, Double> threadCpuSeconds,
    Map<String, Long> threadAllocatedBytes) {

  public RunUsage {
    threadCpuSeconds = Collections.unmodifiableMap(sortedLargestFirst(threadCpuSeconds));
    threadAllocatedBytes = Collections.unmodifiableMap(new LinkedHashMap<>(threadAllocatedBytes));
  }

  /** Bytes all Java threads allocated on the heap over the run. */
  public long allocatedBytes() {
    return threadAllocatedBytes.values().stream().mapToLong(Long::longValue).sum();
  }

  /** CPU seconds of all Java threads; the rest of the process's went to the JVM's own threads. */
  public double javaThreadCpuSeconds() {
    return threadCpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Per thread name, the growth from {@code start} to {@code last} of each thread's counter. */
  static <T extends Number> Map<String, T> byThreadName(Map<Long, String> names,
      Map<Long, Long> start, Map<Long, Long> last, LongFunction<T> unit) {
    Map<String, Long> byName = new LinkedHashMap<>();
    last.forEach((id, value) ->
        byName.merge(names.get(id), value - start.getOrDefault(id, 0L), Long::sum));
    Map<String, T> converted = new LinkedHashMap<>();
    byName.forEach((name, value) -> converted.put(name, unit.apply(value)));
    return converted;
  }

  private static Map<String, Double> sortedLargestFirst(Map<String, Double> seconds) {
    Map<String, Double> sorted = new LinkedHashMap<>();
    seconds.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
