package io.strom.runtime.graph;

import static java.util.Objects.requireNonNull;

import io.strom.configuration.Configuration;
import java.io.Serializable;
import java.util.List;

/**
 * A job ready to run: its tasks (chains of operators), the exchanges between them, and its
 * configuration. Vertices are in topological order.
 *
 * @param jobId unique id of this submission
 * @param name the job's name
 * @param configuration the settings the job runs with
 * @param maxParallelism the number of key groups
 * @param vertices the tasks, producers before consumers
 * @param edges the exchanges
 */
public record JobGraph(
    String jobId,
    String name,
    Configuration configuration,
    int maxParallelism,
    List<JobVertex> vertices,
    List<JobEdge> edges)
    implements Serializable {
  public JobGraph {
    requireNonNull(jobId, "jobId");
    requireNonNull(name, "name");
    requireNonNull(configuration, "configuration");
    vertices = List.copyOf(vertices);
    edges = List.copyOf(edges);
  }

  public JobVertex vertex(int id) {
    for (JobVertex v : vertices) {
      if (v.id() == id) {
        return v;
      }
    }
    throw new IllegalArgumentException("No vertex with id " + id);
  }

  /** The largest parallelism of any task: the slots the job needs. */
  public int maxVertexParallelism() {
    return vertices.stream().mapToInt(JobVertex::parallelism).max().orElse(1);
  }
}
