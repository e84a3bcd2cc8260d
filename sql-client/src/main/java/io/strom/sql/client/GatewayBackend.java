package io.strom.sql.client;

import io.strom.configuration.Configuration;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.planner.ValidationException;
import io.strom.planner.session.StatementResult;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A session on a SQL gateway, reached through Strom's JDBC driver. Values arrive as text; the
 * rows of a running query arrive with their change kinds (the gateway's {@code op} column).
 * Cancelling a running query tells the gateway to stop it.
 */
final class GatewayBackend implements ShellBackend {
  /** How the gateway marks the column of change kinds in a running query's result. */
  static final String CHANGE_KIND_TYPE = "CHANGE_KIND";
  private static final Pattern POSITION = Pattern.compile("At line (\\d+), column (\\d+): (.*)", Pattern.DOTALL);

  private final Connection connection;
  private final GatewayMetadata metadata;
  private volatile Statement running;

  GatewayBackend(String hostPort, String user, String password) throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
      properties.setProperty("password", password == null ? "" : password);
    }
    this.connection = DriverManager.getConnection("jdbc:strom://" + hostPort, properties);
    this.metadata = new GatewayMetadata(this, connection);
  }

  @Override
  public void executeScript(String script, Consumer<ShellResult> onResult) {
    for (String statement : StatementBuffer.split(script)) {
      onResult.accept(execute(statement));
    }
  }

  @Override
  public ShellResult execute(String sql) {
    Statement statement = null;
    try {
      statement = connection.createStatement();
      running = statement;
      if (!statement.execute(sql)) {
        statement.close();
        return new ShellResult(StatementResult.Kind.SUCCESS, DataTypes.ROW(), List.of(), null);
      }
      ResultSet rows = statement.getResultSet();
      ResultSetMetaData columns = rows.getMetaData();
      boolean changes =
          columns.getColumnCount() > 0 && CHANGE_KIND_TYPE.equals(columns.getColumnTypeName(1));
      RowType schema = schema(columns, changes ? 1 : 0);
      if (changes) {
        return new ShellResult(
            StatementResult.Kind.STREAMING, schema, List.of(), new GatewayRows(statement, rows, schema));
      }
      List<Row> table = new ArrayList<>();
      while (rows.next()) {
        table.add(row(rows, RowKind.INSERT, schema, 0));
      }
      statement.close();
      return new ShellResult(StatementResult.Kind.SUCCESS_WITH_CONTENT, schema, table, null);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(statement);
      throw userError(e);
    } finally {
      running = null;
    }
  }

  private static RowType schema(ResultSetMetaData columns, int skip) throws SQLException {
    List<RowType.RowField> fields = new ArrayList<>();
    for (int i = 1 + skip; i <= columns.getColumnCount(); i++) {
      fields.add(DataTypes.FIELD(columns.getColumnLabel(i), DataTypes.STRING()));
    }
    return DataTypes.ROW(fields);
  }

  /** The row at the result set's cursor, its values from column {@code skip + 1} on. */
  static Row row(ResultSet rows, RowKind kind, RowType schema, int skip) throws SQLException {
    Object[] values = new Object[schema.fields().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.getString(i + 1 + skip);
    }
    return GenericRow.ofKind(kind, values);
  }

  /**
   * The gateway's message without the layers of the JDBC client around it, as a user error (with
   * the line and column of the statement when the message gives them).
   */
  static ValidationException userError(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int remote = message.indexOf("Remote driver error: ");
    if (remote >= 0) {
      message = message.substring(remote + "Remote driver error: ".length());
      message = message.replaceFirst("^[A-Za-z.]*(Exception|Error): ", "");
      int code = message.lastIndexOf(". Error -1");
      message = code >= 0 ? message.substring(0, code) : message;
    } else if (e.getCause() instanceof java.net.ConnectException) {
      message = "The gateway cannot be reached: " + e.getCause().getMessage();
    }
    Matcher position = POSITION.matcher(message);
    if (position.matches()) {
      return new ValidationException(
          new SqlParserPos(Integer.parseInt(position.group(1)), Integer.parseInt(position.group(2))),
          position.group(3));
    }
    return new ValidationException(message);
  }

  @Override
  public Configuration settings() {
    Map<String, String> values = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SET")) {
      while (rows.next()) {
        values.put(rows.getString(1), rows.getString(2));
      }
    } catch (SQLException e) {
      throw userError(e);
    }
    return Configuration.fromMap(values);
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  @Override
  public void statementRan() {
    metadata.refresh();
  }

  @Override
  public void cancelRunning() {
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        // The statement ended meanwhile; there is nothing left to cancel.
      }
    }
  }

  private static void closeQuietly(Statement statement) {
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        // Closing after a failure: the failure is what the person needs to see.
      }
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
