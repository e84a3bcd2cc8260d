package io.strom.runtime.tasks;

import io.strom.api.eventtime.TimestampAssigner;
import io.strom.api.eventtime.WatermarkGenerator;
import io.strom.api.eventtime.WatermarkOutput;
import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.runtime.operators.Output;
import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.SourceOutput;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceSplit;
import io.strom.runtime.time.Watermarks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a source reader as a task's input: assigns timestamps, generates watermarks per split with
 * the job's strategy, and combines them (the minimum over active splits) into the source's
 * watermark. Periodic generators are asked every auto-watermark interval; with an interval of 0
 * after every record.
 *
 * <p>Called only on the task's thread.
 */
final class SourceInput<T> implements TaskInput, ReaderOutput<T> {
  private static final String DEFAULT_SPLIT = "";

  private final SourceReader<T, SourceSplit> reader;
  private final Output<T> output;
  private final WatermarkStrategy<T> strategy;
  private final TimestampAssigner<T> timestampAssigner;
  private final boolean emitAfterEveryRecord;
  private final Boundedness boundedness;
  private final Map<String, SplitOutput> splits = new HashMap<>();
  private final List<SplitOutput> activeSplits = new ArrayList<>();
  private final WatermarkCombiner combiner;
  /** Set by a stop with drain: event time has ended and nothing more is read. */
  private boolean drained;
  /** Whether the reader's last poll found nothing to read. */
  private boolean starved;
  private SplitOutput defaultSplit;

  SourceInput(
      SourceReader<T, SourceSplit> reader,
      Output<T> output,
      WatermarkStrategy<T> strategy,
      long autoWatermarkIntervalMillis,
      Boundedness boundedness) {
    this.reader = reader;
    this.output = output;
    this.strategy = strategy;
    this.timestampAssigner = strategy.createTimestampAssigner();
    this.emitAfterEveryRecord = autoWatermarkIntervalMillis == 0;
    this.boundedness = boundedness;
    this.combiner =
        new WatermarkCombiner(
            0,
            new WatermarkCombiner.Listener() {
              @Override
              public void onWatermark(long watermark) {
                output.emitWatermark(watermark);
              }

              @Override
              public void onStatus(boolean idle) {
                output.emitWatermarkStatus(idle);
              }
            });
  }

  SourceReader<T, SourceSplit> reader() {
    return reader;
  }

  /**
   * Ends event time and stops reading, for a stop with drain: the end-of-time watermark goes out
   * now, and nothing after it.
   */
  void drain() {
    drained = true;
    output.emitWatermark(Watermarks.END);
  }

  @Override
  public InputStatus emitNext() throws Exception {
    if (drained) {
      return InputStatus.NOTHING_AVAILABLE;
    }
    InputStatus status = reader.pollNext(this);
    starved = status == InputStatus.NOTHING_AVAILABLE;
    if (status == InputStatus.END_OF_INPUT && boundedness == Boundedness.BOUNDED) {
      // The end of a bounded input is the end of event time: every pending timer may fire.
      output.emitWatermark(Watermarks.END);
    }
    return status;
  }

  /** How long the strategy lets a split stay without records before it is idle; zero: never. */
  Duration idleTimeout() {
    return strategy.idleTimeout();
  }

  /**
   * Asks every split's generator for a periodic watermark. A reader that has no split and found
   * nothing to read (more readers than splits, or splits still to be discovered) is idle, so it
   * holds no watermark back downstream; it turns active with its next split. Between two splits
   * it reads one after the other it stays active.
   */
  void emitPeriodicWatermarks() throws Exception {
    if (drained) {
      return;
    }
    if (splits.isEmpty() && starved) {
      combiner.refreshStatus();
    }
    for (int i = 0; i < activeSplits.size(); i++) {
      activeSplits.get(i).periodicEmit();
    }
  }

  @Override
  public void collect(T record) {
    defaultSplit().collect(record);
  }

  @Override
  public void collect(T record, long timestamp) {
    defaultSplit().collect(record, timestamp);
  }

  private SplitOutput defaultSplit() {
    if (defaultSplit == null) {
      defaultSplit = (SplitOutput) forSplit(DEFAULT_SPLIT);
    }
    return defaultSplit;
  }

  @Override
  public SourceOutput<T> forSplit(String splitId) {
    SplitOutput split = splits.get(splitId);
    if (split == null) {
      split = new SplitOutput(combiner.addInput(), strategy.createWatermarkGenerator());
      splits.put(splitId, split);
      activeSplits.add(split);
      try {
        // Idle while it had no split; active again now.
        combiner.refreshStatus();
      } catch (Exception e) {
        throw OperatorException.wrap("Source", e);
      }
    }
    return split;
  }

  @Override
  public void releaseSplit(String splitId) {
    SplitOutput split = splits.remove(splitId);
    if (split != null) {
      activeSplits.remove(split);
      try {
        combiner.finishInput(split.input);
      } catch (Exception e) {
        throw OperatorException.wrap("Source", e);
      }
    }
  }

  @Override
  public void release() throws Exception {
    reader.close();
  }

  /** The records and watermarks of one split. */
  private final class SplitOutput implements SourceOutput<T>, WatermarkOutput {
    private final int input;
    private final WatermarkGenerator<T> generator;

    SplitOutput(int input, WatermarkGenerator<T> generator) {
      this.input = input;
      this.generator = generator;
    }

    @Override
    public void collect(T record) {
      collect(record, Output.NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
      long ts = timestampAssigner.extractTimestamp(record, timestamp);
      generator.onEvent(record, ts, this);
      output.collect(record, ts);
      if (emitAfterEveryRecord) {
        generator.onPeriodicEmit(this);
      }
    }

    void periodicEmit() {
      generator.onPeriodicEmit(this);
    }

    @Override
    public void emitWatermark(long watermark) {
      try {
        combiner.updateWatermark(input, watermark);
      } catch (Exception e) {
        throw OperatorException.wrap("Source", e);
      }
    }

    @Override
    public void markIdle() {
      try {
        combiner.updateStatus(input, true);
      } catch (Exception e) {
        throw OperatorException.wrap("Source", e);
      }
    }

    @Override
    public void markActive() {
      try {
        combiner.updateStatus(input, false);
      } catch (Exception e) {
        throw OperatorException.wrap("Source", e);
      }
    }
  }
}
