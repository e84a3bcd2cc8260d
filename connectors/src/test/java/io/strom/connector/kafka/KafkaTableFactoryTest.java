package io.strom.connector.kafka;

import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.STRING;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.connector.ConnectorTesting;
import io.strom.types.RowType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option validation of the kafka connector; no broker needed. */
class KafkaTableFactoryTest {
  private static final RowType ORDER = ROW(FIELD("id", BIGINT()), FIELD("item", STRING()));

  private static Map<String, String> options(String... pairs) {
    Map<String, String> options = new HashMap<>(Map.of(
        "connector", "kafka", "topic", "orders", "properties.bootstrap.servers", "127.0.0.1:1",
        "scan.startup.mode", "earliest-offset", "format", "json"));
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        options.remove(pairs[i]);
      } else {
        options.put(pairs[i], pairs[i + 1]);
      }
    }
    return options;
  }

  private static void assertSourceFails(Map<String, String> options, String... fragments) {
    assertThatThrownBy(() -> ConnectorTesting.source(ORDER, options))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void missingBootstrapServersIsNamed() {
    assertSourceFails(options("properties.bootstrap.servers", null),
        "Missing required options", "properties.bootstrap.servers");
  }

  @Test
  void missingValueFormatIsNamed() {
    assertSourceFails(options("format", null), "Missing required options", "value.format");
  }

  @Test
  void unknownOptionGetsASuggestionButClientPropertiesPass() {
    assertSourceFails(options("scan.startup.modes", "earliest-offset"),
        "Unsupported option 'scan.startup.modes'", "Did you mean 'scan.startup.mode'?");
    assertSourceFails(options("json.ignore-parse-error", "true"),
        "Unsupported option 'json.ignore-parse-error'", "json.ignore-parse-errors");
    ConnectorTesting.source(ORDER, options("properties.max.poll.records", "10"));
  }

  @Test
  void keyFormatOptionsCarryTheKeyPrefix() {
    ConnectorTesting.source(ORDER, options("key.format", "json", "key.fields", "id",
        "key.json.ignore-parse-errors", "true"));
    assertSourceFails(options("key.format", "json", "key.fields", "id",
        "key.csv.ignore-parse-errors", "true"), "Unsupported option 'key.csv.ignore-parse-errors'");
  }

  @Test
  void modesNeedTheirCompanionOptions() {
    assertSourceFails(options("scan.startup.mode", "timestamp"), "scan.startup.timestamp-millis");
    assertSourceFails(options("scan.startup.mode", "specific-offsets"), "scan.startup.specific-offsets");
    assertSourceFails(options("scan.startup.mode", "specific-offsets",
        "scan.startup.specific-offsets", "partition:0;offset:1"), "partition:<n>,offset:<n>");
    assertSourceFails(options("scan.startup.mode", null), "group-offsets", "properties.group.id");
    assertSourceFails(options("scan.startup.mode", "sometime"), "Invalid value 'sometime'");
  }

  @Test
  void topicAndPatternExcludeEachOther() {
    assertSourceFails(options("topic-pattern", "o.*"), "exactly one of 'topic'");
    assertSourceFails(options("topic", null), "exactly one of 'topic'");
  }

  @Test
  void keyFieldsMustNameColumnsAndComeWithAKeyFormat() {
    assertSourceFails(options("key.format", "json", "key.fields", "nope"), "'nope'", "id, item");
    assertSourceFails(options("key.fields", "id"), "'key.fields' needs 'key.format'");
    assertSourceFails(options("key.format", "json", "key.fields", "id", "key.fields-prefix", "k_",
        "value.fields-include", "EXCEPT_KEY"), "does not start with 'key.fields-prefix'");
  }
}
