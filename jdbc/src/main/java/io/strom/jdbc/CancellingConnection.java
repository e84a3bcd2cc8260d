package io.strom.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * Wraps a gateway connection so that {@code Statement.cancel()} stops the query on the gateway.
 * Avatica's protocol has no cancel request, and a reader blocked in {@code ResultSet.next()} waits
 * on the gateway; so cancel also sends {@code CANCEL STATEMENT <id>} on a statement of its own,
 * which the gateway runs at once, stopping the query's job and ending the blocked read with an
 * error.
 */
final class CancellingConnection implements InvocationHandler {
  private final Connection connection;

  private CancellingConnection(Connection connection) {
    this.connection = connection;
  }

  static Connection wrap(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            CancellingConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new CancellingConnection(connection));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object result = call(connection, method, args);
    if (method.getName().equals("createStatement") && result instanceof Statement statement) {
      return Proxy.newProxyInstance(
          CancellingConnection.class.getClassLoader(),
          new Class<?>[] {Statement.class},
          new CancellingStatement(statement, connection, (Connection) proxy));
    }
    return result;
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A statement whose {@code cancel()} reaches the gateway. */
  private record CancellingStatement(Statement statement, Connection connection, Connection proxy)
      implements InvocationHandler {

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "cancel" -> {
          cancel();
          return null;
        }
        case "getConnection" -> {
          return proxy;
        }
        default -> {
          return call(statement, method, args);
        }
      }
    }

    private void cancel() throws SQLException {
      // The gateway first: Avatica's own cancel waits for the statement's lock, which a
      // statement still executing (a bounded insert) holds until the gateway ends it.
      int id = statement.unwrap(AvaticaStatement.class).getId();
      try (Statement side = connection.createStatement()) {
        side.execute("CANCEL STATEMENT " + id);
      }
      statement.cancel();
    }
  }
}
