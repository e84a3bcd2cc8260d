package io.strom.runtime.tasks;

import io.strom.runtime.network.InputGate;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.source.InputStatus;
import io.strom.serde.TypeSerializer;
import java.util.List;
import java.util.Map;

/** The input of a task whose head operator has one input. */
final class OneInputNetworkInput<IN> implements TaskInput, GateReader.Handler<IN> {
  private final GateReader<IN> reader;
  private final OneInputOperator<IN, ?> operator;
  private final String operatorName;
  private final TypeSerializer<IN>[] serializers;
  private final int[] edgeOfChannel;

  /**
   * @param aligning whether barriers are aligned (exactly-once) or only counted (at-least-once)
   * @param alignmentTimeout when an aligning checkpoint turns unaligned, or null for never
   * @param checkpoints takes the task's snapshot when a barrier arrived on every channel
   */
  OneInputNetworkInput(
      InputGate gate,
      TypeSerializer<IN>[] serializers,
      OneInputOperator<IN, ?> operator,
      int[] edgeOfChannel,
      String operatorName,
      boolean aligning,
      BarrierAligner.AlignmentTimeout alignmentTimeout,
      BarrierAligner.Listener checkpoints) {
    this.operator = operator;
    this.operatorName = operatorName;
    this.serializers = serializers;
    BarrierAligner barriers = new BarrierAligner(aligning, alignmentTimeout, List.of(gate), checkpoints);
    this.reader = new GateReader<>(gate, serializers, this, barriers, 0, 0, edgeOfChannel);
    this.edgeOfChannel = edgeOfChannel;
  }

  @Override
  public boolean processPriorityEvents() throws Exception {
    try {
      return reader.readPriorityEvent();
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
  }

  @Override
  public void replayInFlightData(Map<String, List<byte[]>> listStates) throws Exception {
    try {
      InFlightReplay.replay(
          listStates.getOrDefault(InFlightData.stateName(0), List.of()),
          reader, serializers, edgeOfChannel);
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
  }

  @Override
  public InputStatus emitNext() throws Exception {
    try {
      if (!reader.readBuffer()) {
        return reader.isFinished() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
      }
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
    return reader.isFinished() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
  }

  @Override
  public void processElement(IN record, long timestamp) throws Exception {
    operator.processElement(record, timestamp);
  }

  @Override
  public void onWatermark(long watermark) throws Exception {
    operator.processWatermark(watermark);
  }

  @Override
  public void onStatus(boolean idle) throws Exception {
    operator.processWatermarkStatus(idle);
  }

  @Override
  public void release() {
    reader.release();
  }
}
