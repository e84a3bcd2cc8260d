package io.strom.api.state;

import static java.util.Objects.requireNonNull;

import io.strom.api.typeinfo.TypeInfo;

/** Declares a {@link MapState}; {@link #type()} is the type of the map's values. */
public final class MapStateDescriptor<UK, UV> extends StateDescriptor<UV> {
  private static final long serialVersionUID = 1L;

  private final TypeInfo<UK> keyType;

  public MapStateDescriptor(String name, TypeInfo<UK> keyType, TypeInfo<UV> valueType) {
    super(name, valueType);
    this.keyType = requireNonNull(keyType, "keyType");
  }

  public TypeInfo<UK> keyType() {
    return keyType;
  }
}
