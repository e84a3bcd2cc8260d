package io.strom.data;

/** The change a row stands for in a changelog: an insertion, either half of an update, or a deletion. */
public enum RowKind {
  INSERT("+I", (byte) 0),
  UPDATE_BEFORE("-U", (byte) 1),
  UPDATE_AFTER("+U", (byte) 2),
  DELETE("-D", (byte) 3);

  private static final RowKind[] BY_VALUE = {INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE};

  private final String shortString;
  private final byte value;

  RowKind(String shortString, byte value) {
    this.shortString = shortString;
    this.value = value;
  }

  /** The changelog marker Flink prints before a row: {@code +I}, {@code -U}, {@code +U}, {@code -D}. */
  public String shortString() {
    return shortString;
  }

  /** The value stored in binary rows; fixed forever, since it is part of the state format. */
  public byte toByteValue() {
    return value;
  }

  public static RowKind fromByteValue(byte value) {
    if (value < 0 || value >= BY_VALUE.length) {
      throw new IllegalArgumentException("Corrupt data: unknown row kind byte " + value);
    }
    return BY_VALUE[value];
  }

  /** True for the kinds that add a row to the result: {@code +I} and {@code +U}. */
  public boolean isAccumulate() {
    return this == INSERT || this == UPDATE_AFTER;
  }
}
