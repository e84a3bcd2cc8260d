package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.await;
import static io.strom.planner.connectors.KafkaSqlTesting.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.planner.session.SqlSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the Kafka walkthrough of the main README as written, against the test broker: its
 * records, its statements (the blocks after the {@code kafka-walkthrough:*} markers), and its
 * windowed result. Only the broker's address and the topic names change, so the walkthrough's
 * topics do not meet other tests' on the shared broker.
 */
class KafkaWalkthroughSqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private static final Path README = Path.of("..", "README.md");
  private static final String README_BROKER = "127.0.0.1:9092";

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  /** The fenced block that follows the marker {@code <!-- kafka-walkthrough:name ... -->}. */
  private static String block(String readme, String name) {
    int marker = readme.indexOf("<!-- kafka-walkthrough:" + name);
    assertThat(marker).as("README.md has the walkthrough marker '%s'", name).isNotNegative();
    int open = readme.indexOf("```", marker);
    int start = readme.indexOf('\n', open) + 1;
    int end = readme.indexOf("```", start);
    return readme.substring(start, end);
  }

  /** The statements of a SQL block, each ending with a semicolon at the end of a line. */
  private static List<String> statements(String sql) {
    return Arrays.stream(sql.split(";\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void readmeWalkthroughCountsClicksPerUserAndMinute() throws Exception {
    String readme = Files.readString(README);
    String clicks = BROKER.newTopic("walkthrough-clicks", 1);
    String perMinute = BROKER.newTopic("walkthrough-clicks-per-minute", 1);
    BROKER.produceValues(clicks, 0, block(readme, "records").strip().split("\n"));

    for (String statement : statements(block(readme, "sql"))) {
      session.execute(statement
          .replace(README_BROKER, BROKER.bootstrapServers())
          .replace("'topic' = 'clicks_per_minute'", "'topic' = '" + perMinute + "'")
          .replace("'topic' = 'clicks'", "'topic' = '" + clicks + "'"));
    }

    await("the first minute's window is written", () -> BROKER.readValues(perMinute, false).size() >= 2);
    assertThat(BROKER.readValues(perMinute, false)).containsExactlyInAnyOrder(
        "{\"window_start\":\"2024-01-01 10:00:00\",\"window_end\":\"2024-01-01 10:01:00\","
            + "\"user_name\":\"alice\",\"clicks\":2}",
        "{\"window_start\":\"2024-01-01 10:00:00\",\"window_end\":\"2024-01-01 10:01:00\","
            + "\"user_name\":\"bob\",\"clicks\":1}");

    // The shell's query runs until Ctrl-C; bounded at the topic's end it returns what it shows.
    session.execute("ALTER TABLE clicks_per_minute SET ('scan.bounded.mode' = 'latest-offset')");
    List<String> readBack = statements(block(readme, "read"));
    assertThat(readBack).hasSize(1);
    assertThat(rows(session.execute(readBack.get(0))))
        .containsExactlyInAnyOrder("+I[alice, 2]", "+I[bob, 1]");
  }
}
