package io.strom.planner.connectors;

import io.strom.data.GenericConverter;
import io.strom.data.Row;
import io.strom.planner.session.Changelogs;
import io.strom.planner.session.StatementResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the SQL tests over the kafka connectors share: printing results and waiting on jobs. */
final class KafkaSqlTesting {
  /** How long a test waits for a running job to reach a state it must reach. */
  static final Duration DEADLINE = Duration.ofSeconds(90);

  private KafkaSqlTesting() {}

  /** The result's rows as Flink prints them, with their change kinds. */
  static List<String> rows(StatementResult result) {
    List<String> out = new ArrayList<>();
    for (Row row : result.rows()) {
      out.add(GenericConverter.format(row, result.schema()));
    }
    return out;
  }

  /** The rows a changelog result leaves once its changes are applied. */
  static List<String> materialized(StatementResult result) {
    List<String> out = new ArrayList<>();
    for (Row row : Changelogs.materialize(result.rows(), result.schema())) {
      out.add(GenericConverter.format(row, result.schema()));
    }
    return out;
  }

  /** Waits until {@code condition} holds, failing after {@link #DEADLINE}. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}
