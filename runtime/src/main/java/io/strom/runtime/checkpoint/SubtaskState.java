package io.strom.runtime.checkpoint;

import java.util.List;

/**
 * What one subtask acknowledges for a checkpoint: the state of each operator of its chain that has
 * any (including the source reader's splits of a source task).
 *
 * @param vertexId the task's vertex
 * @param subtask the subtask index
 * @param operators one entry per operator with state, in chain order
 */
public record SubtaskState(int vertexId, int subtask, List<OperatorSubtaskState> operators) {
  public SubtaskState {
    operators = List.copyOf(operators);
  }

  public long sizeInBytes() {
    return operators.stream().mapToLong(OperatorSubtaskState::sizeInBytes).sum();
  }
}
