package io.strom.table.api;

import io.strom.planner.ValidationException;

/**
 * A group window over a time attribute, built by {@link Tumble}, {@link Slide} or {@link Session}:
 * {@code Tumble.over(lit(10).minutes()).on($("rowtime")).as("w")}. Windows of a table become the
 * window table functions SQL uses ({@code TUMBLE}, {@code HOP}, {@code SESSION}), so results are
 * those of the SQL form.
 */
public final class GroupWindow {
  enum Kind {
    TUMBLE,
    SLIDE,
    SESSION
  }

  private final Kind kind;
  private final Expression size;
  private final Expression slide;
  private final Expression time;
  private final String alias;

  GroupWindow(Kind kind, Expression size, Expression slide, Expression time, String alias) {
    this.kind = kind;
    this.size = size;
    this.slide = slide;
    this.time = time;
    this.alias = alias;
  }

  /** A sliding window advancing by {@code slide}: {@code Slide.over(size).every(slide)}. */
  public GroupWindow every(Expression slide) {
    if (kind != Kind.SLIDE) {
      throw new ValidationException("every(...) applies to sliding windows only");
    }
    return new GroupWindow(kind, size, slide, time, alias);
  }

  /** The time attribute (rowtime or proctime column) that places rows in windows. */
  public GroupWindow on(Expression timeField) {
    if (timeField.kind() != Expression.Kind.COLUMN) {
      throw new ValidationException("A window is on a time attribute column, e.g. on($(\"rowtime\"))");
    }
    return new GroupWindow(kind, size, slide, timeField, alias);
  }

  /** Names the window, so groupBy and select can refer to it: {@code $("w")}. */
  public GroupWindow as(String alias) {
    return new GroupWindow(kind, size, slide, time, alias);
  }

  String alias() {
    if (alias == null) {
      throw new ValidationException("A group window needs a name: add as(\"w\") and groupBy($(\"w\"), ...)");
    }
    return alias;
  }

  /**
   * The window table function over {@code table}, in a FROM clause.
   *
   * @param partitionKeys the grouping keys besides the window, for session windows
   */
  String tableFunction(String table, String partitionKeys) {
    if (time == null) {
      throw new ValidationException("A group window needs its time attribute: add on($(\"rowtime\"))");
    }
    String descriptor = "DESCRIPTOR(" + time.toSql(SqlScope.NONE) + ")";
    return switch (kind) {
      case TUMBLE -> "TABLE(TUMBLE(TABLE " + table + ", " + descriptor + ", " + interval(size) + "))";
      case SLIDE -> {
        if (slide == null) {
          throw new ValidationException("A sliding window needs its slide: Slide.over(size).every(slide)");
        }
        yield "TABLE(HOP(TABLE " + table + ", " + descriptor + ", " + interval(slide) + ", "
            + interval(size) + "))";
      }
      case SESSION -> "TABLE(SESSION(TABLE " + table
          + (partitionKeys.isEmpty() ? "" : " PARTITION BY " + partitionKeys) + ", " + descriptor
          + ", " + interval(size) + "))";
    };
  }

  private static String interval(Expression value) {
    if (value.kind() != Expression.Kind.INTERVAL || value.isRowCount()) {
      throw new ValidationException(
          "Group windows are sized by time, e.g. lit(10).minutes(); row-count windows are not"
              + " supported; got " + value);
    }
    return value.toSql(SqlScope.NONE);
  }
}
