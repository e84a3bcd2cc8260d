package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.data.DecimalData;
import io.strom.data.GenericConverter;
import io.strom.data.GenericRow;
import io.strom.data.InternalValues;
import io.strom.data.Row;
import io.strom.runtime.functions.EvaluationException;
import io.strom.types.DecimalType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Turns what a table function passes to {@code collect} into an internal row of its declared
 * type: a plain value becomes the single column of a one-column row; a row ({@code
 * GenericRow.of(...)}, fields as Java or internal values) gives one column per field. Numbers are
 * converted to the declared width; a value of the wrong kind fails with a message naming the
 * column. The returned row is reused: it is valid until the next call.
 */
public final class EmittedRowConverter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String functionName;
  private final RowType type;
  private final boolean emitsValues;
  private transient GenericRow row;

  /**
   * @param functionName the function's name, for errors
   * @param type the columns the function emits
   * @param emitsValues true when the function emits plain values into one column
   */
  public EmittedRowConverter(String functionName, RowType type, boolean emitsValues) {
    this.functionName = requireNonNull(functionName, "functionName");
    this.type = requireNonNull(type, "type");
    this.emitsValues = emitsValues;
    if (emitsValues && type.fieldCount() != 1) {
      throw new IllegalArgumentException("A function emitting values has one column, not " + type);
    }
  }

  /** The internal row for an emitted value (null for a plain value means a NULL column). */
  public Row toRow(Object emitted) {
    if (row == null) {
      row = new GenericRow(type.fieldCount());
    }
    if (emitsValues) {
      set(0, emitted);
      return row;
    }
    if (!(emitted instanceof Row given)) {
      throw new EvaluationException("Table function '" + functionName + "' emitted "
          + describe(emitted) + " but declares rows of " + type.asSummaryString()
          + "; emit rows such as GenericRow.of(...)");
    }
    if (given.arity() != type.fieldCount()) {
      throw new EvaluationException("Table function '" + functionName + "' emitted a row of "
          + given.arity() + " fields but declares " + type.fieldCount() + ": "
          + type.asSummaryString());
    }
    for (int i = 0; i < type.fieldCount(); i++) {
      Object value = given instanceof GenericRow generic
          ? generic.getField(i)
          : given.isNullAt(i) ? null : GenericConverter.get(given, i, type.typeAt(i));
      set(i, value);
    }
    row.setKind(io.strom.data.RowKind.INSERT);
    return row;
  }

  private void set(int pos, Object value) {
    if (value == null) {
      row.setNullAt(pos);
      return;
    }
    LogicalType fieldType = type.typeAt(pos);
    try {
      switch (fieldType.root()) {
        case BOOLEAN -> row.setBoolean(pos, (Boolean) value);
        case TINYINT -> row.setByte(pos, ((Number) value).byteValue());
        case SMALLINT -> row.setShort(pos, ((Number) value).shortValue());
        case INTEGER -> row.setInt(pos, ((Number) value).intValue());
        case BIGINT -> row.setLong(pos, ((Number) value).longValue());
        case FLOAT -> row.setFloat(pos, ((Number) value).floatValue());
        case DOUBLE -> row.setDouble(pos, ((Number) value).doubleValue());
        case DECIMAL -> setDecimal(pos, value, (DecimalType) fieldType);
        case DATE -> row.setDate(pos, (Integer) InternalValues.toInternal(value));
        case TIME_WITHOUT_TIME_ZONE -> row.setTime(pos, (Integer) InternalValues.toInternal(value));
        default -> row.setField(pos, InternalValues.toInternal(value));
      }
    } catch (ClassCastException | IllegalArgumentException e) {
      throw new EvaluationException("Table function '" + functionName + "' emitted "
          + describe(value) + " for column '" + type.fieldNames().get(pos) + "' of type "
          + fieldType.asSummaryString(), e);
    }
  }

  private void setDecimal(int pos, Object value, DecimalType decimal) {
    BigDecimal number = value instanceof DecimalData d ? d.toBigDecimal()
        : value instanceof BigDecimal b ? b
        : value instanceof Double || value instanceof Float
            ? BigDecimal.valueOf(((Number) value).doubleValue())
            : BigDecimal.valueOf(((Number) value).longValue());
    DecimalData data = DecimalData.fromBigDecimal(number, decimal.precision(), decimal.scale());
    if (data == null) {
      row.setNullAt(pos);
    } else {
      row.setDecimal(pos, data);
    }
  }

  private static String describe(Object value) {
    return value == null ? "NULL" : "'" + value + "' (" + value.getClass().getName() + ")";
  }
}
