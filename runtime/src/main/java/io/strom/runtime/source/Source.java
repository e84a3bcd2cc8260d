package io.strom.runtime.source;

import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.io.Serializable;
import java.util.List;

/**
 * A source of records, split into {@link SourceSplit}s. One {@link SplitEnumerator} (in the job
 * manager role) discovers splits and assigns them; each parallel subtask runs a {@link SourceReader}
 * that reads the splits it was given.
 */
public interface Source<T, S extends SourceSplit> extends Serializable {

  Boundedness boundedness();

  SplitEnumerator<S> createEnumerator(SplitEnumeratorContext<S> context) throws Exception;

  SourceReader<T, S> createReader(SourceReaderContext context) throws Exception;

  /**
   * An enumerator for a job restored from a checkpoint: it must assign only {@code
   * unassignedSplits} (what {@link SplitEnumerator#snapshotState} returned), since the readers
   * restore the splits they held themselves.
   *
   * @throws UnsupportedOperationException by sources that cannot be restored
   */
  default SplitEnumerator<S> restoreEnumerator(
      SplitEnumeratorContext<S> context, List<S> unassignedSplits) throws Exception {
    throw new UnsupportedOperationException(
        "Source " + getClass().getName() + " cannot be restored from a checkpoint: it does not"
            + " implement Source.restoreEnumerator");
  }

  /**
   * Writes splits into checkpoints. The default writes them self-describing (records and POJOs
   * field by field, other classes by Java serialization); sources may give a compact one.
   */
  @SuppressWarnings("unchecked")
  default TypeSerializer<S> splitSerializer() {
    return (TypeSerializer<S>) (TypeSerializer<?>) new DynamicSerializer();
  }
}
