package io.strom.planner.ddl;

import io.strom.planner.ValidationException;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.Column;
import io.strom.planner.catalog.PrimaryKey;
import io.strom.planner.catalog.WatermarkSpec;
import io.strom.sql.parser.ddl.SqlTableLike;
import io.strom.sql.parser.ddl.SqlTableLike.Feature;
import io.strom.sql.parser.ddl.SqlTableLike.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a new table's definition with the source table of its {@code LIKE} clause, feature by
 * feature, as Flink does: physical columns of the source always come first; computed and metadata
 * columns, the primary key, the watermark, the partitions and the options are included, excluded or
 * overwritten per the clause (default {@code INCLUDING ALL OVERWRITING OPTIONS}); a clash that the
 * chosen strategy does not resolve is an error.
 */
final class TableLikeMerger {
  private final SqlTableLike like;
  private final CatalogTable source;
  private final Map<Feature, Strategy> strategies;

  TableLikeMerger(SqlTableLike like, CatalogTable source) {
    this.like = like;
    this.source = source;
    this.strategies = CreateTableConverter.strategies(like);
  }

  CatalogTable merge(
      List<Column> columns,
      PrimaryKey primaryKey,
      WatermarkSpec watermark,
      List<String> partitionKeys,
      Map<String, String> options) {
    return CreateTableConverter.table(
        mergeColumns(columns),
        mergeOne("primary key", Feature.CONSTRAINTS, source.schema().primaryKey(), primaryKey),
        mergeOne("watermark", Feature.WATERMARKS, source.schema().watermark(), watermark),
        mergePartitions(partitionKeys),
        mergeOptions(options),
        like);
  }

  /**
   * The LIKE table's physical and metadata columns that the new table keeps: what the new table's
   * computed columns may refer to besides its own.
   */
  List<Column> inheritedStoredColumns() {
    List<Column> stored = new ArrayList<>();
    for (Column column : inheritedColumns()) {
      if (!(column instanceof Column.Computed)) {
        stored.add(column);
      }
    }
    return stored;
  }

  /** The LIKE table's columns that the new table keeps, in their order. */
  private List<Column> inheritedColumns() {
    List<Column> kept = new ArrayList<>();
    for (Column column : source.schema().columns()) {
      Feature feature =
          column instanceof Column.Computed
              ? Feature.GENERATED
              : column instanceof Column.Metadata ? Feature.METADATA : null;
      if (feature == null || strategies.get(feature) != Strategy.EXCLUDING) {
        kept.add(column);
      }
    }
    return kept;
  }

  /** The LIKE table's kept columns first, then the new ones; a clash needs OVERWRITING. */
  List<Column> mergeColumns(List<Column> added) {
    Map<String, Column> merged = new LinkedHashMap<>();
    for (Column column : inheritedColumns()) {
      merged.put(column.name(), column);
    }
    for (Column column : added) {
      Column existing = merged.get(column.name());
      if (existing != null) {
        Feature feature =
            existing instanceof Column.Computed
                ? Feature.GENERATED
                : existing instanceof Column.Metadata ? Feature.METADATA : null;
        if (feature == null || strategies.get(feature) != Strategy.OVERWRITING) {
          throw new ValidationException(
              like.getParserPosition(),
              "Column '" + column.name() + "' is also defined by the LIKE table; rename it"
                  + (feature == null ? "" : " or use OVERWRITING " + feature));
        }
      }
      merged.put(column.name(), column);
    }
    return new ArrayList<>(merged.values());
  }

  private <T> T mergeOne(String what, Feature feature, T fromSource, T declared) {
    Strategy strategy = strategies.get(feature);
    if (strategy == Strategy.EXCLUDING || fromSource == null) {
      return declared;
    }
    if (declared == null) {
      return fromSource;
    }
    if (strategy == Strategy.OVERWRITING) {
      return declared;
    }
    throw new ValidationException(
        like.getParserPosition(),
        "The table declares a " + what + " and the LIKE table has one too; use EXCLUDING "
            + feature + " or OVERWRITING " + feature);
  }

  private List<String> mergePartitions(List<String> declared) {
    List<String> fromSource = source.partitionKeys();
    List<String> merged =
        mergeOne(
            "partitioning",
            Feature.PARTITIONS,
            fromSource.isEmpty() ? null : fromSource,
            declared.isEmpty() ? null : declared);
    return merged == null ? List.of() : merged;
  }

  private Map<String, String> mergeOptions(Map<String, String> declared) {
    Strategy strategy = strategies.get(Feature.OPTIONS);
    if (strategy == Strategy.EXCLUDING) {
      return declared;
    }
    Map<String, String> merged = new LinkedHashMap<>(source.options());
    for (Map.Entry<String, String> e : declared.entrySet()) {
      if (merged.containsKey(e.getKey()) && strategy == Strategy.INCLUDING) {
        throw new ValidationException(
            like.getParserPosition(),
            "Option '" + e.getKey() + "' is set by both tables; use OVERWRITING OPTIONS to replace"
                + " the LIKE table's value");
      }
      merged.put(e.getKey(), e.getValue());
    }
    return merged;
  }
}
