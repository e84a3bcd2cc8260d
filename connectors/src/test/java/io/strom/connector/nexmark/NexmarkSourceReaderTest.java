package io.strom.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.Row;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.SourceOutput;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readers and the split enumerator driven by hand: a reader's checkpoint names the next event of
 * each split, so readers restored from it, even at another parallelism, continue exactly.
 */
class NexmarkSourceReaderTest {
  private static final long BASE = 0;
  /** 1000 events a second from time 0: an event's timestamp in ms is its number. */
  private static final NexmarkConfig CONFIG =
      new NexmarkConfig(1, 3, 46, 1000, 5000, 2, 4, 4, 200, 500, 100, BASE, 3);

  /** Records the event number (its timestamp) of every row emitted. */
  private static final class Collecting implements ReaderOutput<Row> {
    final List<Long> events = new ArrayList<>();

    @Override
    public SourceOutput<Row> forSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseSplit(String splitId) {}

    @Override
    public void collect(Row record) {
      int kind = record.getInt(NexmarkGenerator.EVENT_TYPE);
      int column = kind + 1;
      int arity = kind == 0 ? PersonGenerator.ARITY
          : kind == 1 ? AuctionGenerator.ARITY : BidGenerator.ARITY;
      int dateTime = kind == 0 ? PersonGenerator.DATE_TIME
          : kind == 1 ? AuctionGenerator.DATE_TIME : BidGenerator.DATE_TIME;
      events.add(record.getRow(column, arity).getTimestamp(dateTime, 3).millisecond() - BASE);
    }

    @Override
    public void collect(Row record, long timestamp) {
      collect(record);
    }
  }

  /** The splits the enumerator assigns to each reader. */
  private static Map<Integer, List<NexmarkSplit>> assign(
      NexmarkSource source, List<NexmarkSplit> restored, int parallelism) throws Exception {
    Map<Integer, List<NexmarkSplit>> assigned = new HashMap<>();
    SplitEnumeratorContext<NexmarkSplit> context = new SplitEnumeratorContext<>() {
      @Override
      public int parallelism() {
        return parallelism;
      }

      @Override
      public void assignSplits(int subtask, List<NexmarkSplit> splits) {
        assigned.computeIfAbsent(subtask, k -> new ArrayList<>()).addAll(splits);
      }

      @Override
      public void signalNoMoreSplits(int subtask) {}
    };
    var enumerator = restored == null
        ? source.createEnumerator(context)
        : source.restoreEnumerator(context, restored);
    enumerator.start();
    for (int i = 0; i < parallelism; i++) {
      enumerator.addReader(i);
    }
    return assigned;
  }

  private static NexmarkSourceReader reader(List<NexmarkSplit> splits) {
    NexmarkSourceReader reader = new NexmarkSourceReader(new NexmarkGenerator(CONFIG), null);
    reader.addSplits(splits);
    reader.notifyNoMoreSplits();
    return reader;
  }

  private static void drain(NexmarkSourceReader reader, Collecting out) throws Exception {
    while (reader.pollNext(out) != InputStatus.END_OF_INPUT) {
      // each poll emits a batch
    }
  }

  @Test
  void readersInterleaveEventNumbersInOrder() throws Exception {
    NexmarkSource source = new NexmarkSource(CONFIG, true);
    Map<Integer, List<NexmarkSplit>> assigned = assign(source, null, 4);
    for (int subtask = 0; subtask < 4; subtask++) {
      Collecting out = new Collecting();
      drain(reader(assigned.get(subtask)), out);
      List<Long> expected = new ArrayList<>();
      for (long n = subtask; n < 5000; n += 4) {
        expected.add(n);
      }
      assertThat(out.events).isEqualTo(expected);
    }
  }

  @Test
  void restoreAtAnotherParallelismContinuesWithoutLossOrRepeat() throws Exception {
    NexmarkSource source = new NexmarkSource(CONFIG, true);
    Map<Integer, List<NexmarkSplit>> assigned = assign(source, null, 3);
    Collecting beforeCheckpoint = new Collecting();
    List<NexmarkSplit> checkpoint = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      NexmarkSourceReader reader = reader(assigned.get(subtask));
      // Readers progress unevenly before the checkpoint: 0, 1 and 2 batches.
      for (int poll = 0; poll < subtask; poll++) {
        reader.pollNext(beforeCheckpoint);
      }
      checkpoint.addAll(reader.snapshotState(1));
      // What a reader emits after the checkpoint is lost with the failure (the reader keeps
      // emitting into the output it first got, so the lost rows are cut off afterwards).
      int kept = beforeCheckpoint.events.size();
      reader.pollNext(beforeCheckpoint);
      beforeCheckpoint.events.subList(kept, beforeCheckpoint.events.size()).clear();
    }
    assertThat(checkpoint).extracting(NexmarkSplit::stride).containsOnly(3);

    // Restored at parallelism 2: one reader holds two of the three splits.
    Map<Integer, List<NexmarkSplit>> restored = assign(source, checkpoint, 2);
    Collecting afterRestore = new Collecting();
    for (List<NexmarkSplit> splits : restored.values()) {
      drain(reader(splits), afterRestore);
    }

    List<Long> all = new ArrayList<>(beforeCheckpoint.events);
    all.addAll(afterRestore.events);
    assertThat(all).hasSize(5000).doesNotHaveDuplicates();
    assertThat(all).allMatch(n -> n >= 0 && n < 5000);
  }

  @Test
  void aReaderWithSeveralEndlessSplitsTakesTurnsBetweenThem() throws Exception {
    NexmarkConfig endless =
        new NexmarkConfig(1, 3, 46, 1000, 0, 2, 4, 4, 200, 500, 100, BASE, 3);
    NexmarkSourceReader reader = new NexmarkSourceReader(new NexmarkGenerator(endless), null);
    reader.addSplits(List.of(
        new NexmarkSplit("0", 0, Long.MAX_VALUE, 2), new NexmarkSplit("1", 1, Long.MAX_VALUE, 2)));
    Collecting out = new Collecting();
    for (int poll = 0; poll < 4; poll++) {
      assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
    }
    assertThat(out.events).contains(0L, 1L, 4095L, 4094L);
    assertThat(reader.snapshotState(1))
        .containsExactly(new NexmarkSplit("0", 4096, Long.MAX_VALUE, 2),
            new NexmarkSplit("1", 4097, Long.MAX_VALUE, 2));
  }
}
