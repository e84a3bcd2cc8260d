package io.strom.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.testutils.ManualProcessingTimeService;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.TimerServiceManager;
import io.strom.runtime.time.Triggerable;
import io.strom.serde.DataOutputSerializer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The heap keyed state of a checkpoint, captured on the task's thread and appended to the state
 * file later: each key group's section is the one the task would have written at capture, state
 * and timers, whatever changed since.
 */
class HeapKeyedStateWriterTest {
  private static final int MAX_PARALLELISM = 16;
  private static final KeyGroupRange RANGE = new KeyGroupRange(4, 11);
  private static final VoidNamespace NS = VoidNamespace.INSTANCE;

  private final ManualProcessingTimeService clock = new ManualProcessingTimeService(0);
  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(RANGE, MAX_PARALLELISM, clock::currentProcessingTime);
  private final TimerServiceManager<String> timers =
      new TimerServiceManager<>(RANGE, MAX_PARALLELISM, clock);

  @Test
  void appendsTheSectionsAsOfTheCaptureAndReleasesTheSnapshot() throws Exception {
    InternalValueState<String, VoidNamespace, Long> counts =
        backend.valueState(new ValueStateDescriptor<>("counts", Types.LONG));
    InternalTimerService<String, VoidNamespace> timerService =
        timers.getTimerService("timers", new NoTimers());
    for (String key : ownedKeys(100)) {
      counts.update(key, NS, 1L);
      timerService.registerEventTimeTimer(key, NS, 10);
    }
    String[] expected = new String[RANGE.size()];
    for (int kg = RANGE.first(); kg <= RANGE.last(); kg++) {
      DataOutputSerializer out = new DataOutputSerializer(64);
      backend.snapshotKeyGroup(kg, out);
      timers.snapshotKeyGroup(kg, out);
      expected[kg - RANGE.first()] = HexFormat.of().formatHex(out.toByteArray());
    }

    HeapKeyedStateWriter writer = HeapKeyedStateWriter.capture(backend, timers);
    for (String key : ownedKeys(200)) {
      counts.update(key, NS, 2L);
      timerService.registerEventTimeTimer(key, NS, 20);
    }
    DataOutputSerializer file = new DataOutputSerializer(64);
    file.writeByte(7); // what precedes the sections in the file
    long[] offsets = new long[RANGE.size() + 1];
    writer.appendTo(file, offsets);
    writer.release();

    assertThat(offsets[0]).isEqualTo(1);
    assertThat(offsets[RANGE.size()]).isEqualTo(file.length());
    for (int i = 0; i < RANGE.size(); i++) {
      byte[] section =
          Arrays.copyOfRange(file.buffer(), (int) offsets[i], (int) offsets[i + 1]);
      assertThat(HexFormat.of().formatHex(section)).isEqualTo(expected[i]);
    }
    assertThat(backend.runningSnapshots()).isZero();
  }

  /** Keys of this backend's key groups. */
  private String[] ownedKeys(int count) {
    return IntStream.range(0, 10_000)
        .mapToObj(i -> "key-" + i)
        .filter(k -> RANGE.contains(KeyGroups.keyGroupOf(k, MAX_PARALLELISM)))
        .limit(count)
        .toArray(String[]::new);
  }

  /** Timers are registered, never fired, here. */
  private static final class NoTimers implements Triggerable<String, VoidNamespace> {
    @Override
    public void onEventTime(String key, VoidNamespace namespace, long time) {}

    @Override
    public void onProcessingTime(String key, VoidNamespace namespace, long time) {}
  }
}
