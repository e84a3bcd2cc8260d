package io.strom.sql.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD JAR brings a user function that is nowhere on the shell's class path. */
class CliAddJarTest {
  @TempDir Path dir;

  @Test
  void addedJarsFunctionsRunInQueriesAndRemoveJarForgetsTheJar() throws Exception {
    Path jar = functionJar();
    StringWriter output = new StringWriter();
    try (SqlSession session = new SqlSession(new Configuration())) {
      CliSession cli = new CliSession(session, new PrintWriter(output, true));
      // Before ADD JAR the class is unknown, and the error says how to add it.
      cli.runScript("CREATE FUNCTION twice AS 'udfs.Twice';");
      assertThat(output.toString()).contains("is not on the classpath").contains("ADD JAR");

      cli.runScript(
          "ADD JAR '" + jar + "';\n"
              + "SHOW JARS;\n"
              + "CREATE FUNCTION twice AS 'udfs.Twice';\n"
              + "SELECT twice(x) AS y FROM (VALUES (3), (4)) AS t(x);\n"
              + "REMOVE JAR '" + jar + "';\n"
              + "SHOW JARS;");
      assertThat(output.toString())
          .contains(jar.toString())
          .containsPattern("\\| +6 \\|")
          .containsPattern("\\| +8 \\|")
          .contains("Empty set");
    }
  }

  /** Compiles {@code udfs.Twice} (a scalar function doubling an int) into a jar of its own. */
  private Path functionJar() throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src/udfs"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(
        sources.resolve("Twice.java"),
        "package udfs;\n"
            + "public class Twice extends io.strom.api.functions.ScalarFunction {\n"
            + "  public int eval(int x) { return 2 * x; }\n"
            + "}\n");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int result =
        compiler.run(null, OutputStream.nullOutputStream(), System.err, "-cp", classPath, "-d",
            classes.toString(), sources.resolve("Twice.java").toString());
    assertThat(result).isZero();
    Path jar = dir.resolve("functions.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("udfs/Twice.class")) {
        out.putNextEntry(new JarEntry(name));
        out.write(Files.readAllBytes(classes.resolve(name)));
        out.closeEntry();
      }
    }
    return jar;
  }
}
