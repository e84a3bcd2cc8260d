package io.strom.benchmarks.flink;

import io.strom.connector.nexmark.NexmarkSchema;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;

/**
 * Copies a Nexmark event from Strom's row classes into Flink's, field by field, following the
 * connector's schema ({@link NexmarkSchema#PHYSICAL_TYPE}). Strings keep their UTF-8 bytes
 * (Flink wraps them without decoding), timestamps their milliseconds. This copy is work Strom's
 * own source does not do, so it counts against Flink in the benchmark; it is a few field moves
 * per event next to the generation itself.
 */
final class NexmarkEventConverter {
  private final FieldCopier[] copiers = copiersOf(NexmarkSchema.PHYSICAL_TYPE);

  /** Copies one field of a Strom row into a Flink row; the field is not NULL. */
  @FunctionalInterface
  private interface FieldCopier {
    Object copy(Row from, int pos);
  }

  RowData toRowData(Row event) {
    return convert(event, copiers);
  }

  private static GenericRowData convert(Row from, FieldCopier[] copiers) {
    GenericRowData to = new GenericRowData(copiers.length);
    for (int i = 0; i < copiers.length; i++) {
      if (!from.isNullAt(i)) {
        to.setField(i, copiers[i].copy(from, i));
      }
    }
    return to;
  }

  private static FieldCopier[] copiersOf(RowType type) {
    FieldCopier[] copiers = new FieldCopier[type.fieldCount()];
    for (int i = 0; i < copiers.length; i++) {
      copiers[i] = copierOf(type.typeAt(i));
    }
    return copiers;
  }

  private static FieldCopier copierOf(LogicalType type) {
    return switch (type.root()) {
      case INTEGER -> Row::getInt;
      case BIGINT -> Row::getLong;
      case VARCHAR -> (row, pos) -> {
        StringData s = row.getString(pos);
        return org.apache.flink.table.data.StringData.fromBytes(
            s.byteArray(), s.offset(), s.sizeInBytes());
      };
      case TIMESTAMP_WITHOUT_TIME_ZONE -> (row, pos) -> {
        TimestampData t = row.getTimestamp(pos, 3);
        return org.apache.flink.table.data.TimestampData.fromEpochMillis(
            t.millisecond(), t.nanoOfMillisecond());
      };
      case ROW -> {
        RowType rowType = (RowType) type;
        FieldCopier[] nested = copiersOf(rowType);
        int arity = rowType.fieldCount();
        yield (row, pos) -> convert(row.getRow(pos, arity), nested);
      }
      default -> throw new IllegalStateException(
          "Bug: the Nexmark schema has a column of type " + type.asSummaryString()
              + ", which the Flink baseline does not convert");
    };
  }
}
