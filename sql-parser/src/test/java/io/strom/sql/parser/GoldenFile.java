package io.strom.sql.parser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A golden file of round-trip cases. Each case is a header line {@code === name [NodeClass]}, the
 * input SQL, a line {@code ---}, and the SQL Strom writes back. Lines starting with {@code #}
 * before the first case are comments.
 */
final class GoldenFile {
  /** One case: the input and what it must unparse to. */
  record Case(String name, String nodeClass, String input, String expected) {}

  private static final String HEADER = "=== ";
  private static final String SEPARATOR = "---";

  private GoldenFile() {}

  static List<Case> read(String resource) throws IOException {
    try (InputStream in = GoldenFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static List<Case> parse(String text) {
    List<Case> cases = new ArrayList<>();
    String name = null;
    String nodeClass = null;
    StringBuilder input = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    boolean inExpected = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(HEADER)) {
        if (name != null) {
          cases.add(of(name, nodeClass, input, expected));
        }
        String header = line.substring(HEADER.length()).strip();
        int bracket = header.lastIndexOf('[');
        name = bracket < 0 ? header : header.substring(0, bracket).strip();
        nodeClass = bracket < 0 ? null : header.substring(bracket + 1, header.length() - 1);
        input.setLength(0);
        expected.setLength(0);
        inExpected = false;
      } else if (name == null) {
        continue;
      } else if (!inExpected && line.equals(SEPARATOR)) {
        inExpected = true;
      } else {
        (inExpected ? expected : input).append(line).append('\n');
      }
    }
    if (name != null) {
      cases.add(of(name, nodeClass, input, expected));
    }
    return cases;
  }

  private static Case of(String name, String nodeClass, CharSequence input, CharSequence expected) {
    return new Case(name, nodeClass, input.toString().strip(), expected.toString().strip());
  }

  /**
   * Rewrites a golden file in the source tree with the actual outputs, for review; a case without
   * an actual output (it failed to parse) keeps its expected block.
   */
  static void rewrite(Path file, Map<String, String> actualByName) throws IOException {
    StringBuilder out = new StringBuilder();
    String current = null;
    boolean replacing = false;
    for (String line : Files.readString(file).split("\n", -1)) {
      if (line.startsWith(HEADER)) {
        if (replacing) {
          out.append(actualByName.get(current)).append("\n\n");
        }
        String header = line.substring(HEADER.length()).strip();
        int bracket = header.lastIndexOf('[');
        current = bracket < 0 ? header : header.substring(0, bracket).strip();
        replacing = false;
        out.append(line).append('\n');
      } else if (current != null && line.equals(SEPARATOR) && !replacing) {
        out.append(line).append('\n');
        replacing = actualByName.containsKey(current);
      } else if (!replacing) {
        out.append(line).append('\n');
      }
    }
    if (replacing) {
      out.append(actualByName.get(current)).append('\n');
    }
    Files.writeString(file, out.toString().replaceAll("\n+$", "\n"));
  }
}
