package io.strom.runtime.state;

import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DataOutputView;
import java.io.IOException;

/**
 * Writes one key group's part of a checkpoint in the framing that keyed state ({@link
 * KeyGroupStateFormat}) and timers share: {@code int sections}, each {@code header | int length |
 * body}, where only sections with entries are written. The count and each length come before what
 * they count, so a key group is put together in a buffer and patched once complete.
 *
 * <p>A section's body is serialized in place after its header and taken back whole when it turns
 * out empty, so its bytes are copied at most once more: into the output, and not even that when
 * the output is a buffer itself. Written by one thread at a time; reused key group after key group.
 */
public final class KeyGroupSectionsWriter {

  /** What writes the sections of one key group, through the writer given to it. */
  @FunctionalInterface
  public interface Sections {
    void writeTo(KeyGroupSectionsWriter writer) throws IOException;
  }

  /** Where a key group is put together when the output is not a buffer itself. */
  private final DataOutputSerializer staging = new DataOutputSerializer(4096);
  private DataOutputSerializer target;
  private int count;
  /** Where the open section's header begins, and where its length is; -1 when none is open. */
  private int sectionAt = -1;
  private int lengthAt = -1;

  /**
   * Writes one key group's sections to {@code out}: straight into it when it is a {@link
   * DataOutputSerializer}, else put together in this writer's buffer and copied once.
   */
  public void writeKeyGroup(DataOutputView out, Sections sections) throws IOException {
    if (out instanceof DataOutputSerializer buffer) {
      target = buffer;
    } else {
      staging.clear();
      target = staging;
    }
    int countAt = target.length();
    target.writeInt(0);
    count = 0;
    sectionAt = -1;
    sections.writeTo(this);
    if (sectionAt >= 0) {
      throw new IllegalStateException("Bug: a key group's last section was never closed");
    }
    target.writeIntAt(countAt, count);
    if (target == staging) {
      out.write(staging.buffer(), 0, staging.length());
    }
    target = null;
  }

  /**
   * Opens a state's section ({@link KeyGroupStateFormat}); its body goes to the returned view
   * until {@link #closeSection}.
   */
  public DataOutputView openSection(String name, StateKind kind, boolean timed)
      throws IOException {
    markSection();
    KeyGroupStateFormat.writeSectionHeader(target, name, kind, timed, 0);
    return bodyFollows();
  }

  /**
   * Opens a section headed by its name alone (a timer service's); its body goes to the returned
   * view until {@link #closeSection}.
   */
  public DataOutputView openSection(String name) throws IOException {
    markSection();
    target.writeUTF(name);
    target.writeInt(0);
    return bodyFollows();
  }

  /** Closes the open section: keeps it when it has entries, else takes it back, header and all. */
  public void closeSection(boolean hasEntries) {
    if (sectionAt < 0) {
      throw new IllegalStateException("Bug: closing a section that was never opened");
    }
    if (hasEntries) {
      target.writeIntAt(lengthAt, target.length() - lengthAt - Integer.BYTES);
      count++;
    } else {
      target.truncate(sectionAt);
    }
    sectionAt = -1;
  }

  /** Writes a state's section whose body is bytes already (restored, not declared again yet). */
  public void writeSection(
      String name, StateKind kind, boolean timed, byte[] body, int offset, int length)
      throws IOException {
    checkNoSectionOpen();
    KeyGroupStateFormat.writeSection(target, name, kind, timed, body, offset, length);
    count++;
  }

  /** Writes a section headed by its name alone whose body is bytes already. */
  public void writeSection(String name, byte[] body) throws IOException {
    checkNoSectionOpen();
    target.writeUTF(name);
    target.writeInt(body.length);
    target.write(body);
    count++;
  }

  private void markSection() {
    checkNoSectionOpen();
    sectionAt = target.length();
  }

  /** The header just written ends with its length, patched when the section closes. */
  private DataOutputView bodyFollows() {
    lengthAt = target.length() - Integer.BYTES;
    return target;
  }

  private void checkNoSectionOpen() {
    if (target == null) {
      throw new IllegalStateException("Bug: writing a section outside writeKeyGroup");
    }
    if (sectionAt >= 0) {
      throw new IllegalStateException("Bug: a section opened before this one was never closed");
    }
  }
}
