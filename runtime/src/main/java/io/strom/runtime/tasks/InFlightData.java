package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.InFlightElements;
import io.strom.runtime.checkpoint.StateAssignment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-flight data of one subtask's unaligned checkpoint: the bytes (framed elements, as on the
 * wire) that were queued ahead of the barriers on its input channels and that its snapshot does
 * not cover. It is kept as list state of the task's head operator, one list per input, one element
 * per channel with data (laid out as {@link InFlightElements} describes).
 *
 * @param listStates the head operator's list states holding it, by name
 */
record InFlightData(Map<String, List<byte[]>> listStates) {
  /** What a task without network inputs (a source task) keeps. */
  static final InFlightData NONE = new InFlightData(Map.of());

  private static final String PREFIX = StateAssignment.IN_FLIGHT_STATE_PREFIX;

  InFlightData {
    listStates = Map.copyOf(listStates);
  }

  /** Whether a list state of an operator is in-flight data. */
  static boolean isInFlightState(String name) {
    return StateAssignment.isInFlightState(name);
  }

  static String stateName(int inputIndex) {
    return PREFIX + inputIndex;
  }

  /** Collects the captured bytes of each gate, skipping channels with nothing in flight. */
  static InFlightData of(List<GateReader<?>> readers, List<byte[][]> captured) {
    Map<String, List<byte[]>> states = new HashMap<>();
    for (int r = 0; r < readers.size(); r++) {
      GateReader<?> reader = readers.get(r);
      byte[][] channels = captured.get(r);
      List<byte[]> elements = states.computeIfAbsent(
          stateName(reader.inputIndex()), n -> new ArrayList<>());
      for (int c = 0; c < channels.length; c++) {
        if (channels[c].length > 0) {
          elements.add(InFlightElements.encode(
              reader.edgeOfChannel(c), channels[c], 0, channels[c].length));
        }
      }
    }
    states.values().removeIf(List::isEmpty);
    return new InFlightData(states);
  }

  /** The edge position an element was captured from. */
  static int edgeOf(byte[] element) throws IOException {
    return InFlightElements.edgeOf(element);
  }

  /** Where an element's frames start. */
  static final int FRAMES_OFFSET = InFlightElements.FRAMES_OFFSET;
}
