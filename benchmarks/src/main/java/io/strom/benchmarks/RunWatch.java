package io.strom.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watcher of one benchmark run: a daemon thread samples the JVM every 50 ms between {@link
 * #start()} and {@link #stop()}, keeping the largest used heap and, per thread, the CPU time and
 * the allocated bytes last seen, so that work skewed to one subtask shows; the whole process's
 * CPU time (task, garbage collector and JIT compiler threads alike) is read at start and stop.
 * Shared by the Strom and the Apache Flink Nexmark runners so that both are measured alike.
 * Whoever starts a watch stops it.
 */
public final class RunWatch {
  private static final long SAMPLE_PERIOD_MILLIS = 50;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong peakHeap = new AtomicLong();
  private final Map<Long, Long> startCpu = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastCpu = new ConcurrentHashMap<>();
  private final Map<Long, Long> startAllocated = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastAllocated = new ConcurrentHashMap<>();
  private final Map<Long, String> names = new ConcurrentHashMap<>();
  private final Thread sampler = new Thread(this::sampleUntilStopped, "run-watch");
  private final long processCpuStart;

  private RunWatch() {
    processCpuStart = os.getProcessCpuTime();
    sampleThreads(true);
  }

  /** Starts watching now. */
  public static RunWatch start() {
    RunWatch watch = new RunWatch();
    watch.sampler.setDaemon(true);
    watch.sampler.start();
    return watch;
  }

  /** Stops watching and returns what the run used since {@link #start()}. */
  public RunUsage stop() {
    running.set(false);
    sampler.interrupt();
    sampleThreads(false);
    return new RunUsage(
        peakHeap.get(),
        (os.getProcessCpuTime() - processCpuStart) / 1e9,
        RunUsage.byThreadName(names, startCpu, lastCpu, nanos -> nanos / 1e9),
        RunUsage.byThreadName(names, startAllocated, lastAllocated, bytes -> bytes));
  }

  /** Runs on the sampler thread: the one sampling loop, heap and threads alike. */
  private void sampleUntilStopped() {
    while (running.get()) {
      peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      sampleThreads(false);
      try {
        Thread.sleep(SAMPLE_PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sampleThreads(boolean atStart) {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long id = info.getThreadId();
      long cpu = threads.getThreadCpuTime(id);
      if (cpu < 0) {
        continue;
      }
      long allocated = threads.getThreadAllocatedBytes(id);
      if (atStart) {
        startCpu.put(id, cpu);
        startAllocated.put(id, allocated);
      }
      lastCpu.put(id, cpu);
      lastAllocated.put(id, allocated);
      names.putIfAbsent(id, info.getThreadName());
    }
  }
}
