package io.strom.runtime.sql;

import static java.util.Objects.requireNonNull;

import io.strom.api.eventtime.TimestampAssigner;
import io.strom.api.eventtime.WatermarkGenerator;
import io.strom.api.eventtime.WatermarkOutput;
import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.FunctionContext;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.time.Watermarks;
import java.time.ZoneId;
import java.util.Map;

/**
 * The watermark strategy of a table's {@code WATERMARK FOR rowtime AS expr} clause when it runs
 * inside the source, one generator per split (e.g. per Kafka partition): each row's event time is
 * its rowtime field, and a split's watermark is the largest value of the watermark expression seen
 * on that split. The source combines the splits' watermarks, so a split that is idle (see {@link
 * WatermarkStrategy#withIdleness}) holds nothing back.
 */
public final class RowWatermarkStrategy implements WatermarkStrategy<Row> {
  private static final long serialVersionUID = 1L;

  private final int rowtimeIndex;
  private final int rowtimePrecision;
  private final GeneratedClass<CalcFunction> watermarkExpression;
  private final String timeZone;
  private final Map<String, String> parameters;

  /**
   * @param rowtimeIndex the field of the rowtime column in the source's rows
   * @param rowtimePrecision its timestamp precision
   * @param watermarkExpression computes a one-field row holding the watermark for a row
   * @param timeZone the session time zone ({@code table.local-time-zone}), {@code default} for the
   *     system's
   * @param parameters the job's configuration, for the expression's functions
   */
  public RowWatermarkStrategy(
      int rowtimeIndex,
      int rowtimePrecision,
      GeneratedClass<CalcFunction> watermarkExpression,
      String timeZone,
      Map<String, String> parameters) {
    this.rowtimeIndex = rowtimeIndex;
    this.rowtimePrecision = rowtimePrecision;
    this.watermarkExpression = requireNonNull(watermarkExpression, "watermarkExpression");
    this.timeZone = requireNonNull(timeZone, "timeZone");
    this.parameters = Map.copyOf(parameters);
  }

  @Override
  public TimestampAssigner<Row> createTimestampAssigner() {
    return (row, recordTimestamp) -> eventTime(row);
  }

  @Override
  public WatermarkGenerator<Row> createWatermarkGenerator() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = RowWatermarkStrategy.class.getClassLoader();
    }
    CalcFunction expression = watermarkExpression.newInstance(loader);
    try {
      ZoneId zone = timeZone.equals("default") ? ZoneId.systemDefault() : ZoneId.of(timeZone);
      expression.open(new FunctionContext(zone, parameters, loader));
    } catch (Exception e) {
      throw new IllegalStateException("Could not open the watermark expression", e);
    }
    return new SplitWatermarks(expression);
  }

  private long eventTime(Row row) {
    if (row.isNullAt(rowtimeIndex)) {
      throw new IllegalArgumentException(
          "A row's rowtime field (column " + (rowtimeIndex + 1) + ") is NULL; rows of a table"
              + " with a WATERMARK need an event time. Filter them out or give them a default"
              + " with COALESCE in a computed column.");
    }
    return row.getTimestamp(rowtimeIndex, rowtimePrecision).millisecond();
  }

  /** The watermark of one split: the largest watermark expression value of its rows. */
  private static final class SplitWatermarks implements WatermarkGenerator<Row> {
    private final CalcFunction expression;
    private long maxWatermark = Watermarks.NONE;
    private long emittedWatermark = Watermarks.NONE;

    SplitWatermarks(CalcFunction expression) {
      this.expression = expression;
    }

    @Override
    public void onEvent(Row row, long eventTimestamp, WatermarkOutput output) {
      Row watermarkRow;
      try {
        watermarkRow = expression.apply(row);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("The watermark expression failed", e);
      }
      if (watermarkRow != null && !watermarkRow.isNullAt(0)) {
        TimestampData watermark = watermarkRow.getTimestamp(0, 3);
        maxWatermark = Math.max(maxWatermark, watermark.millisecond());
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      if (maxWatermark > emittedWatermark) {
        emittedWatermark = maxWatermark;
        output.emitWatermark(maxWatermark);
      }
    }
  }
}
