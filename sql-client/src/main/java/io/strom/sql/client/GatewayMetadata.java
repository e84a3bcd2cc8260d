package io.strom.sql.client;

import io.strom.data.Row;
import io.strom.planner.config.KnownOptions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Completion's view of a gateway session, read through JDBC's metadata calls. */
final class GatewayMetadata implements SessionMetadata {
  private final GatewayBackend backend;
  private final Connection connection;
  private List<String> functions;

  GatewayMetadata(GatewayBackend backend, Connection connection) {
    this.backend = backend;
    this.connection = connection;
  }

  /** Reads one column of a metadata result; a failure gives an empty list (never an error). */
  private interface Lookup {
    ResultSet run(DatabaseMetaData metadata) throws SQLException;
  }

  private List<String> column(Lookup lookup, String column) {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = lookup.run(connection.getMetaData())) {
      while (rows.next()) {
        values.add(rows.getString(column));
      }
    } catch (SQLException | RuntimeException e) {
      return List.of();
    }
    return values;
  }

  @Override
  public List<String> catalogs() {
    return column(DatabaseMetaData::getCatalogs, "TABLE_CAT");
  }

  @Override
  public List<String> databases(String catalog) {
    return column(m -> m.getSchemas(catalog, null), "TABLE_SCHEM");
  }

  @Override
  public List<String> tables() {
    try {
      return tables(connection.getCatalog(), connection.getSchema());
    } catch (SQLException e) {
      return List.of();
    }
  }

  @Override
  public List<String> tables(String catalog, String database) {
    return column(m -> m.getTables(catalog, database, null, null), "TABLE_NAME");
  }

  @Override
  public List<String> columns(List<String> tableName) {
    if (tableName.isEmpty() || tableName.size() > 3) {
      return List.of();
    }
    String table = tableName.get(tableName.size() - 1);
    String database = tableName.size() >= 2 ? tableName.get(tableName.size() - 2) : null;
    String catalog = tableName.size() == 3 ? tableName.get(0) : null;
    return column(m -> m.getColumns(catalog, database, table, null), "COLUMN_NAME");
  }

  @Override
  public List<String> functions() {
    if (functions == null) {
      functions = new ArrayList<>();
      try {
        for (Row row : backend.execute("SHOW FUNCTIONS").rows()) {
          functions.add(row.getString(0).toString());
        }
      } catch (RuntimeException e) {
        return List.of();
      }
    }
    return functions;
  }

  void refresh() {
    functions = null;
  }

  @Override
  public List<String> optionKeys() {
    List<String> keys = new ArrayList<>();
    KnownOptions.of(SqlClientOptions.class).all().forEach(option -> keys.add(option.key()));
    return keys;
  }
}
