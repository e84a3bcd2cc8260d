package io.strom.sql.gateway;

import io.strom.data.DecimalData;
import io.strom.data.GenericConverter;
import io.strom.data.InternalValues;
import io.strom.data.Row;
import io.strom.types.DecimalType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * How a result's columns look to JDBC: numbers, booleans, strings and decimals keep their types;
 * the others (temporal types, binary, arrays, maps, rows) travel as the text the shell shows, so
 * no time zone or encoding is guessed on the way. A running query's result starts with a column
 * {@code op} (type name {@code CHANGE_KIND}) holding each row's change kind ({@code +I}, {@code
 * -U}, {@code +U}, {@code -D}).
 */
final class ResultColumns {
  static final String CHANGE_KIND_COLUMN = "op";
  /** The type name of the change-kind column, by which clients (the shell) recognise it. */
  static final String CHANGE_KIND_TYPE = "CHANGE_KIND";

  private final RowType schema;
  private final boolean withChangeKind;

  ResultColumns(RowType schema, boolean withChangeKind) {
    this.schema = schema;
    this.withChangeKind = withChangeKind;
  }

  List<ColumnMetaData> metadata() {
    List<ColumnMetaData> columns = new ArrayList<>();
    if (withChangeKind) {
      columns.add(column(0, CHANGE_KIND_COLUMN, Types.VARCHAR, CHANGE_KIND_TYPE, ColumnMetaData.Rep.STRING, false, 2, 0));
    }
    for (int i = 0; i < schema.fields().size(); i++) {
      LogicalType type = schema.fields().get(i).type();
      String name = schema.fields().get(i).name();
      int ordinal = columns.size();
      columns.add(
          switch (type.root()) {
            case BOOLEAN -> column(ordinal, name, Types.BOOLEAN, "BOOLEAN", ColumnMetaData.Rep.BOOLEAN, type.nullable(), 1, 0);
            case TINYINT -> column(ordinal, name, Types.TINYINT, "TINYINT", ColumnMetaData.Rep.BYTE, type.nullable(), 3, 0);
            case SMALLINT -> column(ordinal, name, Types.SMALLINT, "SMALLINT", ColumnMetaData.Rep.SHORT, type.nullable(), 5, 0);
            case INTEGER -> column(ordinal, name, Types.INTEGER, "INTEGER", ColumnMetaData.Rep.INTEGER, type.nullable(), 10, 0);
            case BIGINT -> column(ordinal, name, Types.BIGINT, "BIGINT", ColumnMetaData.Rep.LONG, type.nullable(), 19, 0);
            case FLOAT -> column(ordinal, name, Types.FLOAT, "FLOAT", ColumnMetaData.Rep.FLOAT, type.nullable(), 7, 0);
            case DOUBLE -> column(ordinal, name, Types.DOUBLE, "DOUBLE", ColumnMetaData.Rep.DOUBLE, type.nullable(), 15, 0);
            case DECIMAL -> column(ordinal, name, Types.DECIMAL, "DECIMAL", ColumnMetaData.Rep.NUMBER, type.nullable(),
                ((DecimalType) type).precision(), ((DecimalType) type).scale());
            default -> column(ordinal, name, Types.VARCHAR, type.asSummaryString(), ColumnMetaData.Rep.STRING, type.nullable(), 0, 0);
          });
    }
    return columns;
  }

  /** A row as the values Avatica sends: one array per row, in column order. */
  Object[] values(Row row) {
    int offset = withChangeKind ? 1 : 0;
    Object[] values = new Object[schema.fields().size() + offset];
    if (withChangeKind) {
      values[0] = row.kind().shortString();
    }
    for (int i = 0; i < schema.fields().size(); i++) {
      values[i + offset] = row.isNullAt(i) ? null : value(row, i, schema.fields().get(i).type());
    }
    return values;
  }

  private static Object value(Row row, int i, LogicalType type) {
    Object value = GenericConverter.get(row, i, type);
    return switch (type.root()) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE -> value;
      case DECIMAL -> ((DecimalData) value).toBigDecimal();
      default -> InternalValues.format(value);
    };
  }

  private static ColumnMetaData column(
      int ordinal, String name, int jdbcType, String typeName, ColumnMetaData.Rep rep,
      boolean nullable, int precision, int scale) {
    return new ColumnMetaData(
        ordinal, false, true, false, false,
        nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        jdbcType != Types.VARCHAR && jdbcType != Types.BOOLEAN,
        Math.max(precision, name.length()), name, name, null, precision, scale, null, null,
        ColumnMetaData.scalar(jdbcType, typeName, rep), true, false, false, rep.clazz.getName());
  }
}
