package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import java.util.List;

/**
 * Emits each row once per generated projection, each copy with the input row's kind: the expand of
 * a GROUPING SETS aggregation, one copy per grouping set. Each projection reuses its own output
 * row, which downstream operators use before the next copy is made (the chain calls them
 * directly).
 */
public final class ExpandOperator extends AbstractOperator<Row> implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final List<GeneratedClass<CalcFunction>> generated;
  private transient CalcFunction[] projections;

  public ExpandOperator(List<GeneratedClass<CalcFunction>> generated) {
    this.generated = List.copyOf(requireNonNull(generated, "generated"));
    if (generated.isEmpty()) {
      throw new IllegalArgumentException("An expand needs at least one projection");
    }
  }

  @Override
  protected void setup() throws Exception {
    projections = new CalcFunction[generated.size()];
    for (int i = 0; i < projections.length; i++) {
      projections[i] = generated.get(i).newInstance(context.userCodeClassLoader());
      projections[i].open(SqlFunctions.functionContext(context));
    }
  }

  @Override
  public void processElement(Row record, long timestamp) throws Exception {
    for (CalcFunction projection : projections) {
      Row copy = projection.apply(record);
      if (copy != null) {
        output.collect(copy, timestamp);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (projections != null) {
      for (CalcFunction projection : projections) {
        if (projection != null) {
          projection.close();
        }
      }
    }
  }
}
