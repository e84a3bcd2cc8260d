package io.strom.connector.filesystem;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** The options of the {@code filesystem} connector, as Flink names them. */
public final class FileSystemConnectorOptions {
  private FileSystemConnectorOptions() {}

  public static final ConfigOption<String> PATH =
      ConfigOptions.key("path")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "A file or directory on the local file system (a plain path or a file:// URI). A"
                  + " source reads a directory's non-hidden files recursively; a sink writes part"
                  + " files into the directory.");
}
