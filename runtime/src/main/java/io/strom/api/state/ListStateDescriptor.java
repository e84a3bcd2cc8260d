package io.strom.api.state;

import io.strom.api.typeinfo.TypeInfo;

/** Declares a {@link ListState}; the type is that of the list's elements. */
public final class ListStateDescriptor<T> extends StateDescriptor<T> {
  private static final long serialVersionUID = 1L;

  public ListStateDescriptor(String name, TypeInfo<T> elementType) {
    super(name, elementType);
  }
}
