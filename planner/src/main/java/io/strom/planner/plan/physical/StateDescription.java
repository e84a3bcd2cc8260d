package io.strom.planner.plan.physical;

import static java.util.Objects.requireNonNull;

import io.strom.data.RowKind;
import io.strom.runtime.sql.window.SqlWindow;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.rel.RelNode;

/**
 * What a stateful node of a streaming plan keeps and for how long, as {@code EXPLAIN
 * CHANGELOG_MODE} prints it: {@code state=[per key (bidder): accumulators; TTL 1 h]}. First what
 * is kept and per what, then when it goes, then any mini-batch buffer held besides.
 *
 * <p>All the wording lives here, so that every node says the same thing the same way and a data
 * engineer can compare plans: nodes only pick the phrases. State that is never freed says
 * {@code unbounded}, since that is what a long-running query has to watch.
 *
 * @param kept what is kept, and per what: {@code per key (bidder): accumulators}
 * @param lifetime when it goes: {@code unbounded}, {@code TTL 1 h}, {@code freed when ...}
 * @param buffer a buffer held besides the state, or null
 */
public record StateDescription(String kept, String lifetime, String buffer) {

  /** What the planner knows besides the plan that decides what a node keeps. */
  public record Context(
      ChangelogModes modes,
      Duration ttl,
      boolean miniBatch,
      Predicate<StreamPhysicalTableSourceScan> upsertSource) {
    public Context {
      requireNonNull(modes, "modes");
      requireNonNull(ttl, "ttl");
      requireNonNull(upsertSource, "upsertSource");
    }

    /** How long idle keys stay: {@code TTL 1 h} when {@code table.exec.state.ttl} is set. */
    String ttlOrUnbounded() {
      return ttl.isZero() ? UNBOUNDED : ttlText();
    }

    private String ttlText() {
      return "TTL " + SqlWindow.duration(ttl.toMillis());
    }

    /** Whether {@code node}'s input changes rows other than by inserting them. */
    boolean updatingInput(RelNode node) {
      return !modes.of(node.getInput(0)).containsOnly(RowKind.INSERT);
    }
  }

  /** State no TTL or time frees: it grows with the keys for as long as the query runs. */
  static final String UNBOUNDED = "unbounded";

  public StateDescription {
    requireNonNull(kept, "kept");
    requireNonNull(lifetime, "lifetime");
  }

  StateDescription(String kept, String lifetime) {
    this(kept, lifetime, null);
  }

  @Override
  public String toString() {
    return kept + "; " + lifetime + (buffer == null ? "" : "; " + buffer);
  }

  /** {@code per key (a, b): what}, or {@code for the whole input: what} without keys. */
  static String perKey(List<String> keys, String what) {
    return (keys.isEmpty() ? "for the whole input" : "per key (" + String.join(", ", keys) + ")")
        + ": " + what;
  }

  /** The names of {@code fields} of {@code node}'s input {@code input}. */
  static List<String> names(RelNode node, int input, int[] fields) {
    List<String> names = node.getInput(input).getRowType().getFieldNames();
    return Arrays.stream(fields).mapToObj(names::get).toList();
  }

  /**
   * A group aggregation's accumulators per key (with the distinct values seen, which grow with
   * them), and the buffer of a mini-batch. Without keys the one row of accumulators stays as
   * long as the query, which is not a growth to watch.
   */
  static StateDescription aggregate(
      List<String> keys, boolean distinct, Context context, String buffer) {
    String what = distinct ? "accumulators and distinct values" : "accumulators";
    String lifetime = keys.isEmpty() && context.ttl().isZero() ? "no TTL" : context.ttlOrUnbounded();
    return new StateDescription(
        perKey(keys, what), lifetime, context.miniBatch() ? buffer : null);
  }

  /** The rows of each side of a join, per join key (all rows without one). */
  static String joinSides(List<String> leftKeys, boolean leftOuter,
      List<String> rightKeys, boolean rightOuter) {
    return "left: " + joinSide(leftKeys, leftOuter) + ", right: " + joinSide(rightKeys, rightOuter);
  }

  private static String joinSide(List<String> keys, boolean outer) {
    // An outer side counts each row's matches, to know when to emit it padded with NULLs.
    String rows = outer ? "rows and their match counts" : "rows";
    return keys.isEmpty() ? "all " + rows : rows + " per join key (" + String.join(", ", keys) + ")";
  }

  /**
   * The rows of each side of a window join, per key and window (the keys hold the window
   * columns): nothing is counted, since a window's rows are joined only once, when it fires.
   */
  static String windowJoinSides(List<String> leftKeys, List<String> rightKeys) {
    return "left: rows per key and window (" + String.join(", ", leftKeys) + "), right: rows per"
        + " key and window (" + String.join(", ", rightKeys) + ")";
  }

  /** {@code freed when the watermark passes what} (the clock on processing time). */
  static String freedWhenTimePasses(boolean eventTime, String what) {
    return "freed when the " + (eventTime ? "watermark" : "clock") + " passes " + what;
  }

  /**
   * What a sink's upsert materializer keeps: every row the query currently holds for each sink
   * key, so that retracting the latest one writes the one before it.
   */
  public static StateDescription upsertMaterializer(List<String> sinkKey, Context context) {
    return new StateDescription(
        "per sink key (" + String.join(", ", sinkKey) + "): every row the query holds for it",
        context.ttlOrUnbounded());
  }
}
