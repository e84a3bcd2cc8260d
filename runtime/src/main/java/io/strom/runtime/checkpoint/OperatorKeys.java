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
    return node.uid() != null ? UID_PREFIX + node.uid() : NODE_PREFIX + node.id();
  }

  /** An operator key as messages show it: the uid, or the position for operators without one. */
  public static String describe(String operatorKey) {
    String uid = uidOf(operatorKey);
    if (uid != null) {
      return "'" + uid + "'";
    }
    if (operatorKey.startsWith(NODE_PREFIX)) {
      return "number " + operatorKey.substring(NODE_PREFIX.length()) + " (it has no uid)";
    }
    return "'" + operatorKey + "'";
  }

  /** The uid in an operator key, or null for an operator named by its position. */
  public static String uidOf(String operatorKey) {
    return operatorKey.startsWith(UID_PREFIX) ? operatorKey.substring(UID_PREFIX.length()) : null;
  }

  private static final String UID_PREFIX = "uid:";
  private static final String NODE_PREFIX = "node:";
}
