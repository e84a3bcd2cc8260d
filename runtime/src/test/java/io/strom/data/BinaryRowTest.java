package io.strom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryRowTest {

  private static BinaryRow write(BinaryRowWriter writer, long id, String name) {
    writer.reset();
    writer.writeLong(0, id);
    if (name == null) {
      writer.setNullAt(1);
    } else {
      writer.writeString(1, StringData.fromString(name));
    }
    return writer.complete();
  }

  @Test
  void readsBackFixedAndVariableLengthFields() {
    BinaryRowWriter writer = new BinaryRowWriter(4);
    writer.writeKind(RowKind.UPDATE_AFTER);
    writer.writeInt(0, -7);
    writer.writeString(1, StringData.fromString("short"));
    writer.writeString(2, StringData.fromString("a string longer than seven bytes"));
    writer.setNullAt(3);
    BinaryRow row = writer.complete();

    assertThat(row.kind()).isEqualTo(RowKind.UPDATE_AFTER);
    assertThat(row.getInt(0)).isEqualTo(-7);
    assertThat(row.getString(1).toString()).isEqualTo("short");
    assertThat(row.getString(2).toString()).isEqualTo("a string longer than seven bytes");
    assertThat(row.isNullAt(3)).isTrue();
    assertThat(row.isNullAt(2)).isFalse();
  }

  @Test
  void inlinesStringsOfAtMostSevenBytes() {
    BinaryRowWriter writer = new BinaryRowWriter(1);
    writer.writeString(0, StringData.fromString("1234567"));
    assertThat(writer.complete().sizeInBytes()).isEqualTo(BinaryRow.fixedPartSize(1));
    writer.reset();
    writer.writeString(0, StringData.fromString("12345678"));
    assertThat(writer.complete().sizeInBytes()).isEqualTo(BinaryRow.fixedPartSize(1) + 8);
  }

  @Test
  void rowsOfEqualContentAreEqualKeysWhateverTheWriterHeldBefore() {
    BinaryRowWriter dirty = new BinaryRowWriter(2);
    write(dirty, 99, "a long name that leaves bytes behind");
    BinaryRow fromDirty = write(dirty, 1, "bob").copy();
    BinaryRow fromFresh = write(new BinaryRowWriter(2), 1, "bob");

    assertThat(fromDirty).isEqualTo(fromFresh).hasSameHashCodeAs(fromFresh);
    Map<BinaryRow, String> state = new HashMap<>();
    state.put(fromDirty, "seen");
    assertThat(state).containsEntry(fromFresh, "seen");
    assertThat(write(new BinaryRowWriter(2), 1, null)).isNotEqualTo(fromFresh);
  }

  @Test
  void copyIsIndependentOfTheWritersBuffer() {
    BinaryRowWriter writer = new BinaryRowWriter(2);
    BinaryRow copy = write(writer, 1, "first").copy();
    write(writer, 2, "second");

    assertThat(copy.getLong(0)).isEqualTo(1);
    assertThat(copy.getString(1).toString()).isEqualTo("first");
  }

  @Test
  void updatesFixedSizeFieldsInPlace() {
    BinaryRowWriter writer = new BinaryRowWriter(3);
    writer.setNullAt(0);
    writer.writeDouble(1, 1.0);
    writer.writeInt(2, 5);
    BinaryRow row = writer.complete().copy();

    row.setLong(0, 42);
    row.setDouble(1, 2.5);
    row.setNullAt(2);
    row.setKind(RowKind.DELETE);

    assertThat(row.isNullAt(0)).isFalse();
    assertThat(row.getLong(0)).isEqualTo(42);
    assertThat(row.getDouble(1)).isEqualTo(2.5);
    assertThat(row.isNullAt(2)).isTrue();
    assertThat(row.kind()).isEqualTo(RowKind.DELETE);
  }

  @Test
  void handlesManyFieldsAcrossSeveralNullWords() {
    int arity = 130;
    BinaryRowWriter writer = new BinaryRowWriter(arity);
    for (int i = 0; i < arity; i++) {
      if (i % 3 == 0) {
        writer.setNullAt(i);
      } else {
        writer.writeInt(i, i);
      }
    }
    BinaryRow row = writer.complete();

    for (int i = 0; i < arity; i++) {
      assertThat(row.isNullAt(i)).as("null bit of %d", i).isEqualTo(i % 3 == 0);
      if (i % 3 != 0) {
        assertThat(row.getInt(i)).isEqualTo(i);
      }
    }
    assertThat(row.kind()).isEqualTo(RowKind.INSERT);
  }

  @Test
  void rejectsBytesTooShortForTheArity() {
    assertThatThrownBy(() -> new BinaryRow(3).pointTo(new byte[8], 0, 8))
        .hasMessageContaining("needs at least");
  }

  @Test
  void arrayWriterPacksElementsByWidthAndKeepsNulls() {
    BinaryArrayWriter writer = new BinaryArrayWriter(2);
    writer.reset(3);
    writer.writeShort(0, (short) -1);
    writer.setNullAt(1);
    writer.writeShort(2, (short) 300);
    BinaryArray array = writer.complete();

    assertThat(array.size()).isEqualTo(3);
    assertThat(array.getShort(0)).isEqualTo((short) -1);
    assertThat(array.isNullAt(1)).isTrue();
    assertThat(array.getShort(2)).isEqualTo((short) 300);
    assertThat(array.sizeInBytes()).isEqualTo(BinaryArray.headerSize(3) + 8);
  }
}
