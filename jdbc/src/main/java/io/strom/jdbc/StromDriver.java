package io.strom.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.remote.Driver;

/**
 * The JDBC driver for Strom's SQL gateway: {@code jdbc:strom://host:port}, optionally followed by
 * {@code ?key=value&...} with Avatica's connection properties. It speaks Avatica's protocol
 * (protobuf over HTTP); {@code Statement.cancel()} also tells the gateway to stop the query.
 */
public class StromDriver extends Driver {
  public static final String PREFIX = "jdbc:strom:";

  static {
    new StromDriver().register();
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  /** Also accepts {@code jdbc:strom:url=http://...;...}, Avatica's own form of properties. */
  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    String properties = url.startsWith(PREFIX + "//") ? PREFIX + toAvatica(url) : url;
    Connection connection = super.connect(properties, info);
    return connection == null ? null : CancellingConnection.wrap(connection);
  }

  /** {@code jdbc:strom://h:p?a=b} as Avatica's properties: {@code url=http://h:p;...;a=b}. */
  static String toAvatica(String url) {
    String rest = url.substring((PREFIX + "//").length());
    int query = rest.indexOf('?');
    String hostPort = query < 0 ? rest : rest.substring(0, query);
    if (hostPort.endsWith("/")) {
      hostPort = hostPort.substring(0, hostPort.length() - 1);
    }
    if (hostPort.isEmpty()) {
      throw new IllegalArgumentException("A Strom URL names the gateway: jdbc:strom://host:port");
    }
    StringBuilder properties =
        new StringBuilder("url=http://").append(hostPort).append(";serialization=PROTOBUF");
    if (query >= 0) {
      for (String pair : rest.substring(query + 1).split("&")) {
        if (!pair.isEmpty()) {
          properties.append(';').append(pair);
        }
      }
    }
    return properties.toString();
  }
}
