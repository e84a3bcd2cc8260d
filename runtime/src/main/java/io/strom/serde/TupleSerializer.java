package io.strom.serde;

import io.strom.api.tuple.Tuple;
import java.io.IOException;
import java.util.List;

/**
 * Serializer of {@link Tuple}s of one arity: per field a presence byte and the value in its
 * field's serializer. Thread-safe when the field serializers are.
 */
public final class TupleSerializer<T extends Tuple> implements TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<Object>[] fields;

  @SuppressWarnings({"unchecked", "rawtypes"})
  public TupleSerializer(List<TypeSerializer<?>> fieldSerializers) {
    int arity = fieldSerializers.size();
    Tuple.newInstance(arity); // rejects arities without a tuple class
    this.fields = fieldSerializers.toArray(new TypeSerializer[0]);
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      Object field = value.getField(i);
      target.writeBoolean(field != null);
      if (field != null) {
        fields[i].serialize(field, target);
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataInputView source) throws IOException {
    Tuple tuple = Tuple.newInstance(fields.length);
    for (int i = 0; i < fields.length; i++) {
      if (source.readBoolean()) {
        tuple.setField(i, fields[i].deserialize(source));
      }
    }
    return (T) tuple;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T copy(T value) {
    Tuple copy = Tuple.newInstance(fields.length);
    for (int i = 0; i < fields.length; i++) {
      Object field = value.getField(i);
      copy.setField(i, field == null ? null : fields[i].copy(field));
    }
    return (T) copy;
  }

  @Override
  @SuppressWarnings("unchecked")
  public TupleSerializer<T> duplicate() {
    TypeSerializer<?>[] copies = new TypeSerializer<?>[fields.length];
    for (int i = 0; i < fields.length; i++) {
      copies[i] = fields[i].duplicate();
    }
    return new TupleSerializer<>(List.of(copies));
  }
}
