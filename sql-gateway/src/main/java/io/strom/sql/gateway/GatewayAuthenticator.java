package io.strom.sql.gateway;

import io.strom.configuration.Configuration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether a connection may open a session: with {@code basic} authentication the JDBC
 * {@code user} and {@code password} must match a user of the configuration file.
 */
final class GatewayAuthenticator {
  private final GatewayOptions.Authentication type;
  private final Map<String, byte[]> passwords = new HashMap<>();

  GatewayAuthenticator(Configuration configuration) {
    this.type = configuration.get(GatewayOptions.AUTHENTICATION);
    String users = configuration.get(GatewayOptions.BASIC_USERS);
    if (type == GatewayOptions.Authentication.BASIC) {
      if (users == null || users.isBlank()) {
        throw new IllegalArgumentException(
            "'" + GatewayOptions.AUTHENTICATION.key() + "' is 'basic' but '"
                + GatewayOptions.BASIC_USERS.key() + "' lists no users; set it to"
                + " 'user:password,...'.");
      }
      for (String entry : users.split(",")) {
        int colon = entry.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException(
              "'" + GatewayOptions.BASIC_USERS.key() + "' has an entry without 'user:password': '"
                  + entry.strip() + "'");
        }
        passwords.put(
            entry.substring(0, colon).strip(),
            entry.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  boolean required() {
    return type == GatewayOptions.Authentication.BASIC;
  }

  /** @throws GatewayException when the user and password do not match */
  void check(String user, String password) {
    if (!required()) {
      return;
    }
    byte[] expected = user == null ? null : passwords.get(user);
    byte[] given = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
    // Compared in constant time, so the time taken does not tell how much of a guess was right.
    if (expected == null || !MessageDigest.isEqual(expected, given)) {
      throw new GatewayException(
          "Authentication failed for user '" + user + "': wrong user name or password");
    }
  }
}
