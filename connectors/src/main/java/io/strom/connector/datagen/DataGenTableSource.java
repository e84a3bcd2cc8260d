package io.strom.connector.datagen;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.ScanTableSource;
import io.strom.data.Row;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.types.RowType;

/**
 * Generates rows: {@code count} of them (bounded) or endlessly, at a total rate over the parallel
 * readers. Readers split the row indexes between them without overlap.
 */
final class DataGenTableSource implements ScanTableSource {
  private final RowType type;
  private final FieldGenerator[] columns;
  private final long count;
  private final long rowsPerSecond;

  /**
   * @param count how many rows, or {@link GeneratorSource#UNBOUNDED}
   * @param rowsPerSecond the total rate, or 0 for no limit
   */
  DataGenTableSource(RowType type, FieldGenerator[] columns, long count, long rowsPerSecond) {
    this.type = requireNonNull(type, "type");
    this.columns = columns.clone();
    this.count = count;
    this.rowsPerSecond = rowsPerSecond;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public boolean isBounded() {
    return count != GeneratorSource.UNBOUNDED;
  }

  @Override
  public RowType producedType() {
    return type;
  }

  @Override
  public Source<Row, ?> createRuntimeSource() {
    return new GeneratorSource<>(new DataGenRowGenerator(columns), count, rowsPerSecond);
  }

  @Override
  public String summary() {
    return "datagen(rows-per-second=" + rowsPerSecond
        + (isBounded() ? ", number-of-rows=" + count : "") + ")";
  }

  @Override
  public ScanTableSource copy() {
    return new DataGenTableSource(type, columns, count, rowsPerSecond);
  }
}
