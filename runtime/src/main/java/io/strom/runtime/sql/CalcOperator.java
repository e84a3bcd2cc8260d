package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/**
 * Filters and projects rows with a generated {@link CalcFunction}. The output row is reused between
 * calls: operators downstream must use it before the next one arrives (the chain and exchanges do).
 */
public final class CalcOperator extends AbstractOperator<Row> implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<CalcFunction> generated;
  private transient CalcFunction function;

  public CalcOperator(GeneratedClass<CalcFunction> generated) {
    this.generated = requireNonNull(generated, "generated");
  }

  @Override
  protected void setup() throws Exception {
    function = generated.newInstance(context.userCodeClassLoader());
    function.open(SqlFunctions.functionContext(context));
  }

  @Override
  public void processElement(Row record, long timestamp) throws Exception {
    Row result = function.apply(record);
    if (result != null) {
      output.collect(result, timestamp);
    }
  }

  @Override
  public void close() throws Exception {
    if (function != null) {
      function.close();
    }
  }
}
