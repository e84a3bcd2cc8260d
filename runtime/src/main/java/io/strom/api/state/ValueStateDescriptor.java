package io.strom.api.state;

import io.strom.api.typeinfo.TypeInfo;

/** Declares a {@link ValueState}. */
public final class ValueStateDescriptor<T> extends StateDescriptor<T> {
  private static final long serialVersionUID = 1L;

  public ValueStateDescriptor(String name, TypeInfo<T> type) {
    super(name, type);
  }
}
