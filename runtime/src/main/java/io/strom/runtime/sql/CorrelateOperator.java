package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.Collector;
import io.strom.data.Row;
import io.strom.runtime.generated.CorrelateFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/**
 * Joins each row with the rows a table function (or {@code UNNEST}) emits for it, through a
 * generated {@link CorrelateFunction}. Stateless: every output row keeps its input row's kind, so
 * the operator passes its input's changes on. The function is opened once when the operator opens
 * and closed when it closes.
 */
public final class CorrelateOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<CorrelateFunction> generated;
  private transient CorrelateFunction function;
  private transient Collector<Row> rows;
  private transient long timestamp;

  public CorrelateOperator(GeneratedClass<CorrelateFunction> generated) {
    this.generated = requireNonNull(generated, "generated");
  }

  @Override
  protected void setup() throws Exception {
    function = generated.newInstance(context.userCodeClassLoader());
    rows = row -> output.collect(row, timestamp);
    function.open(SqlFunctions.functionContext(context));
  }

  /** Called only on the task's mailbox thread. */
  @Override
  public void processElement(Row record, long timestamp) throws Exception {
    this.timestamp = timestamp;
    function.apply(record, rows);
  }

  @Override
  public void close() throws Exception {
    if (function != null) {
      function.close();
    }
  }
}
