package io.strom.runtime.checkpoint;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file system that stores its files in a directory of the local disk but, like some object
 * stores' providers, cannot rename atomically: a move with {@link StandardCopyOption#ATOMIC_MOVE}
 * fails with {@link AtomicMoveNotSupportedException}. Everything else goes to the local disk.
 */
final class NoAtomicMoveFileSystem extends FileSystem {
  private final FileSystem local;
  private final Provider provider = new Provider();

  NoAtomicMoveFileSystem(FileSystem local) {
    this.local = local;
  }

  /** The path of this file system for a local path. */
  Path wrap(Path localPath) {
    return new WrappedPath(localPath);
  }

  private static Path unwrap(Path path) {
    return ((WrappedPath) path).local;
  }

  @Override
  public FileSystemProvider provider() {
    return provider;
  }

  @Override
  public void close() {}

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public String getSeparator() {
    return local.getSeparator();
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    List<Path> roots = new ArrayList<>();
    local.getRootDirectories().forEach(r -> roots.add(wrap(r)));
    return roots;
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return local.getFileStores();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return local.supportedFileAttributeViews();
  }

  @Override
  public Path getPath(String first, String... more) {
    return wrap(local.getPath(first, more));
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    PathMatcher matcher = local.getPathMatcher(syntaxAndPattern);
    return path -> matcher.matches(unwrap(path));
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    return local.getUserPrincipalLookupService();
  }

  @Override
  public WatchService newWatchService() {
    throw new UnsupportedOperationException("no watching");
  }

  /** The provider: every operation on the local disk, except atomic moves. */
  private final class Provider extends FileSystemProvider {
    private FileSystemProvider disk() {
      return local.provider();
    }

    @Override
    public String getScheme() {
      return "no-atomic-move";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
      throw new UnsupportedOperationException("made by the test");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
      return NoAtomicMoveFileSystem.this;
    }

    @Override
    public Path getPath(URI uri) {
      return getPath(uri.getPath());
    }

    private Path getPath(String path) {
      return wrap(local.getPath(path));
    }

    @Override
    public SeekableByteChannel newByteChannel(
        Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
        throws IOException {
      return disk().newByteChannel(unwrap(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(
        Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
      DirectoryStream<Path> entries =
          disk().newDirectoryStream(unwrap(dir), p -> filter.accept(wrap(p)));
      return new DirectoryStream<>() {
        @Override
        public Iterator<Path> iterator() {
          Iterator<Path> it = entries.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Path next() {
              return wrap(it.next());
            }
          };
        }

        @Override
        public void close() throws IOException {
          entries.close();
        }
      };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
      disk().createDirectory(unwrap(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
      disk().delete(unwrap(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
      disk().copy(unwrap(source), unwrap(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
      for (CopyOption option : options) {
        if (option == StandardCopyOption.ATOMIC_MOVE) {
          throw new AtomicMoveNotSupportedException(
              source.toString(), target.toString(), "this file system has no atomic rename");
        }
      }
      disk().move(unwrap(source), unwrap(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
      return disk().isSameFile(unwrap(path), unwrap(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
      return disk().isHidden(unwrap(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
      return disk().getFileStore(unwrap(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
      disk().checkAccess(unwrap(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(
        Path path, Class<V> type, LinkOption... options) {
      return disk().getFileAttributeView(unwrap(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(
        Path path, Class<A> type, LinkOption... options) throws IOException {
      return disk().readAttributes(unwrap(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(
        Path path, String attributes, LinkOption... options) throws IOException {
      return disk().readAttributes(unwrap(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
        throws IOException {
      disk().setAttribute(unwrap(path), attribute, value, options);
    }
  }

  /** A local path seen through this file system. */
  private final class WrappedPath implements Path {
    private final Path local;

    WrappedPath(Path local) {
      this.local = local;
    }

    private Path wrapOrNull(Path p) {
      return p == null ? null : wrap(p);
    }

    @Override
    public FileSystem getFileSystem() {
      return NoAtomicMoveFileSystem.this;
    }

    @Override
    public boolean isAbsolute() {
      return local.isAbsolute();
    }

    @Override
    public Path getRoot() {
      return wrapOrNull(local.getRoot());
    }

    @Override
    public Path getFileName() {
      return wrapOrNull(local.getFileName());
    }

    @Override
    public Path getParent() {
      return wrapOrNull(local.getParent());
    }

    @Override
    public int getNameCount() {
      return local.getNameCount();
    }

    @Override
    public Path getName(int index) {
      return wrap(local.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
      return wrap(local.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
      return other instanceof WrappedPath w && local.startsWith(w.local);
    }

    @Override
    public boolean endsWith(Path other) {
      return other instanceof WrappedPath w && local.endsWith(w.local);
    }

    @Override
    public Path normalize() {
      return wrap(local.normalize());
    }

    @Override
    public Path resolve(Path other) {
      return wrap(local.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
      return wrap(local.relativize(unwrap(other)));
    }

    @Override
    public URI toUri() {
      return URI.create("no-atomic-move://" + local.toUri().getPath());
    }

    @Override
    public Path toAbsolutePath() {
      return wrap(local.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
      return wrap(local.toRealPath(options));
    }

    @Override
    public WatchKey register(
        WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
      throw new UnsupportedOperationException("no watching");
    }

    @Override
    public int compareTo(Path other) {
      return local.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WrappedPath w && local.equals(w.local);
    }

    @Override
    public int hashCode() {
      return local.hashCode();
    }

    @Override
    public String toString() {
      return local.toString();
    }
  }
}
