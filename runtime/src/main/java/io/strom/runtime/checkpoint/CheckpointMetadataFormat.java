package io.strom.runtime.checkpoint;

import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Strom's binary format of a checkpoint's {@code _metadata} file. Layout, big-endian:
 *
 * <pre>
 * byte version (2) | int magic "STMD" | UTF job id | long checkpoint id | long timestamp
 * | int max parallelism | int operators, each:
 *     UTF operator key | int parallelism | bool has enumerator [elements]
 *     | int subtasks, each: int index | bool keyed [UTF file | long length | long crc32
 *         | int first key group | int n | n × long offset | bool native [long base checkpoint
 *         | int files, each: UTF path | UTF local name | long length | long crc32]]
 *         | int list states, each: UTF name, elements
 * | long CRC-32 of everything before it
 * elements: int n | n × (int length | bytes)
 * </pre>
 *
 * Operator list state (small: a source's splits) lives in the metadata itself; keyed state lives in
 * the files the handles name. Version 1 (without the native part) is still read.
 */
final class CheckpointMetadataFormat {
  static final byte VERSION = 2;
  private static final byte VERSION_WITHOUT_NATIVE_STATE = 1;
  private static final int MAGIC = 0x53544D44;

  private CheckpointMetadataFormat() {}

  static byte[] write(CompletedCheckpoint checkpoint) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1024);
    out.writeByte(VERSION);
    out.writeInt(MAGIC);
    out.writeUTF(checkpoint.jobId());
    out.writeLong(checkpoint.checkpointId());
    out.writeLong(checkpoint.timestamp());
    out.writeInt(checkpoint.maxParallelism());
    out.writeInt(checkpoint.operators().size());
    for (OperatorState op : checkpoint.operators().values()) {
      out.writeUTF(op.operatorKey());
      out.writeInt(op.parallelism());
      out.writeBoolean(op.enumeratorSplits() != null);
      if (op.enumeratorSplits() != null) {
        writeElements(op.enumeratorSplits(), out);
      }
      out.writeInt(op.subtasks().size());
      for (Map.Entry<Integer, OperatorSubtaskState> e : op.subtasks().entrySet()) {
        out.writeInt(e.getKey());
        writeSubtask(e.getValue(), out);
      }
    }
    CRC32 crc = new CRC32();
    crc.update(out.buffer(), 0, out.length());
    out.writeLong(crc.getValue());
    return out.toByteArray();
  }

  private static void writeSubtask(OperatorSubtaskState state, DataOutputSerializer out)
      throws IOException {
    KeyedStateHandle keyed = state.keyed();
    out.writeBoolean(keyed != null);
    if (keyed != null) {
      out.writeUTF(keyed.fileName());
      out.writeLong(keyed.fileLength());
      out.writeLong(keyed.crc32());
      out.writeInt(keyed.firstKeyGroup());
      out.writeInt(keyed.offsets().length);
      for (long offset : keyed.offsets()) {
        out.writeLong(offset);
      }
      writeNative(keyed.nativeState(), out);
    }
    out.writeInt(state.listStates().size());
    for (Map.Entry<String, List<byte[]>> e : state.listStates().entrySet()) {
      out.writeUTF(e.getKey());
      writeElements(e.getValue(), out);
    }
  }

  private static void writeNative(NativeKeyedState state, DataOutputSerializer out)
      throws IOException {
    out.writeBoolean(state != null);
    if (state == null) {
      return;
    }
    out.writeLong(state.baseCheckpointId());
    out.writeInt(state.files().size());
    for (StateFile file : state.files()) {
      out.writeUTF(file.path());
      out.writeUTF(file.localName());
      out.writeLong(file.length());
      out.writeLong(file.crc32());
    }
  }

  private static NativeKeyedState readNative(DataInputDeserializer in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    long base = in.readLong();
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("it holds an impossible file count " + n);
    }
    List<StateFile> files = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      files.add(new StateFile(in.readUTF(), in.readUTF(), in.readLong(), in.readLong()));
    }
    return new NativeKeyedState(files, base);
  }

  private static void writeElements(List<byte[]> elements, DataOutputSerializer out) {
    out.writeInt(elements.size());
    for (byte[] element : elements) {
      out.writeInt(element.length);
      out.write(element);
    }
  }

  /**
   * Reads a metadata file's bytes.
   *
   * @throws IOException with what is wrong (version, checksum, truncation); the caller names the
   *     checkpoint and file
   */
  static CompletedCheckpoint read(byte[] bytes, Path directory) throws IOException {
    if (bytes.length < 1 + 4 + 8) {
      throw new IOException("it is truncated (" + bytes.length + " bytes)");
    }
    byte version = bytes[0];
    if (version != VERSION && version != VERSION_WITHOUT_NATIVE_STATE) {
      throw new IOException(
          "its format version is " + bytes[0] + " but this Strom reads version " + VERSION);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    in.setBuffer(bytes, bytes.length - 8, 8);
    if (in.readLong() != crc.getValue()) {
      throw new IOException("its checksum does not match its content (the file is corrupt)");
    }
    in.setBuffer(bytes, 1, bytes.length - 9);
    if (in.readInt() != MAGIC) {
      throw new IOException("it is not a Strom checkpoint metadata file");
    }
    String jobId = in.readUTF();
    long checkpointId = in.readLong();
    long timestamp = in.readLong();
    int maxParallelism = in.readInt();
    int numOperators = in.readInt();
    Map<String, OperatorState> operators = new LinkedHashMap<>();
    for (int i = 0; i < numOperators; i++) {
      OperatorState op = readOperator(in, version);
      operators.put(op.operatorKey(), op);
    }
    return new CompletedCheckpoint(
        jobId, checkpointId, timestamp, directory, maxParallelism, operators);
  }

  private static OperatorState readOperator(DataInputDeserializer in, byte version)
      throws IOException {
    String key = in.readUTF();
    int parallelism = in.readInt();
    List<byte[]> enumerator = in.readBoolean() ? readElements(in) : null;
    int numSubtasks = in.readInt();
    Map<Integer, OperatorSubtaskState> subtasks = new HashMap<>();
    for (int s = 0; s < numSubtasks; s++) {
      int index = in.readInt();
      KeyedStateHandle keyed = null;
      if (in.readBoolean()) {
        String file = in.readUTF();
        long length = in.readLong();
        long crc = in.readLong();
        int first = in.readInt();
        long[] offsets = new long[in.readInt()];
        for (int o = 0; o < offsets.length; o++) {
          offsets[o] = in.readLong();
        }
        NativeKeyedState nativeState =
            version == VERSION_WITHOUT_NATIVE_STATE ? null : readNative(in);
        keyed = new KeyedStateHandle(file, length, crc, first, offsets, nativeState);
      }
      int numLists = in.readInt();
      Map<String, List<byte[]>> lists = new LinkedHashMap<>();
      for (int l = 0; l < numLists; l++) {
        lists.put(in.readUTF(), readElements(in));
      }
      subtasks.put(index, new OperatorSubtaskState(key, keyed, lists));
    }
    return new OperatorState(key, parallelism, subtasks, enumerator);
  }

  private static List<byte[]> readElements(DataInputDeserializer in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("it holds an impossible element count " + n);
    }
    List<byte[]> elements = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int length = in.readInt();
      if (length < 0 || length > in.available()) {
        throw new IOException("it holds an impossible element length " + length);
      }
      byte[] element = new byte[length];
      in.readFully(element);
      elements.add(element);
    }
    return elements;
  }
}
