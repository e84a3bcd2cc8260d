package io.strom.runtime.generated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles generated source with Janino, keeping a process-wide, bounded cache of compiled classes
 * keyed by class loader and source text, so equal code is compiled once per class loader.
 *
 * <p>Thread-safe. When {@link CodegenOptions#DUMP_DIR} is set, every compiled source is written to
 * that directory.
 */
public final class ClassCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(ClassCompiler.class);
  private static final int CACHE_SIZE = CodegenOptions.CACHE_SIZE.defaultValue();

  private static final Map<CacheKey, Class<?>> CACHE =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Class<?>> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  private static volatile Path dumpDirectory = initialDumpDirectory();
  private static volatile long compilations;

  private ClassCompiler() {}

  /** Key of a compiled class: the parent class loader by identity and the source text. */
  private record CacheKey(ClassLoader loader, String code) {
    @Override
    public boolean equals(Object o) {
      return o instanceof CacheKey other && other.loader == loader && other.code.equals(code);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(loader) * 31 + code.hashCode();
    }
  }

  private static Path initialDumpDirectory() {
    String dir = System.getProperty(CodegenOptions.DUMP_DIR.key());
    return dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  /** Sets (or clears, with null) the directory generated sources are dumped to. */
  public static void setDumpDirectory(Path directory) {
    dumpDirectory = directory;
  }

  /** How many compilations ran in this process (cache misses); for tests and metrics. */
  public static long compilationCount() {
    return compilations;
  }

  /**
   * The class named {@code className} declared in {@code code}, compiled with {@code loader} as
   * parent, from the cache when the same source was compiled for that loader before.
   *
   * @throws CodeGenerationException when the source does not compile (a bug in code generation)
   */
  @SuppressWarnings("unchecked")
  public static <T> Class<T> compile(ClassLoader loader, String className, String code) {
    ClassLoader parent = loader != null ? loader : ClassCompiler.class.getClassLoader();
    CacheKey key = new CacheKey(parent, code);
    synchronized (CACHE) {
      Class<?> cached = CACHE.get(key);
      if (cached != null) {
        return (Class<T>) cached;
      }
    }
    Class<?> compiled = doCompile(parent, className, code);
    synchronized (CACHE) {
      Class<?> raced = CACHE.putIfAbsent(key, compiled);
      return (Class<T>) (raced != null ? raced : compiled);
    }
  }

  private static Class<?> doCompile(ClassLoader parent, String className, String code) {
    dump(className, code);
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(parent);
    try {
      compiler.cook(code);
      compilations++;
      return compiler.getClassLoader().loadClass(className);
    } catch (CompileException e) {
      throw new CodeGenerationException(
          "Generated class " + className + " does not compile: " + e.getMessage()
              + ". This is a bug in Strom's code generation.\n" + numbered(code), e);
    } catch (ClassNotFoundException e) {
      throw new CodeGenerationException(
          "Generated source does not declare class " + className + ". This is a bug.\n"
              + numbered(code), e);
    }
  }

  private static void dump(String className, String code) {
    Path dir = dumpDirectory;
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(className + ".java"), code, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn("Could not dump generated class {} to {}", className, dir, e);
    }
  }

  /** The source with a right-aligned line number before every line. */
  public static String numbered(String code) {
    String[] lines = code.split("\n", -1);
    int width = Integer.toString(lines.length).length();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String number = Integer.toString(i + 1);
      sb.append(" ".repeat(width - number.length())).append(number).append(": ")
          .append(lines[i]).append('\n');
    }
    return sb.toString();
  }

  /** Empties the cache; for tests. */
  static void clearCache() {
    synchronized (CACHE) {
      CACHE.clear();
    }
  }
}
