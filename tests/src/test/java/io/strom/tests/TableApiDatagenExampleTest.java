package io.strom.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.examples.TableApiDatagenExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Runs the Table API datagen example and checks the three tables it prints against totals worked
 * out here, in Java, from the rule the example generates its orders by.
 */
class TableApiDatagenExampleTest {
  /** 95 orders, one a second: nine full ten-second windows and one of five orders. */
  private static final int ORDERS = 95;

  private static final String[] PRODUCTS = {"apples", "bananas", "cherries"};
  private static final DateTimeFormatter PRINTED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  /** An order as the example generates it from its id. */
  private record Order(long id, String user, String product, BigDecimal amount, LocalDateTime time) {
    static Order of(long id) {
      return new Order(
          id,
          "user-" + id % 4,
          PRODUCTS[(int) (id % 3)],
          BigDecimal.valueOf((id * 7) % 50 + 1).setScale(2),
          LocalDateTime.of(2024, 1, 1, 9, 0).plusSeconds(id));
    }

    LocalDateTime windowStart() {
      return time.withSecond(time.getSecond() / 10 * 10);
    }
  }

  @Test
  void printsWindowTotalsRunningTotalsAndTheBestProductOfEachWindow() throws Exception {
    TableauOutput output = TableauOutput.parse(run(Integer.toString(ORDERS), "2"));
    List<Order> orders = LongStream.rangeClosed(1, ORDERS).mapToObj(Order::of).toList();
    assertThat(output.tables()).hasSize(3);

    // Window totals: final rows, one per window and product, exactly the sums of their orders.
    TableauOutput.Table windows = output.tables().get(0);
    assertThat(windows.header())
        .containsExactly("op", "window_start", "window_end", "product", "orders", "total");
    assertThat(windows.rows()).allMatch(row -> row.get(0).equals("+I"));
    assertThat(windows.rows().stream().map(row -> String.join("|", row.subList(1, row.size()))))
        .containsExactlyInAnyOrderElementsOf(expectedWindowTotals(orders).keySet().stream()
            .map(key -> key + "|" + expectedWindowTotals(orders).get(key))
            .toList());

    // Running totals: the changelog, applied, leaves each user's count and sum of all orders.
    TableauOutput.Table users = output.tables().get(1);
    assertThat(users.header()).containsExactly("op", "user_name", "orders", "total");
    assertThat(applyChangelog(users.rows())).isEqualTo(orders.stream()
        .collect(Collectors.groupingBy(Order::user, TreeMap::new, Collectors.collectingAndThen(
            Collectors.toList(),
            os -> os.size() + "|" + os.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add)))));

    // Best product per window: one row per window, with the window's highest product total.
    TableauOutput.Table best = output.tables().get(2);
    assertThat(best.header()).containsExactly("op", "window_start", "product", "total");
    Map<String, BigDecimal> highest = new HashMap<>();
    expectedWindowTotals(orders).forEach((key, value) -> highest.merge(
        key.substring(0, key.indexOf('|')), new BigDecimal(value.split("\\|")[1]), BigDecimal::max));
    assertThat(best.rows()).hasSize(highest.size()).allSatisfy(row -> {
      assertThat(row.get(0)).isEqualTo("+I");
      assertThat(new BigDecimal(row.get(3))).isEqualTo(highest.get(row.get(1)));
    });
    assertThat(best.rows().stream().map(row -> row.get(1))).containsExactlyInAnyOrderElementsOf(highest.keySet());
  }

  /** {@code start|end|product} to {@code orders|total}, as the example prints them. */
  private static Map<String, String> expectedWindowTotals(List<Order> orders) {
    Map<String, List<Order>> byWindowAndProduct = orders.stream().collect(Collectors.groupingBy(o ->
        PRINTED.format(o.windowStart()) + "|" + PRINTED.format(o.windowStart().plusSeconds(10))
            + "|" + o.product()));
    Map<String, String> totals = new TreeMap<>();
    byWindowAndProduct.forEach((key, os) -> totals.put(key,
        os.size() + "|" + os.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    return totals;
  }

  /** The rows a changelog leaves, keyed by the first column: {@code key -> orders|total}. */
  private static Map<String, String> applyChangelog(List<List<String>> changes) {
    Map<String, String> table = new TreeMap<>();
    for (List<String> change : changes) {
      String key = change.get(1);
      String value = change.get(2) + "|" + change.get(3);
      switch (change.get(0)) {
        case "+I", "+U" -> assertThat(table.put(key, value)).as("insert of a present key " + key).isNull();
        case "-U", "-D" -> assertThat(table.remove(key)).as("retraction of " + change).isEqualTo(value);
        default -> throw new AssertionError("unknown change kind in " + change);
      }
    }
    return table;
  }

  /** Runs the example's main method and returns what it printed. */
  private static String run(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      TableApiDatagenExample.main(args);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
