package io.strom.connector;

import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.TimestampType;
import java.io.Serializable;
import java.util.List;

/**
 * Copies chosen fields of a row of any form into a {@link GenericRow} with the typed getter and
 * setter of each field's type, so nothing is boxed. Nested values (strings, arrays, rows) are
 * shared, not copied: use it on rows whose values are not views of a reused buffer.
 */
public final class RowCopier implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FieldCopy[] copies;
  private final int[] sources;
  private final int[] targets;

  /** Copies field {@code sources[i]} (of type {@code types.get(sources[i])}) to position {@code i}. */
  public RowCopier(List<LogicalType> types, int[] sources) {
    this(types, sources, Projections.identity(sources.length));
  }

  /**
   * Copies field {@code sources[i]} (of type {@code types.get(sources[i])}) to position {@code
   * targets[i]}, e.g. to assemble one row from the fields of two.
   */
  public RowCopier(List<LogicalType> types, int[] sources, int[] targets) {
    if (sources.length != targets.length) {
      throw new IllegalArgumentException("sources and targets differ in length");
    }
    this.sources = sources.clone();
    this.targets = targets.clone();
    this.copies = new FieldCopy[sources.length];
    for (int i = 0; i < sources.length; i++) {
      copies[i] = of(types.get(sources[i]));
    }
  }

  /** Copies every field. */
  public static RowCopier all(List<LogicalType> types) {
    return new RowCopier(types, Projections.identity(types.size()));
  }

  /** Copies the chosen fields of {@code from} into their target positions of {@code to}, with its kind. */
  public void copy(Row from, GenericRow to) {
    to.setKind(from.kind());
    for (int i = 0; i < copies.length; i++) {
      if (from.isNullAt(sources[i])) {
        to.setNullAt(targets[i]);
      } else {
        copies[i].copy(from, sources[i], to, targets[i]);
      }
    }
  }

  /** Copies one non-null field. */
  @FunctionalInterface
  private interface FieldCopy extends Serializable {
    void copy(Row from, int fromPos, GenericRow to, int toPos);
  }

  private static FieldCopy of(LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> (f, i, t, j) -> t.setBoolean(j, f.getBoolean(i));
      case TINYINT -> (f, i, t, j) -> t.setByte(j, f.getByte(i));
      case SMALLINT -> (f, i, t, j) -> t.setShort(j, f.getShort(i));
      case INTEGER, INTERVAL_YEAR_MONTH -> (f, i, t, j) -> t.setInt(j, f.getInt(i));
      case DATE -> (f, i, t, j) -> t.setDate(j, f.getInt(i));
      case TIME_WITHOUT_TIME_ZONE -> (f, i, t, j) -> t.setTime(j, f.getInt(i));
      case BIGINT, INTERVAL_DAY_TIME -> (f, i, t, j) -> t.setLong(j, f.getLong(i));
      case FLOAT -> (f, i, t, j) -> t.setFloat(j, f.getFloat(i));
      case DOUBLE -> (f, i, t, j) -> t.setDouble(j, f.getDouble(i));
      case CHAR, VARCHAR -> (f, i, t, j) -> t.setString(j, f.getString(i));
      case BINARY, VARBINARY -> (f, i, t, j) -> t.setBinary(j, f.getBinary(i));
      case DECIMAL -> {
        int p = ((DecimalType) type).precision();
        int s = ((DecimalType) type).scale();
        yield (f, i, t, j) -> t.setDecimal(j, f.getDecimal(i, p, s));
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE -> {
        int p = ((TimestampType) type).precision();
        yield (f, i, t, j) -> t.setTimestamp(j, f.getTimestamp(i, p));
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
        int p = ((LocalZonedTimestampType) type).precision();
        yield (f, i, t, j) -> t.setTimestamp(j, f.getTimestamp(i, p));
      }
      case ARRAY -> (f, i, t, j) -> t.setArray(j, f.getArray(i));
      case MAP, MULTISET -> (f, i, t, j) -> t.setMap(j, f.getMap(i));
      case ROW -> {
        int arity = type.children().size();
        yield (f, i, t, j) -> t.setRow(j, f.getRow(i, arity));
      }
      case NULL -> (f, i, t, j) -> t.setNullAt(j);
    };
  }
}
