package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.time.Watermarks;

/**
 * Generates the watermark of a table from its {@code WATERMARK FOR rowtime AS expr} clause, right
 * after the scan: each row's event timestamp is its rowtime field, and the watermark is the largest
 * value of the watermark expression seen so far. It is emitted every
 * {@code pipeline.auto-watermark-interval} (after every row when that is 0); a source that stays
 * silent for {@code table.exec.source.idle-timeout} is declared idle. Upstream watermarks are
 * ignored except the end of input, which is forwarded.
 */
public final class WatermarkAssignerOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final int rowtimeIndex;
  private final int rowtimePrecision;
  private final GeneratedClass<CalcFunction> watermarkExpression;
  private final long intervalMillis;
  private final long idleTimeoutMillis;
  private transient CalcFunction expression;
  private transient long maxWatermark;
  private transient long emittedWatermark;
  private transient long lastRecordTime;
  private transient boolean idle;
  private transient io.strom.runtime.time.ProcessingTimeService.Cancellable timer;

  /**
   * @param rowtimeIndex the field of the rowtime column
   * @param rowtimePrecision its timestamp precision
   * @param watermarkExpression computes a one-field row holding the watermark for an input row
   * @param intervalMillis the auto-watermark interval; 0 emits after every row
   * @param idleTimeoutMillis silence after which the input is idle; 0 never
   */
  public WatermarkAssignerOperator(
      int rowtimeIndex,
      int rowtimePrecision,
      GeneratedClass<CalcFunction> watermarkExpression,
      long intervalMillis,
      long idleTimeoutMillis) {
    this.rowtimeIndex = rowtimeIndex;
    this.rowtimePrecision = rowtimePrecision;
    this.watermarkExpression = requireNonNull(watermarkExpression, "watermarkExpression");
    this.intervalMillis = intervalMillis;
    this.idleTimeoutMillis = idleTimeoutMillis;
  }

  @Override
  protected void setup() throws Exception {
    expression = watermarkExpression.newInstance(context.userCodeClassLoader());
    expression.open(SqlFunctions.functionContext(context));
    maxWatermark = Watermarks.NONE;
    emittedWatermark = Watermarks.NONE;
    lastRecordTime = context.processingTimeService().currentProcessingTime();
    long period = intervalMillis > 0 ? intervalMillis : idleTimeoutMillis;
    if (period > 0) {
      timer = context.processingTimeService().scheduleAtFixedRate(this::onPeriodicTimer, period, period);
    }
  }

  @Override
  public void processElement(Row row, long timestamp) throws Exception {
    if (row.isNullAt(rowtimeIndex)) {
      throw new IllegalArgumentException(
          "A row's rowtime field (column " + (rowtimeIndex + 1) + ") is NULL; rows of a table"
              + " with a WATERMARK need an event time. Filter them out or give them a default"
              + " with COALESCE in a computed column.");
    }
    long eventTime = row.getTimestamp(rowtimeIndex, rowtimePrecision).millisecond();
    lastRecordTime = context.processingTimeService().currentProcessingTime();
    if (idle) {
      idle = false;
      output.emitWatermarkStatus(false);
    }
    Row watermarkRow = expression.apply(row);
    if (watermarkRow != null && !watermarkRow.isNullAt(0)) {
      TimestampData watermark = watermarkRow.getTimestamp(0, 3);
      maxWatermark = Math.max(maxWatermark, watermark.millisecond());
    }
    output.collect(row, eventTime);
    if (intervalMillis == 0) {
      emitIfAdvanced();
    }
  }

  private void onPeriodicTimer(long now) {
    if (idleTimeoutMillis > 0 && !idle && now - lastRecordTime >= idleTimeoutMillis) {
      idle = true;
      output.emitWatermarkStatus(true);
    }
    if (intervalMillis > 0) {
      emitIfAdvanced();
    }
  }

  private void emitIfAdvanced() {
    if (maxWatermark > emittedWatermark) {
      emittedWatermark = maxWatermark;
      output.emitWatermark(maxWatermark);
    }
  }

  @Override
  public void processWatermark(long watermark) {
    if (watermark == Watermarks.END) {
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
      emittedWatermark = Watermarks.END;
      output.emitWatermark(Watermarks.END);
    }
  }

  /**
   * An input that declares itself idle (a source subtask with nothing to read) makes this one idle
   * too; otherwise it would hold back the watermark downstream for good.
   */
  @Override
  public void processWatermarkStatus(boolean upstreamIdle) {
    if (upstreamIdle != idle) {
      idle = upstreamIdle;
      output.emitWatermarkStatus(upstreamIdle);
    }
  }

  @Override
  public void close() throws Exception {
    if (expression != null) {
      expression.close();
    }
  }
}
