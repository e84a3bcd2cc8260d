package io.strom.runtime.sql.lookup;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.sql.SqlFunctions;
import io.strom.runtime.sql.TransientKeys;
import io.strom.runtime.sql.join.JoinCondition;
import io.strom.runtime.sql.join.StreamingJoinOperator;
import java.util.List;

/**
 * A lookup join (Flink's processing-time temporal join, {@code JOIN t FOR SYSTEM_TIME AS OF
 * p.proc_time}), INNER or LEFT: each probe row is joined, when it arrives, with the rows its
 * lookup key finds in the table at that moment, and emitted then, with the probe row's kind;
 * nothing is ever revised when the table changes later. A LEFT join pads a probe row that finds
 * no row (or none passing the residual condition) with NULLs, once.
 *
 * <p>Stateless: it runs on the probe side's subtasks without an exchange and keeps nothing in
 * checkpoints; its {@link LookupFunction} opens (and may load its table) before the first row.
 */
public final class LookupJoinOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final LookupFunction table;
  private final KeySelector<Row, BinaryRow> probeKey;
  private final StreamingJoinOperator.JoinConditionFactory residual;
  private final boolean leftOuter;
  private final int tableArity;
  /** The probe key selector when it can give keys without copying them, else null. */
  private transient TransientKeys<Row, BinaryRow> transientProbeKey;
  private transient JoinCondition condition;
  private transient Row nullRow;

  /**
   * @param table finds the table's rows by lookup key
   * @param probeKey the lookup key of a probe row: the values (or constants) the table's key
   *     fields must equal, as a binary row of those fields' types; a key is used only for its
   *     lookup, so when the selector offers {@link TransientKeys} it is not copied (and the
   *     selector must then not be one {@code table} uses itself)
   * @param residual the rest of the join condition, tested on each probe row and found row
   * @param leftOuter true for a LEFT join
   * @param tableArity the number of the table's columns, for padding
   */
  public LookupJoinOperator(
      LookupFunction table,
      KeySelector<Row, BinaryRow> probeKey,
      StreamingJoinOperator.JoinConditionFactory residual,
      boolean leftOuter,
      int tableArity) {
    this.table = requireNonNull(table, "table");
    this.probeKey = requireNonNull(probeKey, "probeKey");
    this.residual = requireNonNull(residual, "residual");
    this.leftOuter = leftOuter;
    this.tableArity = tableArity;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void setup() throws Exception {
    transientProbeKey = probeKey instanceof TransientKeys<?, ?> transientKeys
        ? (TransientKeys<Row, BinaryRow>) transientKeys
        : null;
    condition = residual.create(context.userCodeClassLoader());
    nullRow = new GenericRow(tableArity);
    table.open(new LookupContext(
        context.jobConfiguration(), context.metrics(), SqlFunctions.functionContext(context)));
  }

  /** Called only on the task's mailbox thread. */
  @Override
  public void processElement(Row probe, long timestamp) throws Exception {
    // Valid until the next probe row: the table does not keep the keys it is asked for.
    BinaryRow key = transientProbeKey != null
        ? transientProbeKey.transientKey(probe)
        : probeKey.getKey(probe);
    boolean matched = false;
    if (!FullCachingLookupFunction.hasNull(key)) {
      List<Row> found = table.lookup(key);
      for (int i = 0; i < found.size(); i++) {
        Row row = found.get(i);
        if (condition.test(probe, row)) {
          emit(probe, row, timestamp);
          matched = true;
        }
      }
    }
    if (!matched && leftOuter) {
      emit(probe, nullRow, timestamp);
    }
  }

  /** A new joined row each time: a chained consumer may keep the rows it is given. */
  private void emit(Row probe, Row row, long timestamp) {
    JoinedRow out = new JoinedRow(probe, row);
    out.setKind(probe.kind());
    output.collect(out, timestamp);
  }

  @Override
  public void close() throws Exception {
    table.close();
  }
}
