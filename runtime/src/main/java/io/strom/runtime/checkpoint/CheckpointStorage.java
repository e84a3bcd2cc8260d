package io.strom.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.util.StorageLocations;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one job in a directory, on the local disk or any file system with an
 * installed {@link java.nio.file.spi.FileSystemProvider} (see {@link StorageLocations}): {@code
 * <dir>/<jobId>/chk-<n>/} holds one state file per subtask with keyed state and, written last and
 * atomically, the {@code _metadata} file.
 * A checkpoint directory without metadata is incomplete and never restored from. Incremental
 * checkpoints also keep files in {@code <dir>/<jobId>/shared/}, referenced by every checkpoint that
 * contains them (see {@link SharedStateRegistry}).
 *
 * <p>Thread-safe: tasks write their files from the snapshot threads, the coordinator writes
 * metadata and deletes old checkpoints from the job's thread.
 */
public final class CheckpointStorage {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStorage.class);

  /** The file that makes a checkpoint directory a completed checkpoint. */
  public static final String METADATA_FILE = "_metadata";

  /** The first byte of every task state file. */
  public static final byte STATE_FILE_VERSION = 1;

  private static final String PREFIX = "chk-";

  private final Path jobDirectory;

  public CheckpointStorage(Path baseDirectory, String jobId) {
    this.jobDirectory = requireNonNull(baseDirectory, "baseDirectory").resolve(jobId);
  }

  public Path jobDirectory() {
    return jobDirectory;
  }

  public Path checkpointDirectory(long checkpointId) {
    return jobDirectory.resolve(directoryName(checkpointId));
  }

  static String directoryName(long checkpointId) {
    return PREFIX + checkpointId;
  }

  /** Where the files shared between checkpoints of this job are. */
  public Path sharedDirectory() {
    return jobDirectory.resolve(StateFile.SHARED_FOLDER);
  }

  /** Where a state file of a checkpoint of a job is, given that checkpoint's directory. */
  public static Path locate(Path checkpointDirectory, StateFile file) {
    return checkpointDirectory.getParent().resolve(file.path());
  }

  /**
   * Copies a local file into the job's directory at {@code relativePath} (under {@code shared/} or
   * a checkpoint's folder) and forces it to disk; returns it with its length and checksum. Called
   * on a snapshot thread.
   */
  public StateFile copyIn(Path source, String relativePath, String localName) throws IOException {
    Path target = jobDirectory.resolve(relativePath);
    Files.createDirectories(target.getParent());
    CRC32 crc = new CRC32();
    long length = 0;
    ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
        SeekableByteChannel out = openForWriting(target)) {
      while (in.read(buffer) >= 0) {
        buffer.flip();
        crc.update(buffer.array(), 0, buffer.limit());
        length += buffer.limit();
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        buffer.clear();
      }
      forceToDisk(out);
    }
    return new StateFile(relativePath, localName, length, crc.getValue());
  }

  /** Deletes a file of the job's directory; a failure is logged, as it only leaves garbage. */
  public void delete(StateFile file) {
    try {
      Files.deleteIfExists(jobDirectory.resolve(file.path()));
    } catch (IOException e) {
      LOG.warn("Could not delete checkpoint file {}", file.path(), e);
    }
  }

  /** A state file as written: its name in the checkpoint directory, length and checksum. */
  public record WrittenFile(String fileName, long length, long crc32) {}

  /** Writes the contents of a state file as they are produced. */
  @FunctionalInterface
  public interface StateFileWriter {
    void writeTo(StateFileOutput out) throws IOException;
  }

  /**
   * Writes a task's state file into a checkpoint's directory, streaming what {@code writer}
   * produces through a bounded buffer, and forces it to disk; the file starts with {@link
   * #STATE_FILE_VERSION}. Called on a snapshot thread, never on a task's thread. A failed write
   * leaves no file.
   */
  public WrittenFile writeStateFile(long checkpointId, String fileName, StateFileWriter writer)
      throws IOException {
    Path directory = checkpointDirectory(checkpointId);
    Files.createDirectories(directory);
    Path file = directory.resolve(fileName);
    try (SeekableByteChannel channel = openForWriting(file);
        StateFileOutput out = new StateFileOutput(Channels.newOutputStream(channel))) {
      out.writeByte(STATE_FILE_VERSION);
      writer.writeTo(out);
      out.flush();
      forceToDisk(channel);
      return new WrittenFile(fileName, out.position(), out.crc32());
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Writes the metadata of a checkpoint whose tasks all acknowledged: to a temporary file first,
   * then renamed, so a crash never leaves a half-written metadata file that looks complete.
   */
  public void writeMetadata(CompletedCheckpoint checkpoint) throws IOException {
    byte[] bytes = CheckpointMetadataFormat.write(checkpoint);
    Path directory = checkpoint.directory();
    Files.createDirectories(directory);
    Path temp = directory.resolve(METADATA_FILE + ".inprogress");
    try (SeekableByteChannel channel = openForWriting(temp)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      forceToDisk(channel);
    }
    try {
      Files.move(
          temp, directory.resolve(METADATA_FILE), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw noAtomicMove(e);
    }
  }

  private IOException noAtomicMove(AtomicMoveNotSupportedException e) {
    return new IOException(
        "The checkpoint directory " + StorageLocations.describe(jobDirectory) + " is on a file"
            + " system without atomic renames, which completing a checkpoint relies on; choose"
            + " another execution.checkpointing.dir",
        e);
  }

  /**
   * Checks, before the first checkpoint, that the directory of the job's directory can hold
   * checkpoints: that files can be created in it, renamed atomically (as metadata files are),
   * listed and deleted. Leaves no file behind.
   *
   * @throws IOException saying which of these the file system cannot do
   */
  public void checkUsable() throws IOException {
    Path base = jobDirectory.getParent();
    Files.createDirectories(base);
    Path probe = base.resolve(".probe-" + UUID.randomUUID());
    Path renamed = base.resolve(probe.getFileName() + ".renamed");
    try {
      try (SeekableByteChannel channel = openForWriting(probe)) {
        channel.write(ByteBuffer.wrap(new byte[] {STATE_FILE_VERSION}));
      }
      try {
        Files.move(probe, renamed, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw noAtomicMove(e);
      }
      try (Stream<Path> children = Files.list(base)) {
        if (children.noneMatch(p -> p.getFileName().toString().equals(
            renamed.getFileName().toString()))) {
          throw new IOException(
              "Listing the checkpoint directory " + StorageLocations.describe(base)
                  + " does not show a file just written there");
        }
      }
    } finally {
      Files.deleteIfExists(probe);
      Files.deleteIfExists(renamed);
    }
  }

  /** Opens a file of the storage for writing from its start, whichever file system it is on. */
  private static SeekableByteChannel openForWriting(Path file) throws IOException {
    return Files.newByteChannel(
        file,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }

  /** Forces a written file to disk where the file system can say so (a local one). */
  private static void forceToDisk(SeekableByteChannel channel) throws IOException {
    if (channel instanceof FileChannel file) {
      file.force(true);
    }
  }

  /**
   * Moves a completed checkpoint's directory elsewhere (a savepoint, which then belongs to the
   * user); it must hold all its files, as a savepoint does.
   */
  public void moveCheckpoint(long checkpointId, Path target) throws IOException {
    if (Files.exists(target)) {
      throw new IOException(target + " exists already");
    }
    Files.createDirectories(target.getParent());
    Path source = checkpointDirectory(checkpointId);
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // Another file system: copy, with the metadata last, then drop the original.
      Files.createDirectories(target);
      List<Path> files;
      try (Stream<Path> list = Files.list(source)) {
        files = list.sorted((a, b) -> Boolean.compare(isMetadata(a), isMetadata(b))).toList();
      }
      for (Path file : files) {
        // By name: the target may be on another file system, whose paths do not mix.
        Files.copy(file, target.resolve(file.getFileName().toString()));
      }
      deleteRecursively(source);
    }
  }

  private static boolean isMetadata(Path file) {
    return file.getFileName().toString().equals(METADATA_FILE);
  }

  /** Deletes the job's directory (and its shared folder) if nothing else is left in them. */
  public void discardJobDirectoryIfEmpty() {
    try {
      Files.deleteIfExists(sharedDirectory());
      Files.deleteIfExists(jobDirectory);
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      LOG.debug("Checkpoint directory {} still holds files", jobDirectory);
    } catch (IOException e) {
      LOG.warn("Could not delete checkpoint directory {}", jobDirectory, e);
    }
  }

  /** Deletes a checkpoint's directory; a failure is logged, as it only leaves garbage behind. */
  public void discard(long checkpointId) {
    deleteRecursively(checkpointDirectory(checkpointId));
  }

  /**
   * Deletes every checkpoint directory of the job with an id below {@code below} that is not in
   * {@code keep}: aborted checkpoints, and files a canceled task wrote after its checkpoint was
   * aborted.
   */
  public void discardOlderExcept(long below, Collection<Long> keep) {
    if (!Files.isDirectory(jobDirectory)) {
      return;
    }
    List<Path> stale = new ArrayList<>();
    try (Stream<Path> children = Files.list(jobDirectory)) {
      children.forEach(
          p -> {
            long id = idOf(p);
            if (id > 0 && id < below && !keep.contains(id)) {
              stale.add(p);
            }
          });
    } catch (IOException e) {
      LOG.warn("Could not list {} to remove old checkpoints", jobDirectory, e);
      return;
    }
    stale.forEach(CheckpointStorage::deleteRecursively);
  }

  private static long idOf(Path directory) {
    String name = directory.getFileName().toString();
    if (!name.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.warn("Could not delete checkpoint data {}", path, e);
    }
  }

  /**
   * Reads a completed checkpoint and checks that every file it names is there, whole and unchanged
   * (length and CRC-32), so that a broken checkpoint fails before any task starts.
   *
   * @throws IOException saying which checkpoint of which job is unreadable, which file, and why
   */
  public static CompletedCheckpoint load(Path checkpointDirectory) throws IOException {
    Path directory = checkpointDirectory.toAbsolutePath().normalize();
    Path metadata = directory.resolve(METADATA_FILE);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(metadata);
    } catch (NoSuchFileException e) {
      throw unreadable(directory, "file " + metadata + " is missing (an incomplete checkpoint,"
          + " or not a checkpoint directory)", e);
    }
    CompletedCheckpoint checkpoint;
    try {
      checkpoint = CheckpointMetadataFormat.read(bytes, directory);
    } catch (IOException e) {
      throw unreadable(directory, "file " + metadata + " is unreadable: " + e.getMessage(), e);
    }
    for (OperatorState op : checkpoint.operators().values()) {
      for (OperatorSubtaskState subtask : op.subtasks().values()) {
        KeyedStateHandle keyed = subtask.keyed();
        if (keyed != null) {
          verify(directory, directory.resolve(keyed.fileName()), keyed.fileLength(), keyed.crc32());
          if (keyed.nativeState() != null) {
            for (StateFile file : keyed.nativeState().files()) {
              verify(directory, locate(directory, file), file.length(), file.crc32());
            }
          }
        }
      }
    }
    return checkpoint;
  }

  private static void verify(Path directory, Path file, long expectedLength, long expectedCrc)
      throws IOException {
    if (!Files.exists(file)) {
      throw unreadable(directory, "file " + file + " is missing", null);
    }
    long length = Files.size(file);
    if (length != expectedLength) {
      throw unreadable(
          directory,
          "file " + file + " has " + length + " bytes but was written with " + expectedLength,
          null);
    }
    CRC32 crc = new CRC32();
    byte[] chunk = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        crc.update(chunk, 0, n);
      }
    }
    if (crc.getValue() != expectedCrc) {
      throw unreadable(
          directory, "file " + file + " is corrupt (its checksum does not match)", null);
    }
  }

  /** Receives the section of one key group read from a state file. */
  @FunctionalInterface
  public interface KeyGroupSectionConsumer {
    void accept(int keyGroup, byte[] section) throws Exception;
  }

  /**
   * Reads the sections of the key groups in {@code wanted} from a state file of a loaded
   * checkpoint, in key group order, skipping empty ones. Called on the task's thread while it
   * restores.
   */
  public static void readKeyGroups(
      Path checkpointDirectory,
      KeyedStateHandle handle,
      KeyGroupRange wanted,
      KeyGroupSectionConsumer consumer)
      throws Exception {
    KeyGroupRange stored = handle.keyGroupRange();
    int first = Math.max(stored.first(), wanted.first());
    int last = Math.min(stored.last(), wanted.last());
    if (first > last) {
      return;
    }
    Path file = checkpointDirectory.resolve(handle.fileName());
    try (SeekableByteChannel in = Files.newByteChannel(file, StandardOpenOption.READ)) {
      if (readFully(in, 0, 1)[0] != STATE_FILE_VERSION) {
        throw unreadable(
            checkpointDirectory, "file " + file + " has an unknown format version", null);
      }
      for (int kg = first; kg <= last; kg++) {
        int length = handle.lengthOf(kg);
        if (length > 0) {
          consumer.accept(kg, readFully(in, handle.offsetOf(kg), length));
        }
      }
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw unreadable(checkpointDirectory, "file " + file + " is missing", e);
    } catch (EOFException e) {
      throw unreadable(checkpointDirectory, "file " + file + " is truncated", e);
    }
  }

  /** Reads {@code length} bytes at {@code position}; fewer left is an {@link EOFException}. */
  private static byte[] readFully(SeekableByteChannel in, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    in.position(position);
    while (buffer.hasRemaining()) {
      if (in.read(buffer) < 0) {
        throw new EOFException();
      }
    }
    return buffer.array();
  }

  /** The one form of every restore error: which checkpoint of which job, and what is wrong. */
  public static IOException unreadable(Path checkpointDirectory, String what, Throwable cause) {
    Path job = checkpointDirectory.getParent();
    String jobId = job == null || job.getFileName() == null ? "?" : job.getFileName().toString();
    return new IOException(
        "Checkpoint " + checkpointDirectory.getFileName() + " of job " + jobId + " is unreadable: "
            + what,
        cause);
  }
}
