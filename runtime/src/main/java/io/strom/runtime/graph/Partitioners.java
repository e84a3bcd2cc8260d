package io.strom.runtime.graph;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.runtime.state.KeyGroups;

/** The exchange patterns between operators. */
public final class Partitioners {
  private Partitioners() {}

  @SuppressWarnings("unchecked")
  public static <T> StreamPartitioner<T> forward() {
    return (StreamPartitioner<T>) Forward.INSTANCE;
  }

  public static <T> StreamPartitioner<T> rebalance() {
    return new Rebalance<>(0);
  }

  @SuppressWarnings("unchecked")
  public static <T> StreamPartitioner<T> broadcast() {
    return (StreamPartitioner<T>) Broadcast.INSTANCE;
  }

  @SuppressWarnings("unchecked")
  public static <T> StreamPartitioner<T> global() {
    return (StreamPartitioner<T>) Global.INSTANCE;
  }

  /** Sends each record to the subtask owning its key's key group. */
  public static <T, K> StreamPartitioner<T> hash(KeySelector<T, K> keySelector, int maxParallelism) {
    // Chosen once here, not per record: a type test in the per-record call made the routing of
    // plain selectors measurably slower (the JIT no longer inlined it whole).
    if (keySelector instanceof KeyHashing<?>) {
      return new HashOfKeyHash<>(keySelector, maxParallelism);
    }
    return new Hash<>(keySelector, maxParallelism);
  }

  /** Producer subtask i to consumer subtask i; chained when possible. */
  private enum Forward implements StreamPartitioner<Object> {
    INSTANCE;

    @Override
    public int selectChannel(Object record, int numChannels) {
      return 0;
    }

    @Override
    public boolean isPointwise() {
      return true;
    }

    @Override
    public StreamPartitioner<Object> copyFor(int subtaskIndex) {
      return this;
    }

    @Override
    public String pattern() {
      return "FORWARD";
    }
  }

  /** Round robin, each producer starting at its own index so load spreads from the first record. */
  private static final class Rebalance<T> implements StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private int next;

    Rebalance(int start) {
      this.next = start;
    }

    @Override
    public int selectChannel(T record, int numChannels) {
      int channel = next < numChannels ? next : 0;
      next = channel + 1;
      return channel;
    }

    @Override
    public StreamPartitioner<T> copyFor(int subtaskIndex) {
      return new Rebalance<>(subtaskIndex);
    }

    @Override
    public String pattern() {
      return "REBALANCE";
    }
  }

  private enum Broadcast implements StreamPartitioner<Object> {
    INSTANCE;

    @Override
    public int selectChannel(Object record, int numChannels) {
      throw new IllegalStateException("Broadcast sends to all channels");
    }

    @Override
    public boolean isBroadcast() {
      return true;
    }

    @Override
    public StreamPartitioner<Object> copyFor(int subtaskIndex) {
      return this;
    }

    @Override
    public String pattern() {
      return "BROADCAST";
    }
  }

  /** Everything to the first subtask. */
  private enum Global implements StreamPartitioner<Object> {
    INSTANCE;

    @Override
    public boolean routesByRecord() {
      return true;
    }

    @Override
    public int selectChannel(Object record, int numChannels) {
      return 0;
    }

    @Override
    public StreamPartitioner<Object> copyFor(int subtaskIndex) {
      return this;
    }

    @Override
    public String pattern() {
      return "GLOBAL";
    }
  }

  private static final class Hash<T, K> implements StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private final KeySelector<T, K> keySelector;
    private final int maxParallelism;

    @Override
    public boolean routesByRecord() {
      return true;
    }

    Hash(KeySelector<T, K> keySelector, int maxParallelism) {
      this.keySelector = requireNonNull(keySelector, "keySelector");
      this.maxParallelism = maxParallelism;
    }

    @Override
    public int selectChannel(T record, int numChannels) throws Exception {
      K key = keySelector.getKey(record);
      if (key == null) {
        throw new NullPointerException("The key selector returned null for record " + record);
      }
      return subtaskOfHash(key.hashCode(), maxParallelism, numChannels);
    }

    @Override
    public StreamPartitioner<T> copyFor(int subtaskIndex) {
      return this;
    }

    @Override
    public String pattern() {
      return "HASH";
    }
  }

  /** {@link Hash} for selectors that give a key's hash without building a key that outlives it. */
  private static final class HashOfKeyHash<T> implements StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;
    private final KeyHashing<T> keyHashing;
    private final int maxParallelism;

    @SuppressWarnings("unchecked")
    HashOfKeyHash(KeySelector<T, ?> keySelector, int maxParallelism) {
      this.keyHashing = (KeyHashing<T>) keySelector;
      this.maxParallelism = maxParallelism;
    }

    @Override
    public boolean routesByRecord() {
      return true;
    }

    @Override
    public int selectChannel(T record, int numChannels) throws Exception {
      return subtaskOfHash(keyHashing.keyHashCode(record), maxParallelism, numChannels);
    }

    @Override
    public StreamPartitioner<T> copyFor(int subtaskIndex) {
      return this;
    }

    @Override
    public String pattern() {
      return "HASH";
    }
  }

  private static int subtaskOfHash(int keyHash, int maxParallelism, int numChannels) {
    return KeyGroups.subtaskOf(
        KeyGroups.keyGroupOfHash(keyHash, maxParallelism), maxParallelism, numChannels);
  }
}
