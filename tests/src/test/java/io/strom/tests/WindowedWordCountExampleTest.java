package io.strom.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.examples.WindowedWordCount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the example program the README's first command starts, and checks what it prints. */
class WindowedWordCountExampleTest {
  private static final Pattern LINE =
      Pattern.compile("\\d> \\[(\\d\\d:\\d\\d:\\d\\d), \\d\\d:\\d\\d:\\d\\d\\)( \\w+=\\d+){3}");

  @Test
  void printsTheTopThreeWordsOfEveryFiveSecondWindow() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // 2,000 lines at ten per second: 200 seconds of event time, 40 windows.
      WindowedWordCount.main(new String[] {"2000", "2"});
    } finally {
      System.setOut(original);
    }
    List<String> lines =
        Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
            .filter(l -> !l.isBlank())
            .collect(Collectors.toList());
    assertThat(lines).hasSize(40).allMatch(l -> LINE.matcher(l).matches());
    Set<String> windowStarts =
        lines.stream()
            .map(LINE::matcher)
            .peek(Matcher::matches)
            .map(m -> m.group(1))
            .collect(Collectors.toSet());
    assertThat(windowStarts).hasSize(40).contains("00:00:00", "00:03:15");
    // The generator favours the first words of its vocabulary.
    long streamFirst = lines.stream().filter(l -> l.contains(") stream=")).count();
    assertThat(streamFirst).isGreaterThan(20);
  }
}
