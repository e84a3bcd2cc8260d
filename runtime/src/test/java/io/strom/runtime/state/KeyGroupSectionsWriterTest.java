package io.strom.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DataOutputView;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The count-then-sections framing that keyed state and timers share in a checkpoint. */
class KeyGroupSectionsWriterTest {

  /** A state with entries, an empty one, a restored body, then a timer service. */
  private static final KeyGroupSectionsWriter.Sections SECTIONS = writer -> {
    DataOutputView counts = writer.openSection("counts", StateKind.VALUE, false);
    counts.writeInt(1);
    counts.writeLong(42);
    writer.closeSection(true);
    DataOutputView empty = writer.openSection("empty", StateKind.LIST, true);
    empty.writeInt(0);
    writer.closeSection(false);
    writer.writeSection("restored", StateKind.MAP, true, new byte[] {9, 1, 2, 3}, 1, 3);
    DataOutputView timers = writer.openSection("timers");
    timers.writeInt(7);
    writer.closeSection(true);
  };

  @Test
  void writesTheCountThenOnlySectionsWithEntriesEachWithItsLength() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    new KeyGroupSectionsWriter().writeKeyGroup(out, SECTIONS);

    DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
    assertThat(in.readInt()).as("sections").isEqualTo(3);
    KeyGroupStateFormat.StateSection counts = KeyGroupStateFormat.readSection(in);
    assertThat(counts.name()).isEqualTo("counts");
    assertThat(counts.kind()).isEqualTo(StateKind.VALUE);
    assertThat(counts.timed()).isFalse();
    assertThat(counts.body()).hasSize(12);
    KeyGroupStateFormat.StateSection restored = KeyGroupStateFormat.readSection(in);
    assertThat(restored.name()).isEqualTo("restored");
    assertThat(restored.kind()).isEqualTo(StateKind.MAP);
    assertThat(restored.timed()).isTrue();
    assertThat(restored.body()).containsExactly(1, 2, 3);
    assertThat(in.readUTF()).isEqualTo("timers");
    assertThat(in.readInt()).isEqualTo(4);
    assertThat(in.readInt()).isEqualTo(7);
    assertThat(in.available()).isZero();
  }

  @Test
  void aStreamGetsTheSameBytesAsABufferAppendedTo() throws IOException {
    KeyGroupSectionsWriter writer = new KeyGroupSectionsWriter();
    DataOutputSerializer buffer = new DataOutputSerializer(16);
    buffer.writeByte(0x55); // an earlier key group's bytes stay as they are
    writer.writeKeyGroup(buffer, SECTIONS);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    writer.writeKeyGroup(new StreamView(bytes), SECTIONS);
    writer.writeKeyGroup(new StreamView(bytes), w -> {}); // reused: nothing of before is left

    byte[] appended = buffer.toByteArray();
    assertThat(appended[0]).isEqualTo((byte) 0x55);
    byte[] streamed = bytes.toByteArray();
    assertThat(streamed).hasSize(appended.length - 1 + Integer.BYTES);
    for (int i = 1; i < appended.length; i++) {
      assertThat(streamed[i - 1]).as("byte %d", i - 1).isEqualTo(appended[i]);
    }
    DataInputDeserializer last = new DataInputDeserializer(streamed);
    last.skipBytes(appended.length - 1);
    assertThat(last.readInt()).as("sections of an empty key group").isZero();
  }

  @Test
  void aSectionLeftOpenIsABug() {
    assertThatThrownBy(() -> new KeyGroupSectionsWriter().writeKeyGroup(
            new DataOutputSerializer(16), w -> w.openSection("timers")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never closed");
  }

  /** A stream output, which the writer cannot patch in place. */
  private static final class StreamView extends DataOutputStream implements DataOutputView {
    StreamView(ByteArrayOutputStream out) {
      super(out);
    }
  }
}
