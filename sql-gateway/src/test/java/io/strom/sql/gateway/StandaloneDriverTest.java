package io.strom.sql.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.jdbc.StromDriver;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The driver needs nothing of the engine: loaded with only its own classes and Avatica's shaded
 * client (what its standalone jar holds), it runs queries on the gateway.
 */
@Timeout(120)
class StandaloneDriverTest {

  @Test
  void driverClassesHoldNoEngineClasses() throws Exception {
    List<String> classes = entries(driverLocation());
    assertThat(classes).contains("io/strom/jdbc/StromDriver.class");
    assertThat(classes)
        .noneMatch(name -> name.startsWith("io/strom/runtime/") || name.startsWith("io/strom/planner/")
            || name.startsWith("io/strom/sql/gateway/"));
  }

  @Test
  void driverWorksWithOnlyTheAvaticaClientBesideIt() throws Exception {
    // What the standalone jar bundles: the driver, Avatica's shaded client, and SLF4J's API.
    List<URL> classPath = new ArrayList<>(List.of(driverLocation().toUri().toURL()));
    try (Stream<Path> files = Files.list(Path.of("target", "driver-client"))) {
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
        classPath.add(jar.toUri().toURL());
      }
    }
    assertThat(classPath).hasSize(3);
    try (GatewayServer gateway = GatewayServer.start(GatewayTestSupport.configuration());
        URLClassLoader isolated =
            new URLClassLoader(classPath.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Driver driver =
          (Driver) isolated.loadClass(StromDriver.class.getName()).getDeclaredConstructor().newInstance();
      assertThat(driver.getClass().getClassLoader()).isSameAs(isolated);
      try (Connection connection = driver.connect(GatewayTestSupport.url(gateway), new Properties());
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE n (id BIGINT) WITH ('connector' = 'datagen',"
            + " 'number-of-rows' = '3', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
            + " 'fields.id.end' = '3')");
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT id FROM n")) {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        }
        assertThat(ids).containsExactlyInAnyOrder(1L, 2L, 3L);
      }
    }
  }

  /** Where the driver's classes are: its jar, or its classes folder in a build that stops early. */
  private static Path driverLocation() throws Exception {
    return Path.of(StromDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<String> entries(Path location) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        files.filter(Files::isRegularFile)
            .forEach(f -> names.add(location.relativize(f).toString().replace('\\', '/')));
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().forEach(e -> names.add(e.getName()));
      }
    }
    return names;
  }
}
