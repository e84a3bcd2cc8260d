package io.strom.runtime.source.lib;

import io.strom.configuration.Configuration;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceOutput;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SourceSplit;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a bounded source to its end on the calling thread, with one enumerator and one reader
 * that gets every split: for operators that need a whole table before their first row, such as a
 * lookup join caching its table. Not a substitute for a source node: nothing is checkpointed, a
 * restore reads everything again.
 */
public final class BoundedSourceReading {
  /** How long a reader may report nothing available before the read is considered stuck. */
  private static final long STALL_MILLIS = TimeUnit.MINUTES.toMillis(5);

  private BoundedSourceReading() {}

  /**
   * Emits every record of {@code source} to {@code records}, in the reader's order.
   *
   * @param configuration the job's configuration, as the reader would see it
   * @param metrics where the reader registers its metrics (e.g. malformed records of a format)
   */
  public static <T, S extends SourceSplit> void readAll(
      Source<T, S> source, Configuration configuration, MetricGroup metrics, Consumer<T> records)
      throws Exception {
    if (source.boundedness() != Boundedness.BOUNDED) {
      throw new IllegalArgumentException(
          "Bug: only a bounded source can be read to its end, not " + source.getClass().getName());
    }
    Assignments<S> assignments = new Assignments<>();
    try (SplitEnumerator<S> enumerator = source.createEnumerator(assignments)) {
      enumerator.start();
      enumerator.addReader(0);
    }
    ReaderContext context = new ReaderContext(configuration, metrics);
    try (SourceReader<T, S> reader = source.createReader(context)) {
      reader.start();
      reader.addSplits(assignments.splits());
      if (!assignments.noMoreSplits()) {
        throw new IllegalStateException("Bug: bounded source " + source.getClass().getName()
            + " did not assign all its splits when its only reader registered");
      }
      reader.notifyNoMoreSplits();
      poll(reader, context, records);
    }
  }

  private static <T> void poll(
      SourceReader<T, ?> reader, ReaderContext context, Consumer<T> records) throws Exception {
    ReaderOutput<T> output = new CollectingOutput<>(records);
    InputStatus status;
    while ((status = reader.pollNext(output)) != InputStatus.END_OF_INPUT) {
      if (status == InputStatus.NOTHING_AVAILABLE && !context.awaitData(STALL_MILLIS)) {
        throw new IllegalStateException("Reading bounded source to its end made no progress for "
            + TimeUnit.MILLISECONDS.toMinutes(STALL_MILLIS) + " minutes");
      }
    }
  }

  /** Collects what the enumerator hands out to the one reader. */
  private static final class Assignments<S extends SourceSplit>
      implements SplitEnumeratorContext<S> {
    private final List<S> splits = new ArrayList<>();
    private boolean noMoreSplits;

    @Override
    public int parallelism() {
      return 1;
    }

    @Override
    public synchronized void assignSplits(int subtask, List<S> assigned) {
      splits.addAll(assigned);
    }

    @Override
    public synchronized void signalNoMoreSplits(int subtask) {
      noMoreSplits = true;
    }

    synchronized List<S> splits() {
      return List.copyOf(splits);
    }

    synchronized boolean noMoreSplits() {
      return noMoreSplits;
    }
  }

  /** The one reader's context: subtask 0 of 1; a background reader's signal wakes the poll loop. */
  private static final class ReaderContext implements SourceReaderContext {
    private final Configuration configuration;
    private final MetricGroup metrics;
    private boolean signalled;

    ReaderContext(Configuration configuration, MetricGroup metrics) {
      this.configuration = configuration;
      this.metrics = metrics;
    }

    @Override
    public int subtaskIndex() {
      return 0;
    }

    @Override
    public int parallelism() {
      return 1;
    }

    @Override
    public Configuration configuration() {
      return configuration;
    }

    @Override
    public synchronized void signalDataAvailable() {
      signalled = true;
      notifyAll();
    }

    @Override
    public MetricGroup metrics() {
      return metrics;
    }

    /** Waits for a signal; false when none came within {@code millis}. */
    synchronized boolean awaitData(long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (!signalled) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        wait(left);
      }
      signalled = false;
      return true;
    }
  }

  /** Passes every record on, whichever split it came from; there are no watermarks here. */
  private record CollectingOutput<T>(Consumer<T> records) implements ReaderOutput<T> {
    @Override
    public void collect(T record) {
      records.accept(record);
    }

    @Override
    public void collect(T record, long timestamp) {
      records.accept(record);
    }

    @Override
    public SourceOutput<T> forSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseSplit(String splitId) {}
  }
}
