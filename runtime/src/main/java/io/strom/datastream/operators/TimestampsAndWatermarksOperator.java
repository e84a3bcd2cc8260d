package io.strom.datastream.operators;

import io.strom.api.eventtime.TimestampAssigner;
import io.strom.api.eventtime.WatermarkGenerator;
import io.strom.api.eventtime.WatermarkOutput;
import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.configuration.PipelineOptions;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.time.Watermarks;

/**
 * Assigns timestamps and generates watermarks in the middle of a pipeline. Watermarks from
 * upstream are replaced by this operator's own, except the end-of-input watermark.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractOperator<T>
    implements OneInputOperator<T, T>, WatermarkOutput {
  private static final long serialVersionUID = 1L;

  private final WatermarkStrategy<T> strategy;
  private transient TimestampAssigner<T> assigner;
  private transient WatermarkGenerator<T> generator;
  private transient boolean emitAfterEveryRecord;
  private transient long currentWatermark;
  private transient boolean idle;

  public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
    this.strategy = strategy;
  }

  @Override
  protected void setup() {
    assigner = strategy.createTimestampAssigner();
    generator = strategy.createWatermarkGenerator();
    currentWatermark = Watermarks.NONE;
    long interval = context.jobConfiguration().get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    emitAfterEveryRecord = interval == 0;
    if (interval > 0) {
      context
          .processingTimeService()
          .scheduleAtFixedRate(t -> generator.onPeriodicEmit(this), interval, interval);
    }
  }

  @Override
  public void processElement(T record, long timestamp) {
    long ts = assigner.extractTimestamp(record, timestamp);
    generator.onEvent(record, ts, this);
    output.collect(record, ts);
    if (emitAfterEveryRecord) {
      generator.onPeriodicEmit(this);
    }
  }

  @Override
  public void processWatermark(long watermark) {
    if (watermark == Watermarks.END) {
      emitWatermark(watermark);
    }
  }

  @Override
  public void processWatermarkStatus(boolean upstreamIdle) {
    // This operator decides idleness itself, from its own generator.
  }

  @Override
  public void emitWatermark(long watermark) {
    if (watermark > currentWatermark) {
      currentWatermark = watermark;
      markActive();
      output.emitWatermark(watermark);
    }
  }

  @Override
  public void markIdle() {
    if (!idle) {
      idle = true;
      output.emitWatermarkStatus(true);
    }
  }

  @Override
  public void markActive() {
    if (idle) {
      idle = false;
      output.emitWatermarkStatus(false);
    }
  }
}
