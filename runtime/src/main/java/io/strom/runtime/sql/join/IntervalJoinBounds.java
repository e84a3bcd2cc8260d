package io.strom.runtime.sql.join;

import java.io.Serializable;

/**
 * The time bounds of an interval join: a left row at time {@code l} and a right row at time
 * {@code r} may join when {@code r + leftLowerBound <= l <= r + leftUpperBound} (milliseconds,
 * both inclusive; a strict comparison in SQL is already one millisecond narrower here).
 *
 * @param rowTime whether the times are event times (else processing times)
 * @param leftTimeIndex the time attribute's position in the left input's rows
 * @param rightTimeIndex the time attribute's position in the right input's rows
 */
public record IntervalJoinBounds(
    boolean rowTime, long leftLowerBound, long leftUpperBound, int leftTimeIndex, int rightTimeIndex)
    implements Serializable {

  public IntervalJoinBounds {
    if (leftTimeIndex < 0 || rightTimeIndex < 0) {
      throw new IllegalArgumentException("Time indices must not be negative");
    }
  }

  /** How far a left row's time reaches before the right row's time: {@code -leftLowerBound}. */
  public long leftRelativeSize() {
    return -leftLowerBound;
  }

  /** How far a right row's time reaches before the left row's time: {@code leftUpperBound}. */
  public long rightRelativeSize() {
    return leftUpperBound;
  }

  /** True when no pair of rows can satisfy the bounds (the upper bound is below the lower). */
  public boolean isEmpty() {
    return leftUpperBound < leftLowerBound;
  }

  /**
   * How long the join may emit a row after the watermark passed the row's time, and so how far
   * it holds its output watermark back.
   */
  public long maxOutputDelay() {
    return Math.max(leftRelativeSize(), rightRelativeSize());
  }

  /** As plans print them. */
  @Override
  public String toString() {
    return "isRowTime=" + rowTime + ", leftLowerBound=" + leftLowerBound + ", leftUpperBound="
        + leftUpperBound + ", leftTimeIndex=" + leftTimeIndex + ", rightTimeIndex=" + rightTimeIndex;
  }
}
