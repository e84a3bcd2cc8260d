package io.strom.data;

import java.time.LocalDate;
import java.time.LocalTime;

/** What kind of value a {@link GenericRow} field holds; {@code NULL} marks a NULL field. */
public enum FieldTag {
  NULL,
  BOOLEAN,
  BYTE,
  SHORT,
  INT,
  /** An int holding days since 1970-01-01. */
  DATE,
  /** An int holding milliseconds of the day. */
  TIME,
  LONG,
  FLOAT,
  DOUBLE,
  /** An object: {@link StringData}, {@link DecimalData}, {@code byte[]}, a row, array or map. */
  REFERENCE;

  private static final FieldTag[] VALUES = values();

  final byte code = (byte) ordinal();

  static FieldTag of(byte code) {
    return VALUES[code];
  }

  /** The tag that decides equality: DATE and TIME are ints with a nicer printed form. */
  FieldTag comparable() {
    return this == DATE || this == TIME ? INT : this;
  }

  /** The Java value a DATE or TIME slot stands for, for printing. */
  Object asJavaValue(long bits) {
    return switch (this) {
      case DATE -> LocalDate.ofEpochDay(bits);
      case TIME -> LocalTime.ofNanoOfDay(bits * 1_000_000L);
      default -> throw new IllegalStateException("Bug: " + this + " has no Java form");
    };
  }
}
