package io.strom.planner.ddl;

import io.strom.planner.ValidationException;
import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.FunctionCatalog;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.Column;
import io.strom.planner.catalog.ObjectIdentifier;
import io.strom.planner.catalog.PrimaryKey;
import io.strom.planner.catalog.ResolvedTable;
import io.strom.planner.catalog.TableSchema;
import io.strom.planner.catalog.WatermarkSpec;
import io.strom.planner.calcite.PlannerContext;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.operations.Operation;
import io.strom.planner.operations.OperationConverter;
import io.strom.sql.parser.StromSqlParser;
import io.strom.sql.parser.ddl.SqlComputedColumn;
import io.strom.sql.parser.ddl.SqlCreateTable;
import io.strom.sql.parser.ddl.SqlMetadataColumn;
import io.strom.sql.parser.ddl.SqlRegularColumn;
import io.strom.sql.parser.ddl.SqlTableColumn;
import io.strom.sql.parser.ddl.SqlTableConstraint;
import io.strom.sql.parser.ddl.SqlTableLike;
import io.strom.sql.parser.ddl.SqlWatermark;
import io.strom.types.LogicalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.TimestampType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Turns {@code CREATE TABLE} into a catalog table: column types with Flink's defaults, metadata
 * columns, the primary key (which makes its columns NOT NULL, as in Flink), the watermark, the
 * partition keys and the options, merged with a {@code LIKE} source table when one is given.
 */
public final class CreateTableConverter {
  /** Features whose LIKE entry cannot be OVERWRITING, as in Flink. */
  private static final Set<SqlTableLike.Feature> OVERWRITING_NOT_ALLOWED =
      EnumSet.of(
          SqlTableLike.Feature.ALL,
          SqlTableLike.Feature.CONSTRAINTS,
          SqlTableLike.Feature.PARTITIONS);

  private final CatalogManager catalogs;
  private final PlannerTypes types;
  private final FunctionCatalog functions;

  public CreateTableConverter(CatalogManager catalogs, PlannerTypes types, FunctionCatalog functions) {
    this.catalogs = catalogs;
    this.types = types;
    this.functions = functions;
  }

  public Operation.CreateTable convert(SqlCreateTable create) {
    ObjectIdentifier id = catalogs.qualify(create.name().names);
    TableLikeMerger merger =
        create.like().map(like -> new TableLikeMerger(like, source(like))).orElse(null);
    List<Column> columns = new ArrayList<>();
    for (SqlTableColumn column : create.columns()) {
      if (!(column instanceof SqlComputedColumn)) {
        columns.add(column(column));
      }
    }
    // Computed columns see the physical and metadata columns, the LIKE table's kept ones included;
    // they keep their declared position.
    List<Column> stored = List.copyOf(columns);
    List<Column> visible = new ArrayList<>();
    if (merger != null) {
      visible.addAll(merger.inheritedStoredColumns());
    }
    visible.addAll(stored);
    columns.clear();
    int next = 0;
    for (SqlTableColumn column : create.columns()) {
      columns.add(
          column instanceof SqlComputedColumn computed
              ? computed(computed, visible)
              : stored.get(next++));
    }
    PrimaryKey primaryKey = create.primaryKey().map(this::primaryKey).orElse(null);
    // The watermark may be on any column of the table, the LIKE table's included.
    List<Column> allColumns = merger == null ? columns : merger.mergeColumns(columns);
    WatermarkSpec watermark = create.watermark().map(w -> watermark(w, allColumns)).orElse(null);
    List<String> partitionKeys = new ArrayList<>();
    if (create.partitionKeys() != null) {
      for (SqlNode key : create.partitionKeys()) {
        partitionKeys.add(((SqlIdentifier) key).getSimple());
      }
    }
    Map<String, String> options = OperationConverter.options(create.options());
    CatalogTable table;
    if (merger != null) {
      table = merger.merge(columns, primaryKey, watermark, partitionKeys, options);
    } else {
      table = table(columns, primaryKey, watermark, partitionKeys, options, create);
    }
    table = new CatalogTable(table.schema(), table.partitionKeys(), table.options(),
        create.commentText().orElse(null));
    return new Operation.CreateTable(id, table, create.ifNotExists, create.isTemporary());
  }

  private CatalogTable source(SqlTableLike like) {
    ResolvedTable source =
        catalogs
            .resolve(like.source().names)
            .orElseThrow(
                () ->
                    new ValidationException(
                        like.source().getParserPosition(),
                        "Table '" + catalogs.qualify(like.source().names) + "' in LIKE does not exist"));
    if (!(source.table() instanceof CatalogTable table)) {
      throw new ValidationException(
          like.source().getParserPosition(), "LIKE needs a table, '" + source.identifier() + "' is a view");
    }
    return table;
  }

  static CatalogTable table(
      List<Column> columns,
      PrimaryKey primaryKey,
      WatermarkSpec watermark,
      List<String> partitionKeys,
      Map<String, String> options,
      SqlNode where) {
    List<Column> withKeyNotNull = new ArrayList<>();
    for (Column column : columns) {
      boolean inKey = primaryKey != null && primaryKey.columns().contains(column.name());
      if (inKey && !(column instanceof Column.Physical)) {
        throw new ValidationException(
            where.getParserPosition(),
            "Primary key column '" + column.name() + "' must be a physical column");
      }
      withKeyNotNull.add(inKey ? new Column.Physical(column.name(), column.type().copy(false), column.comment()) : column);
    }
    try {
      return new CatalogTable(
          new TableSchema(withKeyNotNull, watermark, primaryKey), partitionKeys, options, null);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(where.getParserPosition(), e.getMessage());
    }
  }

  private Column column(SqlTableColumn column) {
    String name = column.nameString();
    String comment = column.commentText().orElse(null);
    if (column instanceof SqlRegularColumn regular) {
      return new Column.Physical(name, DataTypeSpecs.toLogicalType(regular.type()), comment);
    }
    if (column instanceof SqlMetadataColumn metadata) {
      return new Column.Metadata(
          name,
          DataTypeSpecs.toLogicalType(metadata.type()),
          metadata.metadataKey().orElse(null),
          metadata.isVirtual(),
          comment);
    }
    throw new IllegalStateException("Bug: computed columns are converted separately");
  }

  /** The row of these columns, for validating expressions over them. */
  private RelDataType rowTypeOf(List<Column> columns) {
    RelDataTypeFactory factory = types.factory();
    List<RelDataType> fieldTypes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      fieldTypes.add(types.toRelType(c.type()));
      names.add(c.name());
    }
    return factory.createStructType(fieldTypes, names);
  }

  /** A computed column, its type derived from its expression over the stored columns. */
  private Column computed(SqlComputedColumn column, List<Column> stored) {
    String expression = StromSqlParser.toSql(column.expression());
    RelDataType input = rowTypeOf(stored);
    PlannerContext context = new PlannerContext(catalogs, types, functions.operatorTable());
    LogicalType type;
    try {
      type = types.toLogicalType(context.typeOf(expression, input));
    } catch (ValidationException e) {
      throw new ValidationException(
          column.getParserPosition(),
          "Computed column '" + column.nameString() + "': " + e.getMessage());
    }
    return new Column.Computed(
        column.nameString(), type, expression, column.commentText().orElse(null));
  }

  private PrimaryKey primaryKey(SqlTableConstraint constraint) {
    String name =
        constraint.name().map(SqlIdentifier::getSimple).orElse("PK_" + String.join("_", constraint.columnNames()));
    return new PrimaryKey(name, constraint.columnNames());
  }

  /**
   * The watermark, after checking its rowtime column: it must be TIMESTAMP(3) or
   * TIMESTAMP_LTZ(3), as in Flink. The column becomes the table's event-time attribute.
   */
  private WatermarkSpec watermark(SqlWatermark watermark, List<Column> columns) {
    String rowtime = watermark.eventTimeColumn().getSimple();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      if (!column.name().equals(rowtime)) {
        continue;
      }
      LogicalType type = column.type();
      boolean ok =
          (type instanceof TimestampType t && t.precision() <= 3)
              || (type instanceof LocalZonedTimestampType l && l.precision() <= 3);
      if (!ok) {
        throw new ValidationException(
            watermark.eventTimeColumn().getParserPosition(),
            "The rowtime column '" + rowtime + "' has type " + type.asSummaryString()
                + ", but must be TIMESTAMP(3) or TIMESTAMP_LTZ(3) (precision up to 3). CAST it in"
                + " a computed column if needed.");
      }
      String expression = StromSqlParser.toSql(watermark.strategy());
      LogicalType watermarkType;
      try {
        watermarkType = types.toLogicalType(
            new PlannerContext(catalogs, types, functions.operatorTable())
                .typeOf(expression, rowTypeOf(columns)));
      } catch (ValidationException e) {
        throw new ValidationException(
            watermark.strategy().getParserPosition(), "The watermark expression: " + e.getMessage());
      }
      if (!(watermarkType instanceof TimestampType) && !(watermarkType instanceof LocalZonedTimestampType)) {
        throw new ValidationException(
            watermark.strategy().getParserPosition(),
            "The watermark expression must return TIMESTAMP(3) or TIMESTAMP_LTZ(3), but returns "
                + watermarkType.asSummaryString());
      }
      return new WatermarkSpec(rowtime, expression);
    }
    throw new ValidationException(
        watermark.eventTimeColumn().getParserPosition(),
        "The rowtime column '" + rowtime + "' of the watermark is not a column of the table");
  }

  /** The strategy per feature of a LIKE clause, Flink's defaults first. */
  /**
   * How each feature of the LIKE table is merged, as Flink decides it: {@code INCLUDING ALL
   * OVERWRITING OPTIONS} by default; an {@code ALL} entry sets every feature, and the entries for
   * single features then refine it wherever they are written. Each feature may be named once, and
   * {@code OVERWRITING} does not apply to ALL, CONSTRAINTS or PARTITIONS.
   */
  static Map<SqlTableLike.Feature, SqlTableLike.Strategy> strategies(SqlTableLike like) {
    Map<SqlTableLike.Feature, SqlTableLike.Strategy> result = new EnumMap<>(SqlTableLike.Feature.class);
    for (SqlTableLike.Feature f : SqlTableLike.Feature.values()) {
      result.put(f, SqlTableLike.Strategy.INCLUDING);
    }
    result.put(SqlTableLike.Feature.OPTIONS, SqlTableLike.Strategy.OVERWRITING);
    Set<SqlTableLike.Feature> named = EnumSet.noneOf(SqlTableLike.Feature.class);
    for (SqlTableLike.LikeOption option : like.options()) {
      if (!named.add(option.feature())) {
        throw new ValidationException(
            like.getParserPosition(),
            "LIKE names " + option.feature() + " more than once; name each feature once");
      }
      if (option.strategy() == SqlTableLike.Strategy.OVERWRITING
          && OVERWRITING_NOT_ALLOWED.contains(option.feature())) {
        throw new ValidationException(
            like.getParserPosition(),
            "OVERWRITING " + option.feature() + " is not allowed: " + option.feature()
                + " can only be included or excluded");
      }
      if (option.feature() == SqlTableLike.Feature.ALL) {
        for (SqlTableLike.Feature f : SqlTableLike.Feature.values()) {
          result.put(f, option.strategy());
        }
      }
    }
    for (SqlTableLike.LikeOption option : like.options()) {
      if (option.feature() != SqlTableLike.Feature.ALL) {
        result.put(option.feature(), option.strategy());
      }
    }
    return result;
  }
}
