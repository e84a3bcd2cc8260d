package io.strom.format.raw;

import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.format.FormatTesting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawFormatTest {
  @Test
  void stringColumnRoundTripsInItsCharset() throws Exception {
    FormatTesting raw = new FormatTesting(
        new RawFormatFactory(), ROW(FIELD("line", STRING())), Map.of("charset", "ISO-8859-1"));
    List<byte[]> records = raw.encode(List.of(GenericRow.of(StringData.fromString("blåbær"))));

    assertThat(records.get(0)).isEqualTo("blåbær".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(raw.decode(records)).containsExactly("+I[blåbær]");
  }

  @Test
  void bytesColumnTakesTheRecordAsItIsAndNullIsAnEmptyRecord() throws Exception {
    FormatTesting raw = new FormatTesting(new RawFormatFactory(), ROW(FIELD("b", BYTES())), Map.of());
    GenericRow nothing = new GenericRow(1);
    List<byte[]> records = raw.encode(List.of(GenericRow.of((Object) new byte[] {0, -1}), nothing));

    assertThat(records.get(0)).containsExactly(0, -1);
    assertThat(records.get(1)).isEmpty();
    assertThat(raw.decode(List.of(new byte[] {5}))).containsExactly("+I[[5]]");
  }

  @Test
  void needsExactlyOneStringOrBytesColumn() {
    assertThatThrownBy(() -> new FormatTesting(new RawFormatFactory(),
            ROW(FIELD("a", STRING()), FIELD("b", INT())), Map.of()).decode(List.of()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("exactly one column of type STRING or BYTES");
    assertThatThrownBy(() -> new FormatTesting(new RawFormatFactory(),
            ROW(FIELD("a", STRING())), Map.of("charset", "no-such")).decode(List.of()))
        .hasMessageContaining("no-such");
  }
}
