package io.strom.serde;

import static java.util.Objects.requireNonNull;

import io.strom.serde.BasicSerializers.ImmutableSerializer;
import java.io.IOException;

/** Serializer of the constants of one enum as their var-int ordinal. */
public final class EnumSerializer<E extends Enum<E>> extends ImmutableSerializer<E> {
  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;
  private final transient E[] constants;

  public EnumSerializer(Class<E> enumClass) {
    this.enumClass = requireNonNull(enumClass, "enumClass");
    this.constants = enumClass.getEnumConstants();
  }

  @Override
  public void serialize(E value, DataOutputView target) throws IOException {
    target.writeVarInt(value.ordinal());
  }

  @Override
  public E deserialize(DataInputView source) throws IOException {
    int ordinal = source.readVarInt();
    if (ordinal >= constants.length) {
      throw new IOException(
          "Corrupt data or changed enum: " + enumClass.getName() + " has no constant number "
              + ordinal);
    }
    return constants[ordinal];
  }

  private Object readResolve() {
    return new EnumSerializer<>(enumClass);
  }
}
