package io.strom.format.json;

import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.connector.DecoderContext;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.data.GenericConverter;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.serde.DataOutputSerializer;
import io.strom.types.RowType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRowDecoderTest {
  private static final RowType TYPE = ROW(FIELD("id", BIGINT()), FIELD("n", INT()),
      FIELD("name", STRING()), FIELD("ok", BOOLEAN()), FIELD("ts", TIMESTAMP(3)));
  private final MetricRegistry metrics = new MetricRegistry();

  private List<String> decode(RowType type, Map<String, String> options, String... records)
      throws RowDecodeException {
    RowDecoder decoder = new JsonFormatFactory().createDecoder(type, ReadableOptions.of(options, "format 'json'"));
    decoder.open(new DecoderContext(metrics.group("t")));
    List<String> rows = new ArrayList<>();
    for (String record : records) {
      byte[] bytes = ("  " + record + " ").getBytes(StandardCharsets.UTF_8);
      decoder.decode(bytes, 2, bytes.length - 3, row -> rows.add(GenericConverter.format(row, type)));
    }
    return rows;
  }

  @Test
  void findsFieldsByNameInAnyOrderAndSkipsUnknownOnes() throws Exception {
    assertThat(decode(TYPE, Map.of(),
        "{\"ts\":\"2024-01-02 03:04:05.6\",\"extra\":{\"a\":[1,{\"b\":2}]},\"name\":\"x\",\"id\":7,\"n\":\"42\",\"ok\":\"TRUE\"}",
        "{\"id\":8}", ""))
        .containsExactly("+I[7, 42, x, true, 2024-01-02T03:04:05.600]", "+I[8, null, null, null, null]");
  }

  @Test
  void fractionIntoAnIntegerColumnIsAnErrorNotATruncation() {
    assertThatThrownBy(() -> decode(TYPE, Map.of(), "{\"n\":1.5}"))
        .isInstanceOf(RowDecodeException.class)
        .hasMessage("field 'n' expects INT but got 1.5");
    assertThatThrownBy(() -> decode(TYPE, Map.of(), "{\"n\":3000000000}"))
        .hasMessage("field 'n' expects INT but got 3000000000, which is out of range");
    assertThatThrownBy(() -> decode(TYPE, Map.of(), "{\"id\":99999999999999999999}"))
        .hasMessage("field 'id' expects BIGINT but got 99999999999999999999");
    assertThatThrownBy(() -> decode(TYPE, Map.of(), "{\"ok\":1}"))
        .hasMessage("field 'ok' expects BOOLEAN but got 1");
  }

  @Test
  void malformedJsonAndNonObjectsAreErrors() {
    assertThatThrownBy(() -> decode(TYPE, Map.of(), "{\"id\":"))
        .hasMessageStartingWith("malformed JSON: ");
    assertThatThrownBy(() -> decode(TYPE, Map.of(), "[1,2]"))
        .hasMessage("expected a JSON object but got an array");
    assertThatThrownBy(() -> decode(TYPE, Map.of(), "{\"id\":1} {\"id\":2}"))
        .hasMessage("unexpected an object after the JSON object");
  }

  @Test
  void failOnMissingFieldNamesTheNestedPath() {
    RowType nested = ROW(FIELD("a", ROW(FIELD("b", INT()))));
    assertThatThrownBy(() -> decode(nested, Map.of("fail-on-missing-field", "true"), "{\"a\":{}}"))
        .hasMessage("field 'a.b' is missing");
  }

  @Test
  void ignoredErrorsAreCountedNotEmitted() throws Exception {
    assertThat(decode(TYPE, Map.of("ignore-parse-errors", "true"), "{\"n\":1.5}", "nope", "{\"n\":2}"))
        .containsExactly("+I[null, 2, null, null, null]");
    assertThat(metrics.value("t", DecoderContext.DROPPED_RECORDS_METRIC)).isEqualTo(2L);
  }

  @Test
  void failOnMissingFieldAndIgnoreParseErrorsExcludeEachOther() {
    assertThatThrownBy(() -> decode(TYPE, Map.of("fail-on-missing-field", "true", "ignore-parse-errors", "true")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("Options 'fail-on-missing-field' and 'ignore-parse-errors' cannot both be true");
  }

  @Test
  void mapNullKeysFollowTheConfiguredMode() throws Exception {
    RowType type = ROW(FIELD("m", MAP(STRING(), INT())));
    Map<Object, Object> entries = new HashMap<>();
    entries.put(null, 1);
    GenericRow row = GenericRow.of(new GenericMap(entries));
    assertThatThrownBy(() -> encode(type, Map.of(), row))
        .hasMessageContaining("set 'json.map-null-key.mode' to 'DROP' or 'LITERAL'");
    assertThat(encode(type, Map.of("map-null-key.mode", "DROP"), row)).isEqualTo("{\"m\":{}}");
    assertThat(encode(type, Map.of("map-null-key.mode", "LITERAL", "map-null-key.literal", "nil"), row))
        .isEqualTo("{\"m\":{\"nil\":1}}");
  }

  @Test
  void decimalsCanBeWrittenAsPlainNumbersAndNullFieldsLeftOut() throws Exception {
    RowType type = ROW(FIELD("d", DECIMAL(20, 12)), FIELD("s", STRING()));
    GenericRow row = GenericRow.of(new java.math.BigDecimal("0.000000000027"), null);
    assertThat(encode(type, Map.of(), row)).isEqualTo("{\"d\":2.7E-11,\"s\":null}");
    assertThat(encode(type, Map.of("encode.decimal-as-plain-number", "true",
        "encode.ignore-null-fields", "true"), row)).isEqualTo("{\"d\":0.000000000027}");
  }

  private static String encode(RowType type, Map<String, String> options, GenericRow row) throws Exception {
    RowEncoder encoder = new JsonFormatFactory().createEncoder(type, ReadableOptions.of(options, "format 'json'"));
    DataOutputSerializer out = new DataOutputSerializer(64);
    encoder.encode(row, out);
    return new String(out.buffer(), 0, out.length(), StandardCharsets.UTF_8);
  }
}
