package io.strom.planner.nexmark;

import io.strom.connector.nexmark.NexmarkConfig;
import io.strom.planner.session.SqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, fixed run of the Nexmark generator: the shipped DDL and views with the table shrunk to
 * these events, and the same events generated in the test to compute expectations from.
 *
 * @param eventCount events in total
 * @param eventsPerSecond the event rate, which spaces the events' timestamps
 * @param baseTime the timestamp of event 0, in epoch milliseconds
 * @param seed the generator's seed
 */
record NexmarkRun(long eventCount, long eventsPerSecond, long baseTime, long seed) {
  /** Where the DDL, views and query files are, seen from a module's directory. */
  static final Path FILES = Path.of("..", "benchmarks", "src", "main", "resources", "nexmark");

  private static final Pattern INSERT =
      Pattern.compile("INSERT\\s+INTO\\s+\\w+\\s+(.*?);?\\s*$", Pattern.CASE_INSENSITIVE
          | Pattern.DOTALL);

  /** The generator's configuration for this run, with Nexmark's default mix and hot ratios. */
  NexmarkConfig config() {
    return new NexmarkConfig(1, 3, 46, eventsPerSecond, eventCount, 2, 4, 4, 200, 500, 100,
        baseTime, seed);
  }

  /** The run's persons, auctions and bids. */
  NexmarkEvents events() {
    return NexmarkEvents.generate(config());
  }

  /** Runs {@code ddl.sql} and {@code views.sql} as shipped, then shrinks the table to this run. */
  void createTables(SqlSession session) {
    session.executeScript(read("ddl.sql"));
    session.executeScript(read("views.sql"));
    session.execute("ALTER TABLE datagen SET ('events.num' = '" + eventCount
        + "', 'first-event.rate' = '" + eventsPerSecond + "', 'next-event.rate' = '"
        + eventsPerSecond + "', 'base-time' = '" + baseTime + "', 'seed' = '" + seed + "')");
  }

  /** A file under {@link #FILES}. */
  static String read(String file) {
    try {
      return Files.readString(FILES.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The query a query file inserts into its sink: the text after {@code INSERT INTO sink}. */
  static String selectOf(int query) {
    String script = read("queries/q" + query + ".sql");
    Matcher matcher = INSERT.matcher(script);
    if (!matcher.find()) {
      throw new IllegalArgumentException("q" + query + ".sql has no INSERT INTO");
    }
    return matcher.group(1);
  }
}
