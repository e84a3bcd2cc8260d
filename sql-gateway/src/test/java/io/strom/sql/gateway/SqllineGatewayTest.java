package io.strom.sql.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/** sqlline, a JDBC shell nobody wrote for Strom, runs a script against the gateway. */
@Timeout(120)
class SqllineGatewayTest {
  @TempDir Path dir;

  @Test
  void runsAScriptOfDdlQueriesAndSettings() throws Exception {
    try (GatewayServer gateway = GatewayServer.start(GatewayTestSupport.configuration())) {
      Path script = dir.resolve("script.sql");
      Files.writeString(
          script,
          String.join(
              "\n",
              "CREATE TABLE orders (id BIGINT, product STRING) WITH ('connector' = 'datagen',",
              "  'number-of-rows' = '4', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',",
              "  'fields.id.end' = '4', 'fields.product.length' = '5');",
              "SELECT id * 100 AS hundreds FROM orders WHERE id >= 3;",
              "SELECT id % 2 AS parity, COUNT(*) AS c FROM orders GROUP BY id % 2;",
              "SHOW TABLES;",
              "!tables",
              ""));
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      SqlLine sqlline = new SqlLine();
      sqlline.setOutputStream(output);
      sqlline.setErrorStream(output);
      SqlLine.Status status =
          sqlline.begin(
              new String[] {
                "-u", GatewayTestSupport.url(gateway), "-n", "anyone", "-p", "",
                "--outputformat=csv", "--silent=true", "-f", script.toString()
              },
              new ByteArrayInputStream(new byte[0]),
              false);
      String shown = output.toString(StandardCharsets.UTF_8);
      assertThat(status).as(shown).isEqualTo(SqlLine.Status.OK);
      assertThat(shown)
          .contains("'hundreds'")
          .contains("'300'")
          .contains("'400'")
          .contains("'parity','c'")
          .contains("'0','2'")
          .contains("'1','2'")
          .contains("'orders'")
          .doesNotContain("Error");
    }
  }
}
