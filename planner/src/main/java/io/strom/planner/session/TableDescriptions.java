package io.strom.planner.session;

import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.planner.ValidationException;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.CatalogView;
import io.strom.planner.catalog.Column;
import io.strom.planner.catalog.PrimaryKey;
import io.strom.planner.catalog.ResolvedTable;
import io.strom.planner.catalog.TableSchema;
import io.strom.planner.catalog.WatermarkSpec;
import io.strom.types.BinaryType;
import io.strom.types.CharType;
import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The text of {@code DESCRIBE} and {@code SHOW CREATE TABLE|VIEW}, in Flink's layout. */
final class TableDescriptions {
  private TableDescriptions() {}

  /** One row per column: name, type, null, key, extras, watermark. */
  static StatementResult describe(ResolvedTable table) {
    TableSchema schema = table.table().schema();
    PrimaryKey key = schema.primaryKey();
    WatermarkSpec watermark = schema.watermark();
    List<Row> rows = new ArrayList<>();
    for (Column column : schema.columns()) {
      boolean rowtime = watermark != null && watermark.rowtimeColumn().equals(column.name());
      String type = column.type().asSummaryString() + (rowtime ? " *ROWTIME*" : "");
      String keyText =
          key != null && key.columns().contains(column.name())
              ? "PRI(" + String.join(", ", key.columns()) + ")"
              : null;
      rows.add(
          GenericRow.of(
              column.name(),
              type,
              column.type().nullable(),
              keyText,
              extras(column),
              rowtime ? watermark.expression() : null));
    }
    RowType schemaOfResult =
        DataTypes.ROW(
            DataTypes.FIELD("name", DataTypes.STRING().copy(false)),
            DataTypes.FIELD("type", DataTypes.STRING().copy(false)),
            DataTypes.FIELD("null", DataTypes.BOOLEAN().copy(false)),
            DataTypes.FIELD("key", DataTypes.STRING()),
            DataTypes.FIELD("extras", DataTypes.STRING()),
            DataTypes.FIELD("watermark", DataTypes.STRING()));
    return StatementResult.table(schemaOfResult, rows);
  }

  private static String extras(Column column) {
    if (column instanceof Column.Computed computed) {
      return "AS " + computed.expression();
    }
    if (column instanceof Column.Metadata metadata) {
      return "METADATA"
          + (metadata.key() == null ? "" : " FROM '" + metadata.key() + "'")
          + (metadata.virtual() ? " VIRTUAL" : "");
    }
    return null;
  }

  /** A {@code CREATE} statement that recreates the table or view. */
  static String createStatement(ResolvedTable table) {
    StringBuilder sql = new StringBuilder();
    String name = quoted(table.identifier().catalog()) + "." + quoted(table.identifier().database())
        + "." + quoted(table.identifier().name());
    if (table.table() instanceof CatalogView view) {
      sql.append("CREATE ").append(table.temporary() ? "TEMPORARY " : "").append("VIEW ")
          .append(name).append(" (")
          .append(view.schema().columnNames().stream().map(TableDescriptions::quoted)
              .collect(Collectors.joining(", ")))
          .append(")");
      if (view.comment() != null) {
        sql.append(" COMMENT ").append(literal(view.comment()));
      }
      sql.append(" AS\n").append(view.expandedQuery()).append('\n');
      return sql.toString();
    }
    CatalogTable catalogTable = (CatalogTable) table.table();
    TableSchema schema = catalogTable.schema();
    List<String> lines = new ArrayList<>();
    for (Column column : schema.columns()) {
      lines.add("  " + columnDefinition(column));
    }
    if (schema.watermark() != null) {
      lines.add("  WATERMARK FOR " + quoted(schema.watermark().rowtimeColumn()) + " AS "
          + schema.watermark().expression());
    }
    if (schema.primaryKey() != null) {
      lines.add("  CONSTRAINT " + quoted(schema.primaryKey().name()) + " PRIMARY KEY ("
          + schema.primaryKey().columns().stream().map(TableDescriptions::quoted)
              .collect(Collectors.joining(", "))
          + ") NOT ENFORCED");
    }
    sql.append("CREATE ").append(table.temporary() ? "TEMPORARY " : "").append("TABLE ")
        .append(name).append(" (\n").append(String.join(",\n", lines)).append("\n)");
    if (catalogTable.comment() != null) {
      sql.append(" COMMENT ").append(literal(catalogTable.comment()));
    }
    sql.append('\n');
    if (!catalogTable.partitionKeys().isEmpty()) {
      sql.append("PARTITIONED BY (")
          .append(catalogTable.partitionKeys().stream().map(TableDescriptions::quoted)
              .collect(Collectors.joining(", ")))
          .append(")\n");
    }
    sql.append("WITH (\n");
    List<String> options = new ArrayList<>();
    for (Map.Entry<String, String> e : catalogTable.options().entrySet()) {
      options.add("  " + literal(e.getKey()) + " = " + literal(e.getValue()));
    }
    sql.append(String.join(",\n", options)).append("\n)\n");
    return sql.toString();
  }

  private static String columnDefinition(Column column) {
    String def = quoted(column.name()) + " ";
    if (column instanceof Column.Computed computed) {
      def += "AS " + computed.expression();
    } else {
      if (hasEmptyLiteralType(column.type())) {
        throw new ValidationException(
            "Column '" + column.name() + "' has type " + column.type().asSummaryString()
                + ", the type of an empty literal, which has no DDL form (a declared length starts"
                + " at 1), so SHOW CREATE TABLE cannot print the table. CAST the value to STRING"
                + " or BYTES in the query that creates the table.");
      }
      def += column.type().asSummaryString();
      if (column instanceof Column.Metadata metadata) {
        def += " METADATA" + (metadata.key() == null ? "" : " FROM " + literal(metadata.key()))
            + (metadata.virtual() ? " VIRTUAL" : "");
      }
    }
    if (column.comment() != null) {
      def += " COMMENT " + literal(column.comment());
    }
    return def;
  }

  /**
   * Whether {@code type} is, or holds, the zero-length CHAR(0) or BINARY(0) of the literals ''
   * and X'': Flink too keeps them as column types of CREATE TABLE AS, but cannot write them as DDL.
   */
  private static boolean hasEmptyLiteralType(LogicalType type) {
    if (type instanceof CharType c && c.length() == CharType.EMPTY_LITERAL_LENGTH
        || type instanceof BinaryType b && b.length() == BinaryType.EMPTY_LITERAL_LENGTH) {
      return true;
    }
    for (LogicalType child : type.children()) {
      if (hasEmptyLiteralType(child)) {
        return true;
      }
    }
    return false;
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
