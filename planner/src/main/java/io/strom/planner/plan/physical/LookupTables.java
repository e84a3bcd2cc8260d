package io.strom.planner.plan.physical;

import io.strom.connector.ScanTableSource;
import io.strom.data.RowKind;
import io.strom.planner.ValidationException;
import io.strom.planner.calcite.SourceTableRef;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCorrelate;

/**
 * Refuses lookup joins ({@code FOR SYSTEM_TIME AS OF} a processing-time attribute) against a table
 * that changes while the query runs. A lookup join reads its table whole, once per subtask, when
 * it starts (see {@link LookupJoinConversion}), which is the table's content at any later time
 * only when the table is bounded and insert-only. Flink refuses such a join too, since it has no
 * processing-time temporal join over a changing table either.
 */
public final class LookupTables {
  static final String UNSUPPORTED = "Processing-time temporal join is not supported yet.";

  private LookupTables() {}

  /**
   * Checks every lookup join of a logical plan.
   *
   * @param sources the connector's source of a scanned table, asked whether it is bounded and
   *     insert-only
   */
  public static void check(RelNode logical, Function<SourceTableRef, ScanTableSource> sources) {
    if (logical instanceof LogicalCorrelate correlate
        && LookupJoins.asJoin(correlate) != null
        && LookupJoins.isLookup(correlate)) {
      checkUnchanging(LookupJoins.snapshot(correlate).getInput(), sources);
    }
    for (RelNode input : logical.getInputs()) {
      check(input, sources);
    }
  }

  private static void checkUnchanging(
      RelNode table, Function<SourceTableRef, ScanTableSource> sources) {
    if (table instanceof TableScan scan) {
      SourceTableRef ref = scan.getTable().unwrap(SourceTableRef.class);
      if (ref != null) {
        ScanTableSource source = sources.apply(ref);
        String change = !source.isBounded() ? "is unbounded"
            : !source.changelogMode().containsOnly(RowKind.INSERT) ? "is a changelog" : null;
        if (change != null) {
          throw new ValidationException(UNSUPPORTED + " Table '" + ref.identifier()
              + "' " + change + ", so it changes while the query runs, and a join FOR SYSTEM_TIME"
              + " AS OF a processing-time attribute can only look up a table that does not (a"
              + " bounded, insert-only table such as a file). Join it FOR SYSTEM_TIME AS OF the"
              + " left table's event-time attribute instead (an event-time temporal join against"
              + " a versioned table), or read the table from a bounded source.");
        }
      }
    }
    for (RelNode input : table.getInputs()) {
      checkUnchanging(input, sources);
    }
  }
}
