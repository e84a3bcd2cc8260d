package io.strom.planner.session;

import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.planner.ValidationException;
import io.strom.types.DataTypes;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The jars a session added with {@code ADD JAR} (user functions, connectors, formats) and the
 * class loader that sees them: the session runs its statements with it as the thread's context
 * class loader, which is where functions, connector factories and jobs look for classes.
 * {@code REMOVE JAR} makes a new loader without the jar; what was loaded already stays in use.
 */
final class SessionJars {
  private final ClassLoader parent;
  private final Set<Path> jars = new LinkedHashSet<>();
  private ClassLoader loader;

  SessionJars(ClassLoader parent) {
    this.parent = parent;
    this.loader = parent;
  }

  ClassLoader classLoader() {
    return loader;
  }

  StatementResult add(String path) {
    Path jar = Path.of(path).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
      throw new ValidationException("Jar '" + path + "' does not exist or cannot be read");
    }
    if (jars.add(jar)) {
      loader = new URLClassLoader(urls(), parent);
    }
    return StatementResult.ok();
  }

  StatementResult remove(String path) {
    Path jar = Path.of(path).toAbsolutePath().normalize();
    if (!jars.remove(jar)) {
      throw new ValidationException("Jar '" + path + "' was not added; SHOW JARS lists the added ones");
    }
    loader = jars.isEmpty() ? parent : new URLClassLoader(urls(), parent);
    return StatementResult.ok();
  }

  StatementResult show() {
    List<Row> rows = new ArrayList<>();
    jars.forEach(jar -> rows.add(GenericRow.of(jar.toString())));
    return StatementResult.table(
        DataTypes.ROW(DataTypes.FIELD("jars", DataTypes.STRING().copy(false))), rows);
  }

  private URL[] urls() {
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException("A file path always makes a URL: " + jar, e);
      }
    }
    return urls.toArray(new URL[0]);
  }
}
