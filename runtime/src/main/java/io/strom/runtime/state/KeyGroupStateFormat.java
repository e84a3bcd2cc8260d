package io.strom.runtime.state;

import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputView;
import java.io.IOException;

/**
 * The checkpoint form of one key group's keyed state, shared by every state backend so that a
 * checkpoint written by one backend restores into another, at any parallelism.
 *
 * <pre>
 * int states, each: UTF name | byte kind | bool timed | int length | body
 * body: int entries, each: key | namespace | value
 * value of value, reducing, aggregating state: [long timestamp] value
 * value of list state: int n, n × ([long timestamp] element)
 * value of map state:  int n, n × (user key | [long timestamp] | bool present [user value])
 * </pre>
 *
 * Keys and namespaces are written with the self-describing {@code DynamicSerializer} (keyed
 * operators do not declare their key type); values, elements and user keys with the serializers
 * of the state descriptor's types. Timestamps are there only when {@code timed}: the state had a
 * time-to-live when it was written. States without entries in the key group are left out.
 */
public final class KeyGroupStateFormat {
  private KeyGroupStateFormat() {}

  /** One state's section of a key group, as read. */
  public record StateSection(String name, StateKind kind, boolean timed, byte[] body) {}

  /** The header of one state's section; {@code length} bytes of body follow it. */
  public record SectionHeader(String name, StateKind kind, boolean timed, int length) {}

  /**
   * Writes a key group without states: where the states are checkpointed in the backend's own
   * files (incremental checkpoints) and the key group section holds only the timers.
   */
  public static void writeNoStates(DataOutputView out) throws IOException {
    out.writeInt(0);
  }

  /** Writes one state's section header and body. */
  public static void writeSection(
      DataOutputView out, String name, StateKind kind, boolean timed, byte[] body, int length)
      throws IOException {
    writeSection(out, name, kind, timed, body, 0, length);
  }

  /** Writes one state's section header and the body at {@code offset} of {@code buffer}. */
  public static void writeSection(
      DataOutputView out, String name, StateKind kind, boolean timed, byte[] buffer, int offset,
      int length)
      throws IOException {
    writeSectionHeader(out, name, kind, timed, length);
    out.write(buffer, offset, length);
  }

  /** Writes one state's section header; {@code length} bytes of body must follow it. */
  public static void writeSectionHeader(
      DataOutputView out, String name, StateKind kind, boolean timed, int length)
      throws IOException {
    out.writeUTF(name);
    out.writeByte(kind.ordinal());
    out.writeBoolean(timed);
    out.writeInt(length);
  }

  /** Reads one state's section written by {@link #writeSection}. */
  public static StateSection readSection(DataInputView in) throws IOException {
    SectionHeader header = readSectionHeader(in);
    byte[] body = new byte[header.length()];
    in.readFully(body);
    return new StateSection(header.name(), header.kind(), header.timed(), body);
  }

  /**
   * Reads the header of one state's section, leaving its body to the caller: one that keeps the
   * body with bytes of its own reads it into place instead of copying it.
   */
  public static SectionHeader readSectionHeader(DataInputView in) throws IOException {
    String name = in.readUTF();
    StateKind kind = StateKind.ofOrdinal(in.readByte(), name);
    boolean timed = in.readBoolean();
    return new SectionHeader(name, kind, timed, in.readInt());
  }
}
