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
 * its rowtime field, or for a computed rowtime column the column's expression over the source's
 * row, and a split's watermark is the largest value of the watermark expression seen on that
 * split. The source combines the splits' watermarks, so a split that is idle (see {@link
 * WatermarkStrategy#withIdleness}) holds nothing back.
 */
public final class RowWatermarkStrategy implements WatermarkStrategy<Row> {
  private static final long serialVersionUID = 1L;

  /** The rowtime field in the source's rows, or -1 when {@link #rowtimeExpression} computes it. */
  private final int rowtimeIndex;
  /** Computes a one-field row holding a row's rowtime, or null when it is a field. */
  private final GeneratedClass<CalcFunction> rowtimeExpression;
  private final int rowtimePrecision;
  private final GeneratedClass<CalcFunction> watermarkExpression;
  private final String timeZone;
  private final Map<String, String> parameters;

  private RowWatermarkStrategy(
      int rowtimeIndex,
      GeneratedClass<CalcFunction> rowtimeExpression,
      int rowtimePrecision,
      GeneratedClass<CalcFunction> watermarkExpression,
      String timeZone,
      Map<String, String> parameters) {
    this.rowtimeIndex = rowtimeIndex;
    this.rowtimeExpression = rowtimeExpression;
    this.rowtimePrecision = rowtimePrecision;
    this.watermarkExpression = requireNonNull(watermarkExpression, "watermarkExpression");
    this.timeZone = requireNonNull(timeZone, "timeZone");
    this.parameters = Map.copyOf(parameters);
  }

  /**
   * The strategy of a table whose rowtime is a column the source produces.
   *
   * @param rowtimeIndex the field of the rowtime column in the source's rows
   * @param rowtimePrecision its timestamp precision
   * @param watermarkExpression computes a one-field row holding the watermark for a row
   * @param timeZone the session time zone ({@code table.local-time-zone}), {@code default} for the
   *     system's
   * @param parameters the job's configuration, for the expression's functions
   */
  public static RowWatermarkStrategy ofRowtimeField(
      int rowtimeIndex,
      int rowtimePrecision,
      GeneratedClass<CalcFunction> watermarkExpression,
      String timeZone,
      Map<String, String> parameters) {
    if (rowtimeIndex < 0) {
      throw new IllegalArgumentException("No rowtime field: " + rowtimeIndex);
    }
    return new RowWatermarkStrategy(
        rowtimeIndex, null, rowtimePrecision, watermarkExpression, timeZone, parameters);
  }

  /**
   * The strategy of a table whose rowtime is a computed column, which the source computes from
   * its rows for this (the column itself is computed again after the scan).
   *
   * @param rowtimeExpression computes a one-field row holding the rowtime of a source's row
   * @param rowtimePrecision the rowtime's timestamp precision
   * @param watermarkExpression computes a one-field row holding the watermark for a source's row
   * @param timeZone the session time zone ({@code table.local-time-zone}), {@code default} for the
   *     system's
   * @param parameters the job's configuration, for the expressions' functions
   */
  public static RowWatermarkStrategy ofRowtimeExpression(
      GeneratedClass<CalcFunction> rowtimeExpression,
      int rowtimePrecision,
      GeneratedClass<CalcFunction> watermarkExpression,
      String timeZone,
      Map<String, String> parameters) {
    return new RowWatermarkStrategy(
        -1, requireNonNull(rowtimeExpression, "rowtimeExpression"), rowtimePrecision,
        watermarkExpression, timeZone, parameters);
  }

  @Override
  public TimestampAssigner<Row> createTimestampAssigner() {
    if (rowtimeExpression == null) {
      return (row, recordTimestamp) -> eventTime(row, rowtimeIndex);
    }
    CalcFunction rowtime = open(rowtimeExpression, "rowtime");
    return (row, recordTimestamp) -> eventTime(evaluate(rowtime, row, "rowtime"), 0);
  }

  @Override
  public WatermarkGenerator<Row> createWatermarkGenerator() {
    return new SplitWatermarks(open(watermarkExpression, "watermark"));
  }

  private CalcFunction open(GeneratedClass<CalcFunction> code, String what) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = RowWatermarkStrategy.class.getClassLoader();
    }
    CalcFunction expression = code.newInstance(loader);
    try {
      ZoneId zone = timeZone.equals("default") ? ZoneId.systemDefault() : ZoneId.of(timeZone);
      expression.open(new FunctionContext(zone, parameters, loader));
    } catch (Exception e) {
      throw new IllegalStateException("Could not open the " + what + " expression", e);
    }
    return expression;
  }

  private static Row evaluate(CalcFunction expression, Row row, String what) {
    try {
      return expression.apply(row);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("The " + what + " expression failed", e);
    }
  }

  private long eventTime(Row row, int field) {
    if (row == null || row.isNullAt(field)) {
      throw new IllegalArgumentException(
          "A row's rowtime " + (rowtimeExpression == null
              ? "field (column " + (field + 1) + ")" : "(a computed column)")
              + " is NULL; rows of a table with a WATERMARK need an event time. Filter them out"
              + " or give them a default with COALESCE in a computed column.");
    }
    return row.getTimestamp(field, rowtimePrecision).millisecond();
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
      Row watermarkRow = evaluate(expression, row, "watermark");
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
