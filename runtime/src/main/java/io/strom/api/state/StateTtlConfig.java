package io.strom.api.state;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;

/**
 * Time-to-live of keyed state, measured in processing time.
 *
 * @param ttl how long a value lives after its last update (or access, per {@code updateType})
 * @param updateType which accesses renew a value's lifetime
 * @param visibility whether an expired value that is still stored may be returned
 */
public record StateTtlConfig(Duration ttl, UpdateType updateType, StateVisibility visibility)
    implements Serializable {

  /** No expiry. */
  public static final StateTtlConfig DISABLED =
      new StateTtlConfig(Duration.ZERO, UpdateType.DISABLED, StateVisibility.NEVER_RETURN_EXPIRED);

  public StateTtlConfig {
    requireNonNull(ttl, "ttl");
    requireNonNull(updateType, "updateType");
    requireNonNull(visibility, "visibility");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("State time-to-live must not be negative: " + ttl);
    }
    if (updateType != UpdateType.DISABLED && ttl.isZero()) {
      throw new IllegalArgumentException("State time-to-live must be positive when enabled");
    }
  }

  public boolean isEnabled() {
    return updateType != UpdateType.DISABLED;
  }

  public static Builder newBuilder(Duration ttl) {
    return new Builder(ttl);
  }

  /** Which accesses renew a value's lifetime. */
  public enum UpdateType {
    DISABLED,
    ON_CREATE_AND_WRITE,
    ON_READ_AND_WRITE
  }

  /** Whether expired values that were not yet cleaned up may still be read. */
  public enum StateVisibility {
    NEVER_RETURN_EXPIRED,
    RETURN_EXPIRED_IF_NOT_CLEANED_UP
  }

  /** Builds a {@link StateTtlConfig}; defaults: renew on write, never return expired values. */
  public static final class Builder {
    private final Duration ttl;
    private UpdateType updateType = UpdateType.ON_CREATE_AND_WRITE;
    private StateVisibility visibility = StateVisibility.NEVER_RETURN_EXPIRED;

    private Builder(Duration ttl) {
      this.ttl = ttl;
    }

    public Builder setUpdateType(UpdateType type) {
      this.updateType = type;
      return this;
    }

    public Builder updateTtlOnReadAndWrite() {
      return setUpdateType(UpdateType.ON_READ_AND_WRITE);
    }

    public Builder setStateVisibility(StateVisibility visibility) {
      this.visibility = visibility;
      return this;
    }

    public StateTtlConfig build() {
      return new StateTtlConfig(ttl, updateType, visibility);
    }
  }
}
