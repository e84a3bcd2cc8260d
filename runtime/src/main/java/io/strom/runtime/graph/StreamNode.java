package io.strom.runtime.graph;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.runtime.operators.Operator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One operator of a streaming program with its parallelism and how it connects: either a source
 * ({@link #source()}) or an {@link Operator} with one or two inputs.
 *
 * <p>Built by the DataStream API (or the planner) and read by the job graph builder; after a job
 * is submitted it is not changed.
 */
public final class StreamNode implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int id;
  private String name;
  private final SourceSpec<?> source;
  private final Operator<?> operator;
  private final int numInputs;
  private int parallelism;
  private ChainingStrategy chaining;
  private String uid;
  private final KeySelector<?, ?>[] keySelectors = new KeySelector<?, ?>[2];
  private final List<StreamEdge> inEdges = new ArrayList<>();
  private final List<StreamEdge> outEdges = new ArrayList<>();

  private StreamNode(
      int id, String name, SourceSpec<?> source, Operator<?> operator, int numInputs, int parallelism) {
    this.id = id;
    this.name = requireNonNull(name, "name");
    this.source = source;
    this.operator = operator;
    this.numInputs = numInputs;
    this.parallelism = parallelism;
    this.chaining = source != null ? ChainingStrategy.HEAD : ChainingStrategy.ALWAYS;
  }

  public static StreamNode source(int id, String name, SourceSpec<?> source, int parallelism) {
    return new StreamNode(id, name, requireNonNull(source, "source"), null, 0, parallelism);
  }

  public static StreamNode operator(
      int id, String name, Operator<?> operator, int numInputs, int parallelism) {
    if (numInputs != 1 && numInputs != 2) {
      throw new IllegalArgumentException("Operators have one or two inputs, not " + numInputs);
    }
    return new StreamNode(id, name, null, requireNonNull(operator, "operator"), numInputs, parallelism);
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public void setName(String name) {
    this.name = requireNonNull(name, "name");
  }

  public boolean isSource() {
    return source != null;
  }

  /** The source this node runs, or null for an operator node. */
  public SourceSpec<?> source() {
    return source;
  }

  /** The operator this node runs, or null for a source node. */
  public Operator<?> operator() {
    return operator;
  }

  /** 0 for sources, else 1 or 2. */
  public int numInputs() {
    return numInputs;
  }

  public int parallelism() {
    return parallelism;
  }

  public void setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
    }
    this.parallelism = parallelism;
  }

  public ChainingStrategy chaining() {
    return chaining;
  }

  public void setChaining(ChainingStrategy chaining) {
    this.chaining = requireNonNull(chaining, "chaining");
  }

  /** A stable id the user gave the operator, or null. */
  public String uid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  /** The key selector of input {@code index} when the operator's input is keyed, else null. */
  public KeySelector<?, ?> keySelector(int index) {
    return keySelectors[index];
  }

  public void setKeySelector(int index, KeySelector<?, ?> keySelector) {
    keySelectors[index] = keySelector;
  }

  public boolean isKeyed() {
    return keySelectors[0] != null || keySelectors[1] != null;
  }

  public List<StreamEdge> inEdges() {
    return inEdges;
  }

  public List<StreamEdge> outEdges() {
    return outEdges;
  }

  @Override
  public String toString() {
    return name + "#" + id;
  }
}
