package io.strom.runtime.graph;

/** Whether an operator may be fused into one task with its neighbours. */
public enum ChainingStrategy {
  /** Chains to its predecessor and successors when the exchange between them is forward. */
  ALWAYS,
  /** Starts a new chain; successors may chain to it. Sources and explicit startNewChain(). */
  HEAD,
  /** Runs in a task of its own. */
  NEVER
}
