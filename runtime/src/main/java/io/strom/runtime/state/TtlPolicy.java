package io.strom.runtime.state;

import io.strom.api.state.StateTtlConfig;
import java.util.function.LongSupplier;

/**
 * The time-to-live rules of one keyed state, read from its descriptor's {@link StateTtlConfig}, with
 * the processing-time clock they are measured on.
 *
 * <p>A value written (or, with {@code ON_READ_AND_WRITE}, read) at time {@code t} expires at
 * {@code t + ttl}: from then on it is invisible, or visible once more before it is removed when
 * the visibility is {@code RETURN_EXPIRED_IF_NOT_CLEANED_UP}. Immutable.
 */
public final class TtlPolicy {
  private static final TtlPolicy NONE =
      new TtlPolicy(false, Long.MAX_VALUE, false, false, () -> 0L);

  public final boolean enabled;
  public final long ttlMillis;
  public final boolean renewOnRead;
  public final boolean returnExpired;
  private final LongSupplier clock;

  private TtlPolicy(
      boolean enabled,
      long ttlMillis,
      boolean renewOnRead,
      boolean returnExpired,
      LongSupplier clock) {
    this.enabled = enabled;
    this.ttlMillis = ttlMillis;
    this.renewOnRead = renewOnRead;
    this.returnExpired = returnExpired;
    this.clock = clock;
  }

  public static TtlPolicy of(StateTtlConfig config, LongSupplier clock) {
    if (!config.isEnabled()) {
      return NONE;
    }
    return new TtlPolicy(
        true,
        config.ttl().toMillis(),
        config.updateType() == StateTtlConfig.UpdateType.ON_READ_AND_WRITE,
        config.visibility() == StateTtlConfig.StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP,
        clock);
  }

  /** The current processing time; only asked when the policy is enabled. */
  public long now() {
    return clock.getAsLong();
  }

  public boolean isExpired(long timestamp, long now) {
    // Subtraction instead of timestamp + ttl, so a ttl near Long.MAX_VALUE cannot overflow.
    return now - timestamp >= ttlMillis;
  }
}
