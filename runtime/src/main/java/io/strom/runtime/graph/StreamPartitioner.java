package io.strom.runtime.graph;

import java.io.Serializable;

/**
 * Decides which downstream subtask (channel) receives each record of an exchange.
 *
 * <p>Each producing subtask works on its own copy ({@link #copyFor(int)}), so a partitioner may keep
 * state such as a round-robin position. Called only on the producing task's thread.
 */
public interface StreamPartitioner<T> extends Serializable {

  /** Returns the channel of {@code record} among {@code numChannels}. Not called when broadcasting. */
  int selectChannel(T record, int numChannels) throws Exception;

  /** True when every record goes to every channel. */
  default boolean isBroadcast() {
    return false;
  }

  /**
   * True when a record's channel depends only on the record and the number of channels, not on
   * the producer or the records before it. The records in flight to a consumer that restores at
   * another parallelism are then routed again one by one; otherwise they move with their channel.
   */
  default boolean routesByRecord() {
    return false;
  }

  /** True when producer subtask i sends only to consumer subtask i (equal parallelism). */
  default boolean isPointwise() {
    return false;
  }

  /** A copy for producer subtask {@code subtaskIndex}. */
  StreamPartitioner<T> copyFor(int subtaskIndex);

  /** Short name shown in plans, e.g. {@code HASH} or {@code REBALANCE}. */
  String pattern();
}
