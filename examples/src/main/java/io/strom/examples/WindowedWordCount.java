package io.strom.examples;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.datastream.functions.KeyedProcessFunction;
import io.strom.datastream.windowing.ProcessWindowFunction;
import io.strom.datastream.windowing.assigners.TumblingEventTimeWindows;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.runtime.source.lib.GeneratorSource;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts words per five-second event-time window over generated text and prints the three most
 * frequent words of each window.
 *
 * <p>Two keyed steps: word counts per window (a window aggregation keyed by word), then the top
 * three per window (keyed by window, using map state and an event-time timer at the window's end).
 *
 * <pre>bin/strom-example WindowedWordCount [lines (default 20000)] [parallelism (default 2)]</pre>
 */
public final class WindowedWordCount {
  private static final String[] WORDS = {
    "stream", "event", "time", "window", "state", "watermark", "key", "operator", "record",
    "checkpoint", "query", "table", "join", "late", "count", "source", "sink", "task"
  };

  private WindowedWordCount() {}

  /** A line of text and when it was written (epoch milliseconds). */
  public record Line(String text, long time) implements Serializable {}

  /** How often a word occurred in the window ending at {@code windowEnd}. */
  public record WordCount(long windowEnd, String word, long count) implements Serializable {}

  public static void main(String[] args) throws Exception {
    long lines = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);

    env.fromSource(
            new GeneratorSource<>(WindowedWordCount::line, lines, 0),
            WatermarkStrategy.<Line>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                .withTimestampAssigner((line, ts) -> line.time()),
            "text")
        .<WordCount>flatMap(
            (line, out) -> {
              for (String word : line.text().split(" ")) {
                out.collect(new WordCount(0, word, 1));
              }
            })
        .keyBy(WordCount::word)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
        .reduce(
            (a, b) -> new WordCount(0, a.word(), a.count() + b.count()), new StampWindowEnd())
        .keyBy(WordCount::windowEnd)
        .process(new TopThree())
        .print();

    env.execute("windowed word count");
  }

  /**
   * The line with index {@code i}: four words picked by a fixed hash, so every run prints the same,
   * skewed so that some words are much more frequent than others. Ten lines per second.
   */
  static Line line(long i) {
    StringBuilder text = new StringBuilder();
    long h = i * 0x9E3779B97F4A7C15L;
    for (int w = 0; w < 4; w++) {
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      double uniform = (h >>> 11) * 0x1.0p-53;
      // Squaring a uniform number in [0, 1) crowds it towards 0: the first words are the most
      // frequent (the first about a quarter of all words).
      int index = (int) (WORDS.length * uniform * uniform);
      text.append(w == 0 ? "" : " ").append(WORDS[index]);
    }
    return new Line(text.toString(), i * 100);
  }

  /** Puts the window's end on its word count. */
  static final class StampWindowEnd
      extends ProcessWindowFunction<WordCount, WordCount, String, TimeWindow> {
    @Override
    public void process(
        String word, Context ctx, Iterable<WordCount> counts, Collector<WordCount> out) {
      for (WordCount c : counts) {
        out.collect(new WordCount(ctx.window().end(), word, c.count()));
      }
    }
  }

  /** Gathers a window's word counts and emits its top three when event time passes its end. */
  static final class TopThree extends KeyedProcessFunction<Long, WordCount, String> {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private transient MapState<String, Long> counts;

    @Override
    public void open(RuntimeContext context) {
      counts = context.getMapState(new MapStateDescriptor<>("counts", Types.STRING, Types.LONG));
    }

    @Override
    public void processElement(WordCount value, Context ctx, Collector<String> out) {
      counts.put(value.word(), value.count());
      ctx.timerService().registerEventTimeTimer(value.windowEnd());
    }

    @Override
    public void onTimer(long windowEnd, OnTimerContext ctx, Collector<String> out) {
      List<Map.Entry<String, Long>> entries = new ArrayList<>();
      counts.entries().forEach(entries::add);
      entries.sort(
          Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      StringBuilder line = new StringBuilder();
      line.append("[")
          .append(TIME.format(Instant.ofEpochMilli(windowEnd - 5_000)))
          .append(", ")
          .append(TIME.format(Instant.ofEpochMilli(windowEnd)))
          .append(")");
      for (int i = 0; i < Math.min(3, entries.size()); i++) {
        line.append(' ').append(entries.get(i).getKey()).append('=').append(entries.get(i).getValue());
      }
      out.collect(line.toString());
      counts.clear();
    }
  }
}
