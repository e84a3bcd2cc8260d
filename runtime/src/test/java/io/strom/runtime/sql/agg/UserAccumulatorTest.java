package io.strom.runtime.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class UserAccumulatorTest {

  /** A counter accumulator. */
  public static final class Count implements Serializable {
    private static final long serialVersionUID = 1L;
    long n;
  }

  /** Counts rows. */
  public static final class CountFunction extends AggregateFunction<Long, Count> {
    @Override
    public Count createAccumulator() {
      return new Count();
    }

    @Override
    public Long getValue(Count acc) {
      return acc.n;
    }
  }

  /** Creates accumulators Java serialization cannot write. */
  public static final class BrokenFunction extends AggregateFunction<Long, Object> {
    @Override
    public Object createAccumulator() {
      return new Object();
    }

    @Override
    public Long getValue(Object acc) {
      return 0L;
    }
  }

  private final UserAccumulator holder = new UserAccumulator(new CountFunction(), "COUNTER");

  @Test
  void storedBytesReadBackToAnEqualAccumulator() {
    holder.load(holder.create());
    ((Count) holder.changing()).n = 41;
    byte[] stored = holder.store();

    UserAccumulator other = new UserAccumulator(new CountFunction(), "COUNTER");
    other.load(stored);

    assertThat(((Count) other.get()).n).isEqualTo(41);
  }

  @Test
  void reloadingTheBytesItLastStoredReusesTheObjectUntilItChanges() {
    holder.load(holder.create());
    ((Count) holder.changing()).n = 1;
    byte[] first = holder.store();
    Object accumulator = holder.get();

    holder.load(first);
    assertThat(holder.get()).isSameAs(accumulator);
    assertThat(holder.store()).isSameAs(first);

    // A change makes the stored bytes stale: loading them again must read them back.
    ((Count) holder.changing()).n = 2;
    holder.load(first);
    assertThat(holder.get()).isNotSameAs(accumulator);
    assertThat(((Count) holder.get()).n).isEqualTo(1);
  }

  @Test
  void anAccumulatorThatCannotBeSerializedIsNamedInTheError() {
    UserAccumulator broken = new UserAccumulator(new BrokenFunction(), "BROKEN");
    assertThatThrownBy(broken::create)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("aggregate function 'BROKEN'")
        .hasMessageContaining("java.lang.Object, which is not java.io.Serializable");
  }
}
