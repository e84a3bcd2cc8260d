package io.strom.tests.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a filesystem sink committed: the lines of its visible files (in-progress and pending
 * files are hidden, their names starting with '.'), and for debezium-json, the table those
 * changes build when applied in order.
 */
final class CommittedOutput {
  private static final Pattern DEBEZIUM =
      Pattern.compile("\\{\"before\":(null|\\{[^}]*}),\"after\":(null|\\{[^}]*}),\"op\":\"([cd])\"}");

  private CommittedOutput() {}

  /** Every committed line, in file order; sorted, it is the output's multiset. */
  static List<String> lines(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".") && !name.startsWith("_")) {
          lines.addAll(Files.readAllLines(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /**
   * Applies a debezium-json changelog: a create adds its {@code after} row, a delete (a {@code -U}
   * or {@code -D}) takes its {@code before} row away. The files of a sink hold no order among
   * each other (a key's changes are spread over the files of several checkpoints and attempts),
   * so the changes are applied as multisets: every row must be added at least as often as it is
   * retracted — a change lost or committed twice shows as a retraction too many or a row too many.
   *
   * @return each row of the resulting table with how often it occurs
   * @throws AssertionError naming a line that is no change, or a row retracted too often
   */
  static Map<String, Integer> materialize(List<String> changelog, String context) {
    Map<String, Integer> table = new TreeMap<>();
    for (String line : changelog) {
      Matcher m = DEBEZIUM.matcher(line);
      if (!m.matches()) {
        throw new AssertionError("Not a debezium-json change: " + line + " (" + context + ")");
      }
      if (m.group(3).equals("c")) {
        table.merge(m.group(2), 1, Integer::sum);
      } else {
        table.merge(m.group(1), -1, Integer::sum);
      }
    }
    table.forEach((row, count) -> {
      if (count < 0) {
        throw new AssertionError(
            "Row " + row + " retracted " + -count + " more time(s) than added (" + context + ")");
      }
    });
    table.values().removeIf(count -> count == 0);
    return table;
  }
}
