package io.strom.runtime.time;

import io.strom.runtime.state.KeyGroupSectionsWriter;
import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.serde.DataOutputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The timers of a {@link TimerServiceManager} as a checkpoint writes them, key group by key group:
 * {@code int services}, each {@code UTF name | int length | body}; body: {@code int n, n × (key |
 * namespace | long time)} for event time, then the same for processing time. Services without
 * timers in the key group are left out.
 *
 * <p>Reads frozen queues ({@link FrozenTimers}) with serializers of its own, so it may be written
 * on a snapshot thread.
 */
final class TimerServiceSnapshot implements KeyGroupSnapshot {

  /** One service's frozen timers. */
  record Service(String name, FrozenTimers<?, ?> eventTimers, FrozenTimers<?, ?> processingTimers) {}

  private final List<Service> services;
  /** Restored timer bytes of services not asked for again, by service name and key group. */
  private final Map<String, Map<Integer, byte[]>> restored;
  private final TypeSerializer<Object> keys;
  private final TypeSerializer<Object> namespaces;
  private final KeyGroupSectionsWriter sections = new KeyGroupSectionsWriter();
  private final List<InternalTimer<?, ?>> timers = new ArrayList<>();

  TimerServiceSnapshot(
      List<Service> services,
      Map<String, Map<Integer, byte[]>> restored,
      TypeSerializer<Object> keys,
      TypeSerializer<Object> namespaces) {
    this.services = List.copyOf(services);
    this.restored = restored;
    this.keys = keys;
    this.namespaces = namespaces;
  }

  @Override
  public void writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
    sections.writeKeyGroup(out, writer -> writeSections(keyGroup, writer));
  }

  private void writeSections(int keyGroup, KeyGroupSectionsWriter writer) throws IOException {
    for (Service service : services) {
      DataOutputView body = writer.openSection(service.name());
      int n = writeTimers(service.eventTimers(), keyGroup, body)
          + writeTimers(service.processingTimers(), keyGroup, body);
      writer.closeSection(n > 0);
    }
    for (Map.Entry<String, Map<Integer, byte[]>> e : restored.entrySet()) {
      byte[] bytes = e.getValue().get(keyGroup);
      if (bytes != null) {
        writer.writeSection(e.getKey(), bytes);
      }
    }
  }

  /** Writes one queue's timers of the key group to {@code body}; returns how many. */
  @SuppressWarnings("unchecked")
  private int writeTimers(FrozenTimers<?, ?> queue, int keyGroup, DataOutputView body)
      throws IOException {
    timers.clear();
    ((FrozenTimers<Object, Object>) queue).forEachInKeyGroup(keyGroup, timers::add);
    body.writeInt(timers.size());
    for (InternalTimer<?, ?> timer : timers) {
      keys.serialize(timer.key(), body);
      namespaces.serialize(timer.namespace(), body);
      body.writeLong(timer.time());
    }
    return timers.size();
  }

  @Override
  public void close() {
    for (Service service : services) {
      service.eventTimers().close();
      service.processingTimers().close();
    }
  }
}
