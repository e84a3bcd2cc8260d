package io.strom.planner.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.planner.nexmark.NexmarkEvents.Bid;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import io.strom.sql.parser.StromSqlParser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Nexmark DDL, views and query files of {@code benchmarks/src/main/resources/nexmark} over the
 * {@code nexmark} connector. Every query parses; every query Strom runs runs end to end from its
 * file into its sink; the rows of the stateless ones equal those computed in Java straight from
 * the generator. {@link NexmarkStatefulQueriesTest} checks the results of the others.
 */
class NexmarkQueriesTest {
  /** 06:50 UTC: at one event a second the run spans the night/other-time boundary of q14. */
  private static final NexmarkRun RUN = new NexmarkRun(3000, 1,
      Instant.parse("2024-03-01T06:50:00Z").toEpochMilli(), 5);
  /** Queries whose result is insert-only: their sink receives exactly the rows of the result. */
  private static final Set<Integer> INSERT_ONLY = Set.of(0, 1, 2, 3, 5, 7, 8, 11, 14, 20, 21, 22);

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
      21, 22})
  void everyQueryFileParses(int query) {
    String script = NexmarkRun.read("queries/q" + query + ".sql");
    var statements = new StromSqlParser().parseScript(script);
    assertThat(statements).isNotEmpty();
    assertThat(StromSqlParser.toSql(statements.get(statements.size() - 1)))
        .startsWithIgnoringCase("INSERT INTO");
  }

  /**
   * Each query file that runs, run as shipped into its blackhole sink. An insert-only result
   * writes exactly its rows; an updating one writes each row of its final table at least once
   * (the blackhole sink takes no -U, so the count is of +I, +U and -D).
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22})
  void queryFilesRunToTheEnd(int query) {
    RUN.createTables(session);
    List<StatementResult> results =
        session.executeScript(NexmarkRun.read("queries/q" + query + ".sql"));
    StatementResult insert = results.get(results.size() - 1);
    // A single insert reports its count as a message row: one string column.
    long written = Long.parseLong(insert.rows().get(0).getString(0).toString());
    long expected = expectedSize(query);
    assertThat(expected).isPositive();
    if (INSERT_ONLY.contains(query)) {
      assertThat(written).isEqualTo(expected);
    } else {
      assertThat(written).isGreaterThanOrEqualTo(expected);
    }
  }

  private static long expectedSize(int query) {
    NaiveNexmark naive = new NaiveNexmark(RUN.events());
    return switch (query) {
      case 0, 1, 22 -> bids().size();
      case 2 -> bids().stream().filter(b -> b.auction() % 123 == 0).count();
      case 3 -> naive.q3().size();
      case 4 -> naive.q4().size();
      case 5 -> naive.q5().size();
      case 6 -> naive.q6().size();
      case 7 -> naive.q7().size();
      case 8 -> naive.q8().size();
      case 9 -> naive.q9().size();
      case 11 -> naive.q11().size();
      case 14 -> q14Expected().size();
      case 15 -> naive.q15().size();
      case 16 -> naive.q16().size();
      case 17 -> naive.q17().size();
      case 18 -> naive.q18().size();
      case 19 -> naive.q19().size();
      case 20 -> naive.q20().size();
      case 21 -> q21Expected().size();
      default -> throw new IllegalArgumentException("No expectation for q" + query);
    };
  }

  /** q8 joins two window aggregations on their windows: a window join, not a regular join. */
  @Test
  void q8JoinsTheWindowsOfPeopleAndAuctionsWithAWindowJoin() {
    RUN.createTables(session);
    String script = NexmarkRun.read("queries/q8.sql");
    int insert = script.indexOf("INSERT INTO");
    session.executeScript(script.substring(0, insert));
    String plan = session.execute("EXPLAIN " + script.substring(insert).replace(";", ""))
        .rows().get(0).getString(0).toString();
    assertThat(plan).contains("WindowJoin(").doesNotContain("+- Join(");
  }

  /**
   * q10 writes every bid into CSV files partitioned by day and minute: one {@code dt=.../hm=...}
   * directory per minute of the run (the ':' escaped as Flink does), each committed with a
   * {@code _SUCCESS} file, holding the bids of that minute without the partition columns. Each
   * file line is read back and compared, field by field, with the generator's bids.
   */
  @Test
  void q10WritesEveryBidIntoItsDayAndMinutePartition(@TempDir Path output) throws Exception {
    RUN.createTables(session);
    String script = NexmarkRun.read("queries/q10.sql")
        .replace("file:///tmp/nexmark/q10/bid", output.toUri().toString());
    List<StatementResult> results = session.executeScript(script);
    long written = Long.parseLong(
        results.get(results.size() - 1).rows().get(0).getString(0).toString());
    assertThat(written).isEqualTo(bids().size());

    List<List<Object>> expected = new ArrayList<>();
    for (Bid bid : bids()) {
      LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(bid.dateTime()), ZoneOffset.UTC);
      expected.add(List.of(q10Partition(time), bid.auction(), bid.bidder(), bid.price(), time,
          bid.extra()));
    }
    assertThat(expected.stream().map(row -> row.get(0)).distinct().count()).isGreaterThan(10);
    List<List<Object>> actual = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String partition = output.relativize(file.getParent()).toString();
        if (file.getFileName().toString().equals("_SUCCESS")) {
          continue;
        }
        assertThat(file.getFileName().toString()).startsWith("part-");
        assertThat(file.getParent().resolve("_SUCCESS")).exists();
        for (String line : Files.readAllLines(file)) {
          // auction, bidder, price, dateTime, extra: dt and hm are the directories, not columns.
          String[] fields = line.split(",", -1);
          assertThat(fields).hasSize(5);
          actual.add(List.of(partition, Long.parseLong(fields[0]), Long.parseLong(fields[1]),
              Long.parseLong(fields[2]), LocalDateTime.parse(fields[3].replace(' ', 'T')),
              fields[4]));
        }
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);

    assertThat(session.execute("SELECT dt, hm, auction FROM nexmark_q10").rows())
        .hasSize(bids().size())
        .allSatisfy(row -> assertThat(row.getString(1).toString()).matches("\\d\\d:\\d\\d"));
  }

  /** The directory of q10's partition for a bid at {@code time}. */
  private static String q10Partition(LocalDateTime time) {
    return "dt=" + DateTimeFormatter.ofPattern("yyyy-MM-dd").format(time) + "/hm="
        + DateTimeFormatter.ofPattern("HH:mm").format(time).replace(":", "%3A");
  }

  /**
   * q12 counts each bidder's bids per 10 seconds of processing time. Its windows follow the wall
   * clock, and a bounded run drops the processing-time windows still open when its input ends (no
   * clock passes their end), so the rows are checked this way: the run is paced to 2000 events a
   * second on one subtask, with the file's windows shrunk to 0.2 seconds so that several fire
   * within it (10-second ones would need the test to wait for them). Windows fire in time order
   * and bids come in the generator's order, so the windows before the last one that fired hold
   * exactly the first N bids: per bidder their counts must equal those of the generator's first N
   * bids, computed here in Java.
   */
  @Test
  void q12CountsEveryBidOfEachBidderInProcessingTimeWindows() {
    NexmarkRun paced = new NexmarkRun(2000, 2000, RUN.baseTime(), RUN.seed());
    session.execute("SET 'parallelism.default' = '1'");
    paced.createTables(session);
    session.execute("ALTER TABLE datagen SET ('max-emit-speed' = 'false')");
    String script = NexmarkRun.read("queries/q12.sql");
    session.executeScript(script.substring(0, script.indexOf("INSERT INTO")));
    String select = NexmarkRun.selectOf(12);
    assertThat(select).contains("INTERVAL '10' SECOND");
    List<List<Object>> rows = NexmarkResults.rows(
        session.execute(select.replace("INTERVAL '10' SECOND", "INTERVAL '0.2' SECOND")));

    long lastEnd = rows.stream().mapToLong(row -> (Long) row.get(3)).max().orElse(0);
    Map<Long, Long> counted = new TreeMap<>();
    long bidsCounted = 0;
    for (List<Object> row : rows) {
      long count = (Long) row.get(1);
      long start = (Long) row.get(2);
      long end = (Long) row.get(3);
      assertThat(count).isPositive();
      assertThat(end - start).isEqualTo(200);
      assertThat(start % 200).isZero();
      if (end < lastEnd) {
        counted.merge((Long) row.get(0), count, Long::sum);
        bidsCounted += count;
      }
    }
    List<Bid> bids = paced.events().bids();
    assertThat(bidsCounted).as("bids in windows before the last one fired").isPositive()
        .isLessThan(bids.size());
    Map<Long, Long> expected = new TreeMap<>();
    bids.subList(0, (int) bidsCounted)
        .forEach(bid -> expected.merge(bid.bidder(), 1L, Long::sum));
    assertThat(counted).isEqualTo(expected);
  }

  @Test
  void viewsSplitTheEventsByKind() {
    RUN.createTables(session);
    long events = RUN.eventCount();
    assertThat(session.execute("SELECT id FROM person").rows()).hasSize((int) events / 50);
    assertThat(session.execute("SELECT id FROM auction").rows()).hasSize((int) events / 50 * 3);
    assertThat(session.execute("SELECT auction FROM bid").rows()).hasSize((int) events / 50 * 46);
  }

  @Test
  void q0PassesEveryBidThrough() {
    RUN.createTables(session);
    assertRows("SELECT auction, bidder, price, dateTime, extra FROM bid",
        bid -> List.of(bid.auction(), bid.bidder(), bid.price(), bid.dateTime(), bid.extra()),
        bids());
  }

  @Test
  void q1ConvertsPricesToEuros() {
    RUN.createTables(session);
    assertRows("SELECT auction, 0.908 * price AS price FROM bid",
        bid -> List.of(bid.auction(),
            new BigDecimal("0.908").multiply(BigDecimal.valueOf(bid.price())).toPlainString()),
        bids());
  }

  @Test
  void q2KeepsAuctionsThatAreMultiplesOf123() {
    RUN.createTables(session);
    List<Bid> sample = bids().stream().filter(b -> b.auction() % 123 == 0).toList();
    assertThat(sample).isNotEmpty();
    assertRows("SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0",
        bid -> List.of(bid.auction(), bid.price()), sample);
  }

  @Test
  void q14LabelsTimesOfDayAndCountsCharacters() {
    RUN.createTables(session);
    session.execute(
        "CREATE FUNCTION count_char AS 'io.strom.connector.nexmark.CountCharFunction'");
    List<List<Object>> expected = q14Expected();
    assertThat(expected).extracting(row -> row.get(1)).contains("nightTime", "otherTime");
    List<List<Object>> actual = NexmarkResults.rows(session.execute("SELECT auction, CASE"
        + " WHEN HOUR(dateTime) >= 8 AND HOUR(dateTime) <= 18 THEN 'dayTime'"
        + " WHEN HOUR(dateTime) <= 6 OR HOUR(dateTime) >= 20 THEN 'nightTime'"
        + " ELSE 'otherTime' END AS bidTimeType, count_char(extra, 'c') AS c_counts"
        + " FROM bid WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000"));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * q13 looks each bid up in its side input file by {@code MOD(auction, 10000)}: a lookup join
   * (no exchange, the file read by every subtask), whose rows equal each bid joined in Java with
   * the file's row of that key, at parallelism 1 and 2. The whole file runs as shipped into its
   * sink too, with the side input's path set to the file in the resources.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void q13EnrichesEachBidWithTheSideInputRowOfItsKey(int parallelism) throws Exception {
    session.execute("SET 'parallelism.default' = '" + parallelism + "'");
    RUN.createTables(session);
    Path sideInput = NexmarkRun.FILES.resolve("side_input.csv").toAbsolutePath().normalize();
    String script = NexmarkRun.read("queries/q13.sql")
        .replace("file:///tmp/nexmark/side_input.csv", sideInput.toUri().toString());
    List<StatementResult> results = session.executeScript(script);
    Map<Long, String> side = new TreeMap<>();
    for (String line : Files.readAllLines(sideInput)) {
      String[] fields = line.split(",", 2);
      side.put(Long.parseLong(fields[0]), fields[1]);
    }
    List<Bid> joined = bids().stream().filter(b -> side.containsKey(b.auction() % 10000)).toList();
    assertThat(joined).isNotEmpty();
    StatementResult insert = results.get(results.size() - 1);
    assertThat(Long.parseLong(insert.rows().get(0).getString(0).toString()))
        .isEqualTo(joined.size());

    String select = NexmarkRun.selectOf(13);
    String plan = session.execute("EXPLAIN " + select).rows().get(0).getString(0).toString();
    assertThat(plan).contains("LookupJoin(").doesNotContain("Exchange(");
    assertRows(select,
        bid -> List.of(bid.auction(), bid.bidder(), bid.price(), bid.dateTime(),
            side.get(bid.auction() % 10000)),
        joined);
  }

  @Test
  void q21ExtractsChannelIds() {
    RUN.createTables(session);
    List<List<Object>> actual = NexmarkResults.rows(session.execute("SELECT auction, channel,"
        + " CASE WHEN LOWER(channel) = 'apple' THEN '0' WHEN LOWER(channel) = 'google' THEN '1'"
        + " WHEN LOWER(channel) = 'facebook' THEN '2' WHEN LOWER(channel) = 'baidu' THEN '3'"
        + " ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) END AS channel_id FROM bid"
        + " WHERE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL"
        + " OR LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu')"));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(q21Expected());
  }

  @Test
  void q22SplitsUrlsIntoDirectories() {
    RUN.createTables(session);
    assertRows("SELECT auction, SPLIT_INDEX(url, '/', 3), SPLIT_INDEX(url, '/', 4),"
            + " SPLIT_INDEX(url, '/', 5) FROM bid",
        bid -> {
          String[] parts = bid.url().split("/", -1);
          return List.of(bid.auction(), parts[3], parts[4], parts[5]);
        },
        bids());
  }

  // ---- expectations computed from the generator ---------------------------------------------

  /** The bid rows of the run, straight from the generator. */
  private static List<Bid> bids() {
    return RUN.events().bids();
  }

  private static List<List<Object>> q14Expected() {
    List<List<Object>> rows = new ArrayList<>();
    for (Bid bid : bids()) {
      BigDecimal euros = new BigDecimal("0.908").multiply(BigDecimal.valueOf(bid.price()));
      if (euros.compareTo(BigDecimal.valueOf(1_000_000)) <= 0
          || euros.compareTo(BigDecimal.valueOf(50_000_000)) >= 0) {
        continue;
      }
      int hour = Instant.ofEpochMilli(bid.dateTime()).atZone(ZoneOffset.UTC).getHour();
      String type = hour >= 8 && hour <= 18 ? "dayTime"
          : hour <= 6 || hour >= 20 ? "nightTime" : "otherTime";
      long cs = bid.extra().chars().filter(c -> c == 'c').count();
      rows.add(List.of(bid.auction(), type, cs));
    }
    return rows;
  }

  private static List<List<Object>> q21Expected() {
    Pattern channelId = Pattern.compile("(&|^)channel_id=([^&]*)");
    List<List<Object>> rows = new ArrayList<>();
    for (Bid bid : bids()) {
      Matcher matcher = channelId.matcher(bid.url());
      String fromUrl = matcher.find() ? matcher.group(2) : null;
      String id = switch (bid.channel().toLowerCase()) {
        case "apple" -> "0";
        case "google" -> "1";
        case "facebook" -> "2";
        case "baidu" -> "3";
        default -> fromUrl;
      };
      if (id != null) {
        rows.add(List.of(bid.auction(), bid.channel(), id));
      }
    }
    return rows;
  }

  // ---- comparing -----------------------------------------------------------------------------

  private void assertRows(String query, Function<Bid, List<Object>> expectedOf, List<Bid> bids) {
    List<List<Object>> expected = bids.stream().map(expectedOf).toList();
    assertThat(NexmarkResults.rows(session.execute(query)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
