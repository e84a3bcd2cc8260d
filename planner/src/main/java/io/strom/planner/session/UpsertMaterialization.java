package io.strom.planner.session;

import io.strom.connector.ChangelogMode;
import io.strom.data.RowKind;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.PrimaryKey;
import io.strom.planner.config.TableConfigOptions.UpsertMaterialize;
import io.strom.types.RowType;
import java.util.Set;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Whether an insert into a table with a primary key whose sink takes updates (writing by that key)
 * needs its changes materialized per sink key first, as Flink decides for upsert sinks:
 * not when the query only inserts, nor when one of the query's upsert keys lies within the sink's
 * key (each key's rows then replace each other, so the sink can take the query's {@code +U} rows
 * as they are). Otherwise several of the query's rows may map to one sink key, and an update of
 * one must not overwrite or delete the others: a materializer keeps them all and writes the latest.
 * {@code table.exec.sink.upsert-materialize} turns this off (NONE) or on for every updating query
 * (FORCE).
 */
final class UpsertMaterialization {
  private UpsertMaterialization() {}

  /**
   * @param mode the {@code table.exec.sink.upsert-materialize} setting: NONE never materializes,
   *     FORCE always when the table is written by key and the query updates, AUTO as above
   * @param produced what the query emits when its consumer needs {@code -U}
   * @param accepted what the sink takes of it
   * @param queryKeys the upsert keys of the query's result, as its columns (the table's persisted
   *     columns, in order)
   */
  static boolean needed(
      UpsertMaterialize mode, CatalogTable table, ChangelogMode produced, ChangelogMode accepted,
      Set<ImmutableBitSet> queryKeys) {
    // A table with a primary key is written by key when its sink takes updates: upsert-kafka,
    // for one, writes each +U as the key's value and skips -U, whatever mode it declares.
    ImmutableBitSet sinkKey = sinkKey(table);
    if (mode == UpsertMaterialize.NONE
        || sinkKey == null
        || !accepted.contains(RowKind.UPDATE_AFTER)
        || produced.containsOnly(RowKind.INSERT)) {
      return false;
    }
    return mode == UpsertMaterialize.FORCE || queryKeys.stream().noneMatch(sinkKey::contains);
  }

  /** The primary key's columns among the table's persisted columns, or null without one. */
  static ImmutableBitSet sinkKey(CatalogTable table) {
    PrimaryKey primaryKey = table.schema().primaryKey();
    if (primaryKey == null) {
      return null;
    }
    RowType persisted = table.schema().persistedRowType();
    ImmutableBitSet.Builder key = ImmutableBitSet.builder();
    for (String column : primaryKey.columns()) {
      key.set(persisted.fieldIndex(column));
    }
    return key.build();
  }

  /** The positions of the key's columns in rows ordered as {@code order} says (the sink's input). */
  static int[] keyPositions(ImmutableBitSet sinkKey, int[] order) {
    int[] positions = new int[sinkKey.cardinality()];
    int next = 0;
    for (int i = 0; i < order.length; i++) {
      if (sinkKey.get(order[i])) {
        positions[next++] = i;
      }
    }
    return positions;
  }
}
