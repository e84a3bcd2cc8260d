package io.strom.runtime.sql;

import io.strom.api.state.StateDescriptor;
import io.strom.api.state.StateTtlConfig;
import java.time.Duration;

/** Applies {@code table.exec.state.ttl} to the state a SQL operator declares. */
public final class StateTimeToLive {
  private StateTimeToLive() {}

  /** Lets {@code descriptor}'s entries expire after {@code ttlMillis} idle; 0 keeps them forever. */
  public static <D extends StateDescriptor<?>> D apply(D descriptor, long ttlMillis) {
    if (ttlMillis > 0) {
      descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(ttlMillis)).build());
    }
    return descriptor;
  }
}
