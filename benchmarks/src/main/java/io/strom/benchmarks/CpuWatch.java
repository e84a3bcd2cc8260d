package io.strom.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Meter of the CPU time a run costs: the whole process's user and system time between start and
 * stop (task, garbage collector and JIT compiler threads alike), and per thread the CPU time last
 * seen by a sampler every 50 ms, so that work skewed to one subtask shows. Wall-clock throughput
 * says little on a shared machine; CPU time per event does not depend on what else runs.
 */
public final class CpuWatch implements Runnable {
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<Long, Long> startCpu = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastCpu = new ConcurrentHashMap<>();
  private final Map<Long, String> names = new ConcurrentHashMap<>();
  private final Map<Long, Long> startAllocated = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastAllocated = new ConcurrentHashMap<>();
  private long processStart;
  private Thread thread;

  private CpuWatch() {}

  /** Starts metering now. */
  public static CpuWatch start() {
    CpuWatch watch = new CpuWatch();
    watch.processStart = watch.os.getProcessCpuTime();
    watch.sample(true);
    watch.thread = new Thread(watch, "cpu-watch");
    watch.thread.setDaemon(true);
    watch.thread.start();
    return watch;
  }

  @Override
  public void run() {
    while (running.get()) {
      sample(false);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample(boolean atStart) {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu < 0) {
        continue;
      }
      long allocated = threads.getThreadAllocatedBytes(info.getThreadId());
      if (atStart) {
        startCpu.put(info.getThreadId(), cpu);
        startAllocated.put(info.getThreadId(), allocated);
      }
      lastCpu.put(info.getThreadId(), cpu);
      lastAllocated.put(info.getThreadId(), allocated);
      names.putIfAbsent(info.getThreadId(), info.getThreadName());
    }
  }

  /** Stops metering and returns the process's CPU seconds since the start. */
  public double stop() {
    running.set(false);
    thread.interrupt();
    sample(false);
    return (os.getProcessCpuTime() - processStart) / 1e9;
  }

  /**
   * Bytes the Java threads allocated on the heap since the start, as last sampled. Unlike CPU
   * time it does not grow when other programs compete for the cores, and it drives the garbage
   * collector's share of the CPU. Read after {@link #stop()}.
   */
  public long allocatedBytes() {
    return allocatedPerThread().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Allocated bytes per thread name since the start; read after {@link #stop()}. */
  public Map<String, Long> allocatedPerThread() {
    Map<String, Long> byName = new LinkedHashMap<>();
    lastAllocated.forEach((id, bytes) -> byName.merge(
        names.get(id), bytes - startAllocated.getOrDefault(id, 0L), Long::sum));
    return byName;
  }

  /**
   * CPU seconds per thread name since the start, largest first, for threads that used at least
   * {@code minSeconds}; threads of the same name are added up. Read after {@link #stop()}.
   */
  public Map<String, Double> perThread(double minSeconds) {
    Map<String, Double> byName = new LinkedHashMap<>();
    lastCpu.forEach((id, cpu) -> byName.merge(
        names.get(id), (cpu - startCpu.getOrDefault(id, 0L)) / 1e9, Double::sum));
    return byName.entrySet().stream()
        .filter(e -> e.getValue() >= minSeconds)
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            LinkedHashMap::new));
  }
}
