package io.strom.util;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where checkpoints and savepoints are kept, as a user names it: a local path, a {@code file:} URI
 * ({@code file:///tmp/checkpoints} is the same directory as {@code /tmp/checkpoints}), or a URI of
 * any other scheme for which a {@link FileSystemProvider} is installed: an NIO file system provider
 * on Strom's classpath makes its scheme (an object store's, say) usable for state.
 *
 * <p>Errors are {@link IllegalArgumentException}s that name the location and say how to fix it.
 */
public final class StorageLocations {
  /**
   * A URI scheme: two or more characters, so that a drive letter ({@code C:\state}) stays a path.
   */
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

  private static final String FILE = "file";

  private StorageLocations() {}

  /**
   * Checks that {@code location} can name a place for state without touching any file system: a
   * plain path, a well-formed absolute {@code file:} URI, or a URI whose scheme has an installed
   * provider. Returns it unchanged, so it serves as a configuration option's parser.
   */
  public static String check(String location) {
    String scheme = schemeOf(location);
    if (scheme == null) {
      return location;
    }
    URI uri = toUri(location);
    if (scheme.equals(FILE)) {
      localPath(uri, location);
    } else {
      providerFor(scheme, location);
    }
    return location;
  }

  /**
   * The path {@code location} names, absolute; the file system of a URI's scheme is opened if it
   * is not yet (as a {@code jar:} URI's zip file is).
   */
  public static Path resolve(String location) {
    String scheme = schemeOf(location);
    if (scheme == null) {
      return Path.of(location).toAbsolutePath();
    }
    URI uri = toUri(location);
    if (scheme.equals(FILE)) {
      return localPath(uri, location);
    }
    FileSystemProvider provider = providerFor(scheme, location);
    try {
      return provider.getPath(uri);
    } catch (FileSystemNotFoundException notOpen) {
      openFileSystem(provider, uri, location);
    } catch (IllegalArgumentException e) {
      throw notAPath(scheme, location, e);
    }
    try {
      return provider.getPath(uri);
    } catch (FileSystemNotFoundException | IllegalArgumentException e) {
      throw notAPath(scheme, location, e);
    }
  }

  private static IllegalArgumentException notAPath(
      String scheme, String location, RuntimeException e) {
    return new IllegalArgumentException(
        "'" + location + "' is not a path the '" + scheme + "' file system can reach: "
            + e.getMessage(),
        e);
  }

  /**
   * How to name {@code path} so that {@link #resolve} finds it again: a plain path on the local
   * disk, a URI on any other file system.
   */
  public static String describe(Path path) {
    return path.getFileSystem() == FileSystems.getDefault()
        ? path.toString()
        : path.toUri().toString();
  }

  /** The URI schemes with an installed provider, sorted. */
  public static List<String> availableSchemes() {
    TreeSet<String> schemes = new TreeSet<>();
    for (FileSystemProvider provider : FileSystemProvider.installedProviders()) {
      schemes.add(provider.getScheme().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(schemes);
  }

  private static String schemeOf(String location) {
    Matcher m = SCHEME.matcher(location);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static URI toUri(String location) {
    try {
      return new URI(location);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + location + "' is not a valid URI (" + e.getReason() + " at index " + e.getIndex()
              + "); escape special characters, as %20 for a space, or use a plain local path");
    }
  }

  private static Path localPath(URI uri, String location) {
    try {
      return Path.of(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + location + "' is not a local file URI (" + e.getMessage() + "): write an"
              + " absolute one without a host, as file:///tmp/checkpoints, or a plain path");
    }
  }

  private static FileSystemProvider providerFor(String scheme, String location) {
    for (FileSystemProvider provider : FileSystemProvider.installedProviders()) {
      if (provider.getScheme().equalsIgnoreCase(scheme)) {
        return provider;
      }
    }
    throw new IllegalArgumentException(
        "No file system for the scheme '" + scheme + "' of '" + location + "'. Schemes available: "
            + String.join(", ", availableSchemes()) + ". Put a java.nio FileSystemProvider for '"
            + scheme + "' on Strom's classpath, or use a local path.");
  }

  private static void openFileSystem(FileSystemProvider provider, URI uri, String location) {
    try {
      provider.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException openedMeanwhile) {
      // Another thread opened it: the path resolves now.
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "Could not open the file system of '" + location + "': " + e.getMessage(), e);
    }
  }
}
