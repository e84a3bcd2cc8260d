package io.strom.runtime.metrics;

import java.util.function.LongSupplier;

/** Registers an operator's metrics under its name and subtask index. */
public interface MetricGroup {

  /** The counter with this name, created on first use. */
  Counter counter(String name);

  /** A value read when metrics are reported; must be safe to call from any thread. */
  void gauge(String name, LongSupplier value);
}
