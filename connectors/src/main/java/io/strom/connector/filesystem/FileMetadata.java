package io.strom.connector.filesystem;

import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The metadata columns a filesystem scan offers, as Flink names and types them. */
enum FileMetadata {
  PATH("file.path", DataTypes.notNull(DataTypes.STRING())),
  NAME("file.name", DataTypes.notNull(DataTypes.STRING())),
  SIZE("file.size", DataTypes.notNull(DataTypes.BIGINT())),
  MODIFICATION_TIME("file.modification-time", DataTypes.notNull(DataTypes.TIMESTAMP_LTZ(3)));

  final String key;
  final LogicalType type;

  FileMetadata(String key, LogicalType type) {
    this.key = key;
    this.type = type;
  }

  static FileMetadata ofKey(String key) {
    for (FileMetadata m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    return null;
  }

  /** The value of this metadata for {@code split}, as an internal value. */
  Object valueOf(FileSplit split) {
    return switch (this) {
      case PATH -> StringData.fromString(split.path());
      case NAME -> {
        Path fileName = Paths.get(split.path()).getFileName();
        yield StringData.fromString(fileName == null ? split.path() : fileName.toString());
      }
      case SIZE -> split.size();
      case MODIFICATION_TIME -> TimestampData.fromEpochMillis(split.modificationMillis());
    };
  }
}
