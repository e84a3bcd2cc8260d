package io.strom.api.state;

import static java.util.Objects.requireNonNull;

import io.strom.api.typeinfo.TypeInfo;
import java.io.Serializable;

/**
 * Declares a piece of keyed state: its name (unique within the operator), the type of what it
 * stores, and optionally a time-to-live.
 */
public abstract class StateDescriptor<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final TypeInfo<T> type;
  private StateTtlConfig ttl = StateTtlConfig.DISABLED;

  protected StateDescriptor(String name, TypeInfo<T> type) {
    this.name = requireNonNull(name, "name");
    this.type = requireNonNull(type, "type");
  }

  public String name() {
    return name;
  }

  /** Type of the stored value (for map state: of the map's values; for aggregating state: of the accumulator). */
  public TypeInfo<T> type() {
    return type;
  }

  public StateTtlConfig ttl() {
    return ttl;
  }

  /** Expires values that were not written (or read, if so configured) for the configured time. */
  public void enableTimeToLive(StateTtlConfig config) {
    this.ttl = requireNonNull(config, "config");
  }
}
