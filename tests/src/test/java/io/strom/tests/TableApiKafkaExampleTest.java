package io.strom.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.examples.TableApiKafkaExample;
import io.strom.table.api.TableEnvironment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Runs the Table API Kafka example against a real in-process broker: JSON orders in, one JSON
 * total per product and minute out, checked against totals worked out here.
 */
class TableApiKafkaExampleTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final DateTimeFormatter ORDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 9, 0);
  private static final String[] PRODUCTS = {"apples", "bananas", "cherries"};

  /** 36 orders, one every five seconds from 09:00:05 to 09:03:00, over two partitions. */
  private static final int ORDERS = 36;

  @Test
  void writesEachMinutesTotalsPerProductOnceTheWatermarkPassesIt() throws Exception {
    String input = BROKER.newTopic("table-api-orders", 2);
    String output = BROKER.newTopic("table-api-product-sales", 1);
    List<TestRecord> records = new ArrayList<>();
    for (int id = 1; id <= ORDERS; id++) {
      records.add(TestRecord.of(id % 2, order(id, PRODUCTS[id % 3], amount(id), START.plusSeconds(5L * id))));
    }
    // A later order in each partition moves every subtask's watermark past 09:04, so all windows
    // of the orders above fire; the window of these two never does while the job runs.
    records.add(TestRecord.of(0, order(100, "apples", BigDecimal.ONE, START.plusMinutes(10))));
    records.add(TestRecord.of(1, order(101, "apples", BigDecimal.ONE, START.plusMinutes(10))));
    BROKER.produce(input, records);

    Map<String, String> expected = expectedTotals();
    try (TableEnvironment env = TableApiKafkaExample.environment(2)) {
      String jobId = TableApiKafkaExample.start(env, BROKER.bootstrapServers(), input, output);
      assertThat(jobId).isNotBlank();
      List<String> written = awaitValues(output, expected.size());
      assertThat(totals(written)).isEqualTo(expected);
      env.executeSql("STOP JOB '" + jobId + "'");
    }
  }

  private static BigDecimal amount(int id) {
    return BigDecimal.valueOf(id * 125L % 1000, 2).add(BigDecimal.ONE);
  }

  private static String order(int id, String product, BigDecimal amount, LocalDateTime time) {
    return "{\"order_id\": " + id + ", \"user_name\": \"user-" + id % 5 + "\", \"product\": \"" + product
        + "\", \"amount\": " + amount.toPlainString() + ", \"order_time\": \"" + ORDER_TIME.format(time)
        + "\"}";
  }

  /** {@code start|end|product} to {@code orders|total}, worked out from the orders produced. */
  private static Map<String, String> expectedTotals() {
    Map<String, List<Integer>> byKey = IntStream.rangeClosed(1, ORDERS).boxed()
        .collect(Collectors.groupingBy(id -> {
          LocalDateTime time = START.plusSeconds(5L * id);
          LocalDateTime windowStart = time.withSecond(0);
          return windowStart + "|" + windowStart.plusMinutes(1) + "|" + PRODUCTS[id % 3];
        }));
    Map<String, String> totals = new TreeMap<>();
    byKey.forEach((key, ids) -> totals.put(key, ids.size() + "|"
        + ids.stream().map(TableApiKafkaExampleTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
            .stripTrailingZeros().toPlainString()));
    return totals;
  }

  /** The records the example wrote, in the same {@code key -> orders|total} form. */
  private static Map<String, String> totals(List<String> written) throws Exception {
    Map<String, String> totals = new TreeMap<>();
    for (String value : written) {
      JsonNode row = JSON.readTree(value);
      String key = time(row.get("window_start")) + "|" + time(row.get("window_end")) + "|"
          + row.get("product").asText();
      String total = row.get("orders").asLong() + "|"
          + new BigDecimal(row.get("total").asText()).stripTrailingZeros().toPlainString();
      assertThat(totals.put(key, total)).as("a second record for " + key).isNull();
    }
    return totals;
  }

  private static LocalDateTime time(JsonNode text) {
    return LocalDateTime.parse(text.asText().replace(' ', 'T'));
  }

  /** The output topic's values once it holds {@code count} records; fails after 30 seconds. */
  private static List<String> awaitValues(String topic, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String> values = BROKER.readValues(topic, false);
    while (values.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Expected " + count + " records on " + topic + " but got " + values);
      }
      Thread.sleep(100);
      values = BROKER.readValues(topic, false);
    }
    return values;
  }
}
