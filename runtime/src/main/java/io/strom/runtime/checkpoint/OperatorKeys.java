package io.strom.runtime.checkpoint;

import io.strom.runtime.graph.StreamNode;

/**
 * Names operators in checkpoints so that a later run of the same program finds its state: the
 * user's {@code uid} when given, else the node's position in the program (its id), which stays the
 * same as long as the program's operators are added in the same order.
 */
public final class OperatorKeys {
  private OperatorKeys() {}

  public static String of(StreamNode node) {
    return node.uid() != null ? "uid:" + node.uid() : "node:" + node.id();
  }
}
