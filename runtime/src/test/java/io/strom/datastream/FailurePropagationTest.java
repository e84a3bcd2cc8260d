package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.runtime.cluster.JobExecutionException;
import org.junit.jupiter.api.Test;

class FailurePropagationTest {

  @Test
  void failingMapFailsTheJobWithTheOriginalExceptionAndTheOperatorName() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    env.fromSequence(1, 100_000)
        .rebalance()
        .map(
            x -> {
              if (x == 4242) {
                throw new IllegalStateException("bad record " + x);
              }
              return x;
            })
        .name("Explode")
        .addSink(x -> {});

    assertThatThrownBy(() -> env.execute("failing job"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("Job 'failing job' failed")
        .hasMessageContaining("operator 'Explode'")
        .hasMessageContaining("bad record 4242")
        .satisfies(
            e -> {
              JobExecutionException jee = (JobExecutionException) e;
              assertThat(jee.operatorName()).isEqualTo("Explode");
              assertThat(jee.getCause())
                  .isExactlyInstanceOf(IllegalStateException.class)
                  .hasMessage("bad record 4242");
            });
  }

  @Test
  void failingChainedSinkIsNamedNotItsPredecessor() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 10)
        .map(x -> x + 1)
        .name("Harmless")
        .addSink(
            x -> {
              throw new UnsupportedOperationException("sink refuses " + x);
            })
        .name("Refusing sink");

    assertThatThrownBy(() -> env.execute("sink failure"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("operator 'Refusing sink'")
        .hasRootCauseInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void programWithoutSinkIsRejectedBeforeRunning() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 10).map(x -> x);
    assertThatThrownBy(() -> env.execute("no sink"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no sinks");
  }

  @Test
  void functionThatCapturesSomethingUnserializableIsRejectedAtSubmission() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    Object notSerializable = new Object();
    env.fromSequence(1, 10).map(x -> x + notSerializable.hashCode()).addSink(x -> {});
    assertThatThrownBy(() -> env.execute("unserializable"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be deployed")
        .hasMessageContaining("Serializable");
  }
}
