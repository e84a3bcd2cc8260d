package io.strom.planner.nexmark;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchPlanTest {
  @Test
  void plans() throws Exception {
    Path dir = Path.of("../benchmarks/src/main/resources/nexmark");
    for (int q = 0; q <= 22; q++) {
      try (SqlSession session = new SqlSession(new Configuration())) {
        session.executeScript(Files.readString(dir.resolve("ddl.sql")));
        session.executeScript(Files.readString(dir.resolve("views.sql")));
        session.execute("ALTER TABLE datagen SET ('events.num' = '2000')");
        String script = Files.readString(dir.resolve("queries/q" + q + ".sql"));
        try {
          var results = session.executeScript(script.replace("'blackhole'", "'blackhole'"));
          System.out.println("RUN q" + q + ": OK " + results.get(results.size() - 1).rows());
        } catch (Exception e) {
          System.out.println("RUN q" + q + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
      }
    }
  }
}
