package io.strom.connector.datagen;

import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.runtime.source.lib.GeneratorFunction;
import java.util.SplittableRandom;

/**
 * Makes the row with a given index from the columns' generators. Each parallel reader works on
 * its own copy of the source, hence of this function, and so on its own random source.
 */
final class DataGenRowGenerator implements GeneratorFunction<Row> {
  private static final long serialVersionUID = 1L;

  private final FieldGenerator[] columns;
  private transient SplittableRandom random;

  DataGenRowGenerator(FieldGenerator[] columns) {
    this.columns = columns.clone();
  }

  @Override
  public Row generate(long index) {
    if (random == null) {
      random = new SplittableRandom();
    }
    GenericRow row = new GenericRow(columns.length);
    for (int i = 0; i < columns.length; i++) {
      columns[i].set(row, i, index, random);
    }
    return row;
  }
}
