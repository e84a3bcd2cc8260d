package io.strom.runtime.sql.agg;

import static java.util.Objects.requireNonNull;

import io.strom.table.functions.AggregateFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * The accumulator object of one user-defined aggregate function for the current key, as generated
 * aggregation code sees it. In the key's accumulator row it is a BYTES field written with Java
 * serialization, so both state backends and checkpoints keep it like any other value.
 *
 * <p>Serialization is the price: every row stored back serializes the accumulator, and loading
 * another key's accumulator deserializes it. Loading the very bytes this holder last produced
 * (the heap backend hands back what was stored) reuses the object instead. Used by one task
 * thread only.
 */
public final class UserAccumulator {
  private final AggregateFunction<?, ?> function;
  private final String functionName;
  private Object current;
  /** The bytes {@link #current} was read from or written to; null once it has changed since. */
  private byte[] currentBytes;

  public UserAccumulator(AggregateFunction<?, ?> function, String functionName) {
    this.function = requireNonNull(function, "function");
    this.functionName = requireNonNull(functionName, "functionName");
  }

  /** A new accumulator from the function, serialized: the value of a key that has seen no rows. */
  public byte[] create() {
    Object accumulator = function.createAccumulator();
    if (accumulator == null) {
      throw new IllegalStateException("Aggregate function '" + functionName + "' ("
          + function.getClass().getName() + ") returned null from createAccumulator()");
    }
    return serialize(accumulator);
  }

  /** Makes the accumulator stored as {@code bytes} the current one. */
  public void load(byte[] bytes) {
    if (bytes == currentBytes && current != null) {
      return;
    }
    current = deserialize(bytes);
    currentBytes = bytes;
  }

  /**
   * The accumulator stored as {@code bytes}, read back as a new object that does not become the
   * current one: another partial aggregation's, to merge into the current one.
   */
  public Object read(byte[] bytes) {
    return deserialize(bytes);
  }

  /** The current accumulator, for reading only (getValue). */
  public Object get() {
    return current;
  }

  /** The current accumulator, about to be changed by the function (accumulate, retract). */
  public Object changing() {
    currentBytes = null;
    return current;
  }

  /** The current accumulator as bytes, to store in the key's accumulator row. */
  public byte[] store() {
    if (currentBytes == null) {
      currentBytes = serialize(current);
    }
    return currentBytes;
  }

  private byte[] serialize(Object accumulator) {
    if (!(accumulator instanceof Serializable)) {
      throw new IllegalStateException("The accumulator of aggregate function '" + functionName
          + "' is a " + accumulator.getClass().getName() + ", which is not java.io.Serializable;"
          + " Strom keeps accumulators in state with Java serialization");
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(accumulator);
      }
      return bytes.toByteArray();
    } catch (NotSerializableException e) {
      throw new IllegalStateException("The accumulator of aggregate function '" + functionName
          + "' holds a " + e.getMessage() + ", which is not java.io.Serializable", e);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not serialize the accumulator of aggregate function '" + functionName + "'", e);
    }
  }

  private Object deserialize(byte[] bytes) {
    try (ObjectInputStream in = new FunctionObjectInputStream(
        new ByteArrayInputStream(bytes), function.getClass().getClassLoader())) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Could not read back the accumulator of aggregate"
          + " function '" + functionName + "' from state (did its class change?)", e);
    }
  }

  /** Resolves the accumulator's classes through the function's class loader. */
  private static final class FunctionObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    FunctionObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
