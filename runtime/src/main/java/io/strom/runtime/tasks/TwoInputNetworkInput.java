package io.strom.runtime.tasks;

import io.strom.runtime.network.InputGate;
import io.strom.runtime.operators.TwoInputOperator;
import io.strom.runtime.source.InputStatus;
import io.strom.serde.TypeSerializer;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a task whose head operator has two: reads both gates in turn and combines their
 * watermarks (each gate's own combination first, then the minimum of the two). Checkpoint barriers
 * are aligned across the channels of both gates.
 */
final class TwoInputNetworkInput<IN1, IN2> implements TaskInput {
  private final GateReader<IN1> first;
  private final GateReader<IN2> second;
  private final String operatorName;
  private final WatermarkCombiner inputs;
  private boolean preferSecond;
  private final TypeSerializer<IN1>[] serializers1;
  private final TypeSerializer<IN2>[] serializers2;
  private final int[] edgeOfChannel1;
  private final int[] edgeOfChannel2;

  TwoInputNetworkInput(
      InputGate gate1,
      TypeSerializer<IN1>[] serializers1,
      int[] edgeOfChannel1,
      InputGate gate2,
      TypeSerializer<IN2>[] serializers2,
      int[] edgeOfChannel2,
      TwoInputOperator<IN1, IN2, ?> operator,
      String operatorName,
      boolean aligning,
      BarrierAligner.AlignmentTimeout alignmentTimeout,
      BarrierAligner.Listener checkpoints) {
    this.operatorName = operatorName;
    this.inputs =
        new WatermarkCombiner(
            2,
            new WatermarkCombiner.Listener() {
              @Override
              public void onWatermark(long watermark) throws Exception {
                operator.processWatermark(watermark);
              }

              @Override
              public void onStatus(boolean idle) throws Exception {
                operator.processWatermarkStatus(idle);
              }
            });
    BarrierAligner barriers = new BarrierAligner(aligning, alignmentTimeout, List.of(gate1, gate2), checkpoints);
    this.first =
        new GateReader<>(
            gate1, serializers1, handler(0, operator::processElement1), barriers, 0, 0,
            edgeOfChannel1);
    this.second =
        new GateReader<>(
            gate2,
            serializers2,
            handler(1, operator::processElement2),
            barriers,
            gate1.numChannels(),
            1,
            edgeOfChannel2);
    this.serializers1 = serializers1;
    this.serializers2 = serializers2;
    this.edgeOfChannel1 = edgeOfChannel1;
    this.edgeOfChannel2 = edgeOfChannel2;
  }

  @Override
  public boolean processPriorityEvents() throws Exception {
    try {
      // Either order: a priority barrier is handled before any buffer of its own gate.
      boolean any = first.readPriorityEvent();
      return second.readPriorityEvent() || any;
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
  }

  @Override
  public void replayInFlightData(Map<String, List<byte[]>> listStates) throws Exception {
    try {
      InFlightReplay.replay(
          listStates.getOrDefault(InFlightData.stateName(0), List.of()),
          first, serializers1, edgeOfChannel1);
      InFlightReplay.replay(
          listStates.getOrDefault(InFlightData.stateName(1), List.of()),
          second, serializers2, edgeOfChannel2);
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
  }

  /** Processes records of one input. */
  private interface ElementProcessor<T> {
    void process(T record, long timestamp) throws Exception;
  }

  private <T> GateReader.Handler<T> handler(int input, ElementProcessor<T> processor) {
    return new GateReader.Handler<T>() {
      @Override
      public void processElement(T record, long timestamp) throws Exception {
        processor.process(record, timestamp);
      }

      @Override
      public void onWatermark(long watermark) throws Exception {
        inputs.updateWatermark(input, watermark);
      }

      @Override
      public void onStatus(boolean idle) throws Exception {
        inputs.updateStatus(input, idle);
      }
    };
  }

  @Override
  public InputStatus emitNext() throws Exception {
    try {
      // Alternate which gate goes first so neither input starves the other.
      preferSecond = !preferSecond;
      boolean read =
          preferSecond
              ? second.readBuffer() || first.readBuffer()
              : first.readBuffer() || second.readBuffer();
      if (first.isFinished()) {
        inputs.finishInput(0);
      }
      if (second.isFinished()) {
        inputs.finishInput(1);
      }
      if (first.isFinished() && second.isFinished()) {
        return InputStatus.END_OF_INPUT;
      }
      return read ? InputStatus.MORE_AVAILABLE : InputStatus.NOTHING_AVAILABLE;
    } catch (Exception e) {
      throw OperatorException.wrap(operatorName, e);
    }
  }

  @Override
  public void release() {
    first.release();
    second.release();
  }
}
