package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.data.InternalValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobControlTest {
  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static String field(StatementResult result, int row, int column) {
    return InternalValues.format(result.rows().get(row).getString(column));
  }

  @Test
  void endlessInsertRunsInTheBackgroundUntilStopped() {
    session.execute("CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '100')");
    session.execute("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");

    StatementResult submitted = session.execute("INSERT INTO sink SELECT id FROM endless");
    assertThat(submitted.schema().fieldNames()).containsExactly("Job ID");
    String jobId = field(submitted, 0, 0);

    StatementResult jobs = session.execute("SHOW JOBS");
    assertThat(jobs.rows()).hasSize(1);
    assertThat(field(jobs, 0, 0)).isEqualTo(jobId);
    assertThat(field(jobs, 0, 2)).isEqualTo("RUNNING");

    session.execute("STOP JOB '" + jobId + "'");
    assertThat(session.execute("SHOW JOBS").rows()).isEmpty();

    assertThatThrownBy(() -> session.execute("STOP JOB '" + jobId + "'"))
        .hasMessageContaining("No running job with id")
        .hasMessageContaining("SHOW JOBS");
    assertThatThrownBy(() -> session.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT"))
        .hasMessageContaining("No running job with id");
    assertThatThrownBy(() -> session.execute("STOP JOB '" + jobId + "' WITH DRAIN"))
        .hasMessageContaining("WITH SAVEPOINT WITH DRAIN");
  }
}
