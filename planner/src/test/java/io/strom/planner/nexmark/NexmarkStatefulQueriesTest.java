package io.strom.planner.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stateful Nexmark queries (joins, group, window and session aggregations, deduplication,
 * Top-N, OVER aggregation): the query of each shipped query file, run over a small fixed run of the {@code nexmark}
 * connector at parallelism 1 and 2, leaves the same final table as {@link NaiveNexmark} computes
 * from the generator's events.
 */
class NexmarkStatefulQueriesTest {
  /**
   * One event a second for 50 minutes from 23:40 on a leap day: the run crosses midnight (q15 to
   * q17 group by day), and its event times are whole seconds, on the boundaries of q7's windows.
   */
  private static final NexmarkRun RUN = new NexmarkRun(3000, 1,
      Instant.parse("2024-02-29T23:40:00Z").toEpochMilli(), 5);
  /**
   * The same events at 50 a second: a 10-second window holds ten people, thirty auctions and 460
   * bids, so that some people open an auction in the window they registered in (q8) and windows
   * count many bids per auction (q5, q7).
   */
  private static final NexmarkRun FAST_RUN = new NexmarkRun(3000, 50, RUN.baseTime(), 5);

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q3JoinsAuctionsOfCategory10WithTheirSellersInOregonIdahoOrCalifornia(int parallelism) {
    assertFinalTable(3, parallelism, RUN, NaiveNexmark::q3);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q4AveragesTheWinningBidsPerCategory(int parallelism) {
    assertFinalTable(4, parallelism, RUN, NaiveNexmark::q4);
  }

  /** Once with about nine bids per window, once with hundreds and a clear hot auction. */
  @ParameterizedTest(name = "parallelism {0}, {1} events a second")
  @CsvSource({"1, 1", "2, 1", "1, 50", "2, 50"})
  void q5FindsTheAuctionsWithTheMostBidsInEachHoppingWindow(int parallelism, int rate) {
    assertFinalTable(5, parallelism, rate == 1 ? RUN : FAST_RUN, NaiveNexmark::q5);
  }

  /** Once with about nine bids per window, once with hundreds and a clear hot auction. */
  @ParameterizedTest(name = "parallelism {0}, {1} events a second")
  @CsvSource({"1, 1", "2, 1", "1, 50", "2, 50"})
  void q7FindsTheHighestBidsOfEachTumblingWindow(int parallelism, int rate) {
    assertFinalTable(7, parallelism, rate == 1 ? RUN : FAST_RUN, NaiveNexmark::q7);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q8FindsPeopleWhoOpenAnAuctionInTheWindowTheyRegisteredIn(int parallelism) {
    assertThat(new NaiveNexmark(FAST_RUN.events()).q8()).hasSizeGreaterThan(5);
    assertFinalTable(8, parallelism, FAST_RUN, NaiveNexmark::q8);
  }

  /**
   * An OVER aggregation over the updating winning bids: each higher bid replaces its auction's
   * winner, which updates the averages of the seller's later winners.
   */
  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q6AveragesTheLastElevenWinningBidsOfEachSeller(int parallelism) {
    NaiveNexmark naive = new NaiveNexmark(RUN.events());
    assertThat(naive.q6Ties()).isZero();
    // Some seller has more than 11 winners, so the frame slides past the first ones.
    assertThat(naive.q6WinningBidsBySeller().values()).anyMatch(bids -> bids.size() > 11);
    assertFinalTable(6, parallelism, RUN, NaiveNexmark::q6);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q9KeepsTheWinningBidOfEachAuction(int parallelism) {
    assertThat(new NaiveNexmark(RUN.events()).q9Ties()).isZero();
    assertFinalTable(9, parallelism, RUN, NaiveNexmark::q9);
  }

  /** Once with sparse bids (sessions of one or a few bids), once with long sessions of the hot bidder. */
  @ParameterizedTest(name = "parallelism {0}, {1} events a second")
  @CsvSource({"1, 1", "2, 1", "1, 50", "2, 50"})
  void q11CountsTheBidsOfEachBiddersSessions(int parallelism, int rate) {
    NexmarkRun run = rate == 1 ? RUN : FAST_RUN;
    List<List<Object>> sessions = new NaiveNexmark(run.events()).q11();
    // Some sessions hold several bids and some bidders several sessions, so merging is exercised.
    assertThat(sessions).anyMatch(row -> (Long) row.get(1) > 2);
    assertThat(sessions.stream().map(row -> row.get(0)).distinct().count())
        .isLessThan(sessions.size());
    assertFinalTable(11, parallelism, run, NaiveNexmark::q11);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q15CountsBidsBiddersAndAuctionsPerDayAndPriceBand(int parallelism) {
    assertThat(new NaiveNexmark(RUN.events()).q15()).hasSize(2);
    assertFinalTable(15, parallelism, RUN, NaiveNexmark::q15);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q16CountsPerChannelAndDayWithTheLatestMinute(int parallelism) {
    assertFinalTable(16, parallelism, RUN, NaiveNexmark::q16);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q17SummarizesThePricesOfEachAuctionPerDay(int parallelism) {
    assertFinalTable(17, parallelism, RUN, NaiveNexmark::q17);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q18KeepsTheLatestBidOfEachBidderOnEachAuction(int parallelism) {
    assertThat(new NaiveNexmark(RUN.events()).q18Ties()).isZero();
    assertFinalTable(18, parallelism, RUN, NaiveNexmark::q18);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q19KeepsTheTenHighestBidsOfEachAuction(int parallelism) {
    NaiveNexmark naive = new NaiveNexmark(RUN.events());
    assertThat(naive.q19Ties()).isZero();
    assertThat(naive.q19()).anyMatch(row -> row.get(7).equals(10L));
    assertFinalTable(19, parallelism, RUN, NaiveNexmark::q19);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void q20ExpandsBidsOnAuctionsOfCategory10(int parallelism) {
    assertFinalTable(20, parallelism, RUN, NaiveNexmark::q20);
  }

  /**
   * Runs the query of file {@code q<query>.sql} as a bounded SELECT and compares the table its
   * changes leave with the naive evaluation, as multisets.
   */
  private void assertFinalTable(int query, int parallelism, NexmarkRun run,
      Function<NaiveNexmark, List<List<Object>>> naive) {
    List<List<Object>> expected = naive.apply(new NaiveNexmark(run.events()));
    assertThat(expected).isNotEmpty();
    run.createTables(session);
    session.execute("SET 'parallelism.default' = '" + parallelism + "'");
    List<List<Object>> actual =
        NexmarkResults.finalTable(session.execute(NexmarkRun.selectOf(query)));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }
}
