package io.strom.planner.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.connector.nexmark.NexmarkConfig;
import io.strom.connector.nexmark.NexmarkGenerator;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import io.strom.sql.parser.StromSqlParser;
import io.strom.types.DecimalType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Nexmark DDL, views and query files of {@code benchmarks/src/main/resources/nexmark} over the
 * {@code nexmark} connector. Every query parses; the stateless ones run end to end, and their rows
 * equal those computed in Java straight from the generator, as do the final results of the
 * queries of q18 (deduplication) and q19 (Top-N).
 */
class NexmarkQueriesTest {
  private static final Path NEXMARK = Path.of("..", "benchmarks", "src", "main", "resources",
      "nexmark");
  private static final int EVENTS = 3000;
  /** 06:50 UTC: at one event a second the run spans the night/other-time boundary of q14. */
  private static final long BASE_TIME =
      Instant.parse("2024-03-01T06:50:00Z").toEpochMilli();
  private static final long SEED = 5;
  private static final NexmarkConfig CONFIG =
      new NexmarkConfig(1, 3, 46, 1, EVENTS, 2, 4, 4, 200, 500, 100, BASE_TIME, SEED);

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static String read(String file) throws IOException {
    return Files.readString(NEXMARK.resolve(file));
  }

  /** The DDL and views as shipped, then the table shrunk to a small, fixed run. */
  private void createTables() throws IOException {
    session.executeScript(read("ddl.sql"));
    session.executeScript(read("views.sql"));
    session.execute("ALTER TABLE datagen SET ('events.num' = '" + EVENTS
        + "', 'first-event.rate' = '1', 'next-event.rate' = '1', 'base-time' = '" + BASE_TIME
        + "', 'seed' = '" + SEED + "')");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
      21, 22})
  void everyQueryFileParses(int query) throws IOException {
    String script = read("queries/q" + query + ".sql");
    var statements = new StromSqlParser().parseScript(script);
    assertThat(statements).isNotEmpty();
    assertThat(StromSqlParser.toSql(statements.get(statements.size() - 1)))
        .startsWithIgnoringCase("INSERT INTO");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 14, 21, 22})
  void statelessQueryFilesRunToTheEndOfTheEvents(int query) throws IOException {
    createTables();
    List<StatementResult> results = session.executeScript(read("queries/q" + query + ".sql"));
    StatementResult insert = results.get(results.size() - 1);
    // A single insert reports its count as a message row: one string column.
    long written = Long.parseLong(insert.rows().get(0).getString(0).toString());
    long expected = switch (query) {
      case 0, 1, 22 -> bids().size();
      case 2 -> bids().stream().filter(b -> b.getLong(0) % 123 == 0).count();
      case 14 -> q14Expected().size();
      default -> q21Expected().size();
    };
    assertThat(written).isEqualTo(expected).isPositive();
  }

  @Test
  void q18KeepsTheLatestBidOfEachBidderOnEachAuction() throws IOException {
    createTables();
    session.execute("SET 'parallelism.default' = '1'");
    List<List<Object>> expected = q18Expected();
    assertThat(expected.size()).isLessThan(bids().size());
    List<List<Object>> actual = values(session.execute("SELECT auction, bidder, price, dateTime"
        + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction"
        + " ORDER BY dateTime DESC) AS rank_number FROM bid) WHERE rank_number <= 1"), true);
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void q19KeepsTheTenHighestBidsOfEachAuction() throws IOException {
    createTables();
    session.execute("SET 'parallelism.default' = '1'");
    List<List<Object>> expected = q19Expected();
    assertThat(expected).anyMatch(row -> row.get(3).equals(10L));
    List<List<Object>> actual = values(session.execute("SELECT auction, bidder, price,"
        + " rank_number FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction"
        + " ORDER BY price DESC) AS rank_number FROM bid) WHERE rank_number <= 10"), true);
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void viewsSplitTheEventsByKind() throws IOException {
    createTables();
    assertThat(session.execute("SELECT id FROM person").rows()).hasSize(EVENTS / 50);
    assertThat(session.execute("SELECT id FROM auction").rows()).hasSize(EVENTS / 50 * 3);
    assertThat(session.execute("SELECT auction FROM bid").rows()).hasSize(EVENTS / 50 * 46);
  }

  @Test
  void q0PassesEveryBidThrough() throws IOException {
    createTables();
    assertRows("SELECT auction, bidder, price, dateTime, extra FROM bid",
        bid -> List.of(bid.getLong(0), bid.getLong(1), bid.getLong(2), time(bid),
            bid.getString(6).toString()),
        bids());
  }

  @Test
  void q1ConvertsPricesToEuros() throws IOException {
    createTables();
    assertRows("SELECT auction, 0.908 * price AS price FROM bid",
        bid -> List.of(bid.getLong(0),
            new BigDecimal("0.908").multiply(BigDecimal.valueOf(bid.getLong(2))).toPlainString()),
        bids());
  }

  @Test
  void q2KeepsAuctionsThatAreMultiplesOf123() throws IOException {
    createTables();
    List<Row> sample = bids().stream().filter(b -> b.getLong(0) % 123 == 0).toList();
    assertThat(sample).isNotEmpty();
    assertRows("SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0",
        bid -> List.of(bid.getLong(0), bid.getLong(2)), sample);
  }

  @Test
  void q14LabelsTimesOfDayAndCountsCharacters() throws IOException {
    createTables();
    session.execute(
        "CREATE FUNCTION count_char AS 'io.strom.connector.nexmark.CountCharFunction'");
    List<List<Object>> expected = q14Expected();
    assertThat(expected).extracting(row -> row.get(1)).contains("nightTime", "otherTime");
    List<List<Object>> actual = values(session.execute("SELECT auction, CASE"
        + " WHEN HOUR(dateTime) >= 8 AND HOUR(dateTime) <= 18 THEN 'dayTime'"
        + " WHEN HOUR(dateTime) <= 6 OR HOUR(dateTime) >= 20 THEN 'nightTime'"
        + " ELSE 'otherTime' END AS bidTimeType, count_char(extra, 'c') AS c_counts"
        + " FROM bid WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000"));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void q21ExtractsChannelIds() throws IOException {
    createTables();
    List<List<Object>> actual = values(session.execute("SELECT auction, channel, CASE"
        + " WHEN LOWER(channel) = 'apple' THEN '0' WHEN LOWER(channel) = 'google' THEN '1'"
        + " WHEN LOWER(channel) = 'facebook' THEN '2' WHEN LOWER(channel) = 'baidu' THEN '3'"
        + " ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) END AS channel_id FROM bid"
        + " WHERE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL"
        + " OR LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu')"));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(q21Expected());
  }

  @Test
  void q22SplitsUrlsIntoDirectories() throws IOException {
    createTables();
    assertRows("SELECT auction, SPLIT_INDEX(url, '/', 3), SPLIT_INDEX(url, '/', 4),"
            + " SPLIT_INDEX(url, '/', 5) FROM bid",
        bid -> {
          String[] parts = bid.getString(4).toString().split("/", -1);
          return List.of(bid.getLong(0), parts[3], parts[4], parts[5]);
        },
        bids());
  }

  // ---- expectations computed from the generator ---------------------------------------------

  /** The bid rows of the run, straight from the generator. */
  private static List<Row> bids() {
    NexmarkGenerator generator = new NexmarkGenerator(CONFIG);
    List<Row> bids = new ArrayList<>();
    for (long n = 0; n < EVENTS; n++) {
      GenericRow event = generator.generate(n);
      if (event.getInt(0) == 2) {
        bids.add(event.getRow(3, 7));
      }
    }
    return bids;
  }

  private static List<List<Object>> q14Expected() {
    List<List<Object>> rows = new ArrayList<>();
    for (Row bid : bids()) {
      BigDecimal euros = new BigDecimal("0.908").multiply(BigDecimal.valueOf(bid.getLong(2)));
      if (euros.compareTo(BigDecimal.valueOf(1_000_000)) <= 0
          || euros.compareTo(BigDecimal.valueOf(50_000_000)) >= 0) {
        continue;
      }
      int hour = Instant.ofEpochMilli(time(bid)).atZone(ZoneOffset.UTC).getHour();
      String type = hour >= 8 && hour <= 18 ? "dayTime"
          : hour <= 6 || hour >= 20 ? "nightTime" : "otherTime";
      long cs = bid.getString(6).toString().chars().filter(c -> c == 'c').count();
      rows.add(List.of(bid.getLong(0), type, cs));
    }
    return rows;
  }

  private static List<List<Object>> q21Expected() {
    Pattern channelId = Pattern.compile("(&|^)channel_id=([^&]*)");
    List<List<Object>> rows = new ArrayList<>();
    for (Row bid : bids()) {
      String channel = bid.getString(3).toString();
      Matcher matcher = channelId.matcher(bid.getString(4).toString());
      String fromUrl = matcher.find() ? matcher.group(2) : null;
      String id = switch (channel.toLowerCase()) {
        case "apple" -> "0";
        case "google" -> "1";
        case "facebook" -> "2";
        case "baidu" -> "3";
        default -> fromUrl;
      };
      if (id != null) {
        rows.add(List.of(bid.getLong(0), channel, id));
      }
    }
    return rows;
  }

  /** Per (bidder, auction) the bid with the latest time; of equal times the later event. */
  private static List<List<Object>> q18Expected() {
    java.util.Map<List<Long>, Row> latest = new java.util.LinkedHashMap<>();
    for (Row bid : bids()) {
      latest.merge(List.of(bid.getLong(1), bid.getLong(0)), bid,
          (kept, next) -> time(next) >= time(kept) ? next : kept);
    }
    return latest.values().stream()
        .map(b -> List.<Object>of(b.getLong(0), b.getLong(1), b.getLong(2), time(b)))
        .toList();
  }

  /** Per auction its ten highest bids, ranked; of equal prices the earlier event ranks first. */
  private static List<List<Object>> q19Expected() {
    java.util.Map<Long, List<Row>> byAuction = new java.util.LinkedHashMap<>();
    for (Row bid : bids()) {
      byAuction.computeIfAbsent(bid.getLong(0), a -> new ArrayList<>()).add(bid);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Row> auctionBids : byAuction.values()) {
      List<Row> sorted = new ArrayList<>(auctionBids);
      // A stable sort keeps arrival order among equal prices.
      sorted.sort(java.util.Comparator.comparingLong((Row b) -> b.getLong(2)).reversed());
      for (int rank = 1; rank <= Math.min(10, sorted.size()); rank++) {
        Row b = sorted.get(rank - 1);
        rows.add(List.of(b.getLong(0), b.getLong(1), b.getLong(2), (long) rank));
      }
    }
    return rows;
  }

  private static long time(Row bid) {
    return bid.getTimestamp(5, 3).millisecond();
  }

  // ---- comparing -----------------------------------------------------------------------------

  private void assertRows(String query, Function<Row, List<Object>> expectedOf, List<Row> bids) {
    List<List<Object>> expected = bids.stream().map(expectedOf).toList();
    assertThat(values(session.execute(query))).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Each row as plain Java values read with the typed getter of its column type. */
  private static List<List<Object>> values(StatementResult result) {
    return values(result, false);
  }

  /** As {@link #values(StatementResult)}; an updating result as the table its changes leave. */
  private static List<List<Object>> values(StatementResult result, boolean materialize) {
    RowType schema = result.schema();
    List<List<Object>> rows = new ArrayList<>();
    List<Row> changes = result.rows();
    if (materialize) {
      assertThat(changes).anyMatch(row -> row.kind() != io.strom.data.RowKind.INSERT);
      changes = io.strom.planner.session.Changelogs.materialize(changes, schema);
    }
    for (Row row : changes) {
      rows.add(IntStream.range(0, schema.fieldCount())
          .mapToObj(i -> value(row, i, schema.typeAt(i)))
          .toList());
    }
    return rows;
  }

  private static Object value(Row row, int i, LogicalType type) {
    if (row.isNullAt(i)) {
      return "null";
    }
    return switch (type.root()) {
      case INTEGER -> (long) row.getInt(i);
      case BIGINT -> row.getLong(i);
      case CHAR, VARCHAR -> row.getString(i).toString();
      case TIMESTAMP_WITHOUT_TIME_ZONE -> row.getTimestamp(i, 3).millisecond();
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield row.getDecimal(i, decimal.precision(), decimal.scale()).toBigDecimal()
            .toPlainString();
      }
      default -> throw new IllegalArgumentException("No comparison for " + type);
    };
  }
}
