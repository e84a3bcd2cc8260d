package io.strom.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StromDriverTest {

  @Test
  void stromUrlBecomesAvaticaPropertiesOverProtobuf() {
    assertThat(StromDriver.toAvatica("jdbc:strom://db.example:8765"))
        .isEqualTo("url=http://db.example:8765;serialization=PROTOBUF");
    assertThat(StromDriver.toAvatica("jdbc:strom://h:1/?http_response_timeout=60000&a=b"))
        .isEqualTo("url=http://h:1;serialization=PROTOBUF;http_response_timeout=60000;a=b");
  }

  @Test
  void acceptsOnlyStromUrlsAndRegistersItself() throws SQLException {
    StromDriver driver = new StromDriver();
    assertThat(driver.acceptsURL("jdbc:strom://h:1")).isTrue();
    assertThat(driver.acceptsURL("jdbc:avatica:remote:url=http://h:1")).isFalse();
    assertThat(DriverManager.getDriver("jdbc:strom://h:1")).isInstanceOf(StromDriver.class);
  }

  @Test
  void urlWithoutAGatewayIsRefused() {
    assertThatThrownBy(() -> StromDriver.toAvatica("jdbc:strom://"))
        .hasMessageContaining("jdbc:strom://host:port");
  }
}
