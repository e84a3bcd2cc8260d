package io.strom.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Nexmark SQL files shipped with the benchmarks (DDL, views, one file per query) and the
 * side input q13 reads. Both the Strom and the Apache Flink runner take them from here, so the
 * two run the same statements.
 */
public final class NexmarkFiles {
  private static final String ROOT = "/nexmark/";
  /** Where q13's DDL expects its side input. */
  private static final Path SIDE_INPUT = Path.of("/tmp/nexmark/side_input.csv");

  private NexmarkFiles() {}

  /** A file under {@code nexmark/} on the classpath, e.g. {@code ddl.sql}. */
  public static String read(String name) throws IOException {
    try (InputStream in = NexmarkFiles.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No Nexmark file " + name + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The script of a query such as {@code q5}. */
  public static String query(String query) throws IOException {
    return read("queries/" + query + ".sql");
  }

  /** Writes the side input at the path q13's DDL names, when that query is about to run. */
  public static void prepare(String query) throws IOException {
    if (query.equals("q13")) {
      Files.createDirectories(SIDE_INPUT.getParent());
      Files.writeString(SIDE_INPUT, read("side_input.csv"));
    }
  }
}
