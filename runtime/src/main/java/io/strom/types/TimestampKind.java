package io.strom.types;

/** Whether a timestamp column is plain data or one of the query's time attributes. */
public enum TimestampKind {
  REGULAR(""),
  /** The column carries event time: watermarks are defined on it. */
  ROWTIME("*ROWTIME*"),
  /** The column is the processing time of each row. */
  PROCTIME("*PROCTIME*");

  private final String marker;

  TimestampKind(String marker) {
    this.marker = marker;
  }

  /** Appends this kind's marker to a printed type, as Flink does: {@code TIMESTAMP(3) *ROWTIME*}. */
  String decorate(String printed) {
    return this == REGULAR ? printed : printed + " " + marker;
  }
}
