package io.strom.runtime.generated;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** Configuration options of generated code. */
public final class CodegenOptions {
  private CodegenOptions() {}

  /**
   * Directory into which every compiled generated class's source is written as {@code
   * <ClassName>.java}. Read as a JVM system property of the same key (e.g. {@code
   * -Dtable.exec.codegen.dump-dir=/tmp/strom-gen}) or set at startup with {@link
   * ClassCompiler#setDumpDirectory}.
   */
  public static final ConfigOption<String> DUMP_DIR =
      ConfigOptions.key("table.exec.codegen.dump-dir")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Directory to write the source of every generated class to, for debugging. "
                  + "Unset: nothing is written.");

  /** Largest number of compiled classes kept in the process-wide cache. */
  public static final ConfigOption<Integer> CACHE_SIZE =
      ConfigOptions.key("table.exec.codegen.cache-size")
          .intType()
          .defaultValue(300)
          .withDescription("Number of compiled generated classes kept, least recently used first out.");
}
