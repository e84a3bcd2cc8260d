package io.strom.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.strom.configuration.CheckpointingOptions;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locations of state: plain paths, file: URIs, and URIs of other installed file systems. */
class StorageLocationsTest {
  @TempDir Path tmp;

  @Test
  void fileUriNamesTheSameDirectoryAsThePlainPath() {
    Path plain = StorageLocations.resolve(tmp.resolve("chk").toString());
    Path uri = StorageLocations.resolve("file://" + tmp.resolve("chk"));
    Path shortUri = StorageLocations.resolve("file:" + tmp.resolve("chk"));

    assertThat(uri).isEqualTo(plain).isEqualTo(shortUri);
    assertThat(uri.getFileSystem()).isSameAs(FileSystems.getDefault());
    assertThat(uri.toString()).doesNotContain("file:");
  }

  @Test
  void plainRelativePathBecomesAbsolute() {
    assertThat(StorageLocations.resolve("some/dir"))
        .isEqualTo(Path.of("some/dir").toAbsolutePath());
  }

  @Test
  void percentEscapesOfAFileUriAreDecoded() {
    assertThat(StorageLocations.resolve("file:///tmp/a%20b")).isEqualTo(Path.of("/tmp/a b"));
  }

  @Test
  void uriOfAnInstalledFileSystemResolvesOnIt() throws Exception {
    try (FileSystem fs = Jimfs.newFileSystem("locations-test", Configuration.unix())) {
      Path path = StorageLocations.resolve("jimfs://locations-test/state/chk");

      assertThat(path.getFileSystem()).isSameAs(fs);
      assertThat(path.toString()).isEqualTo("/state/chk");
      String described = StorageLocations.describe(path);
      assertThat(described).startsWith("jimfs://locations-test/");
      assertThat(StorageLocations.resolve(described)).isEqualTo(path);
    }
  }

  @Test
  void localPathsAreDescribedAsPlainPaths() {
    assertThat(StorageLocations.describe(tmp)).isEqualTo(tmp.toString());
  }

  @Test
  void unknownSchemeFailsListingTheInstalledOnes() {
    assertThatThrownBy(() -> StorageLocations.check("s3x://bucket/checkpoints"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No file system for the scheme 's3x' of 's3x://bucket/checkpoints'")
        .hasMessageContaining("Schemes available: file, jar, jimfs")
        .hasMessageContaining("FileSystemProvider");
    assertThat(StorageLocations.availableSchemes()).contains("file", "jar", "jimfs");
  }

  @Test
  void settingAnUnknownSchemeFailsNamingTheKey() {
    assertThatThrownBy(() -> CheckpointingOptions.DIRECTORY.parse("s3x://bucket/checkpoints"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("execution.checkpointing.dir")
        .hasMessageContaining("a local path or a URI")
        .hasMessageContaining("Schemes available");
  }

  @Test
  void relativeOrRemoteFileUrisAreRefused() {
    assertThatThrownBy(() -> StorageLocations.check("file:checkpoints"))
        .hasMessageContaining("'file:checkpoints' is not a local file URI")
        .hasMessageContaining("file:///tmp/checkpoints");
    assertThatThrownBy(() -> StorageLocations.check("file://host/checkpoints"))
        .hasMessageContaining("is not a local file URI");
    assertThatThrownBy(() -> StorageLocations.check("file:///tmp/a b"))
        .hasMessageContaining("is not a valid URI");
  }

  @Test
  void fileSystemThatIsNotOpenIsOpenedByItsProvider() throws Exception {
    Path zip = tmp.resolve("state.zip");
    try (FileSystem fs = FileSystems.newFileSystem(zip, java.util.Map.of("create", "true"))) {
      Files.createDirectories(fs.getPath("/chk-1"));
    }
    Path inZip = StorageLocations.resolve("jar:" + zip.toUri() + "!/chk-1");
    try (FileSystem fs = inZip.getFileSystem()) {
      assertThat(Files.isDirectory(inZip)).isTrue();
    }
  }

  @Test
  void unreachablePathOfAKnownSchemeFailsClearly() {
    assertThatThrownBy(() -> StorageLocations.resolve("jimfs://no-such-fs/state"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jimfs://no-such-fs/state");
  }
}
