package io.strom.planner.session;

import io.strom.data.GenericConverter;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a changelog (rows with kinds) into the table it describes. */
public final class Changelogs {
  private Changelogs() {}

  /**
   * The rows that remain after applying {@code changes} in order: +I and +U add a row, -U and -D
   * remove one equal row. The result keeps the order rows were first added in, all as INSERT.
   *
   * @throws IllegalStateException when a change removes a row that is not there
   */
  public static List<Row> materialize(List<Row> changes, RowType type) {
    Map<List<Object>, Integer> counts = new LinkedHashMap<>();
    for (Row change : changes) {
      List<Object> values = values(change, type);
      if (change.kind() == RowKind.INSERT || change.kind() == RowKind.UPDATE_AFTER) {
        counts.merge(values, 1, Integer::sum);
      } else {
        Integer held = counts.get(values);
        if (held == null) {
          throw new IllegalStateException(
              "The result retracts " + change.kind().shortString() + values + ", which it does not"
                  + " hold. This is a bug.");
        }
        if (held == 1) {
          counts.remove(values);
        } else {
          counts.put(values, held - 1);
        }
      }
    }
    List<Row> table = new ArrayList<>();
    for (Map.Entry<List<Object>, Integer> entry : counts.entrySet()) {
      for (int i = 0; i < entry.getValue(); i++) {
        table.add(GenericRow.of(entry.getKey().toArray()));
      }
    }
    return table;
  }

  private static List<Object> values(Row row, RowType type) {
    List<Object> values = new ArrayList<>(row.arity());
    for (int i = 0; i < row.arity(); i++) {
      values.add(row.isNullAt(i) ? null : GenericConverter.get(row, i, type.fields().get(i).type()));
    }
    return values;
  }
}
