package io.strom.planner.nexmark;

import io.strom.data.Row;
import io.strom.planner.session.Changelogs;
import io.strom.planner.session.StatementResult;
import io.strom.types.DecimalType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads the rows of a query's result as plain Java values, to compare with expectations computed
 * in Java: integers as {@code Long}, strings as {@code String}, timestamps as epoch milliseconds,
 * decimals as plain strings, NULL as {@code "null"}.
 */
final class NexmarkResults {
  private NexmarkResults() {}

  /** The rows as they came, kinds ignored. */
  static List<List<Object>> rows(StatementResult result) {
    return values(result.rows(), result.schema());
  }

  /** The table the result's changes leave: an updating result applied in order. */
  static List<List<Object>> finalTable(StatementResult result) {
    return values(Changelogs.materialize(result.rows(), result.schema()), result.schema());
  }

  private static List<List<Object>> values(List<Row> rows, RowType schema) {
    List<List<Object>> values = new ArrayList<>();
    for (Row row : rows) {
      values.add(IntStream.range(0, schema.fieldCount())
          .mapToObj(i -> value(row, i, schema.typeAt(i)))
          .toList());
    }
    return values;
  }

  private static Object value(Row row, int i, LogicalType type) {
    if (row.isNullAt(i)) {
      return "null";
    }
    return switch (type.root()) {
      case INTEGER -> (long) row.getInt(i);
      case BIGINT -> row.getLong(i);
      case CHAR, VARCHAR -> row.getString(i).toString();
      case TIMESTAMP_WITHOUT_TIME_ZONE -> row.getTimestamp(i, 3).millisecond();
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield row.getDecimal(i, decimal.precision(), decimal.scale()).toBigDecimal()
            .toPlainString();
      }
      default -> throw new IllegalArgumentException("No comparison for " + type);
    };
  }
}
