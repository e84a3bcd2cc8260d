package io.strom.runtime.source.lib;

import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The elements of a collection, in order. With parallelism above one each reader takes a
 * contiguous share; order is kept within a share.
 */
public final class CollectionSource<T> implements Source<T, IndexRangeSplit> {
  private static final long serialVersionUID = 1L;

  private final ArrayList<T> elements;

  public CollectionSource(Collection<T> elements) {
    this.elements = new ArrayList<>(elements);
    for (T element : this.elements) {
      if (element != null && !(element instanceof Serializable)) {
        throw new IllegalArgumentException(
            "Elements of a collection source travel with the job and must be Serializable: "
                + element.getClass().getName());
      }
    }
  }

  public List<T> elements() {
    return elements;
  }

  @Override
  public Boundedness boundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return new FixedSplitsEnumerator<>(
        context, IndexRangeSplits.cut(0, elements.size(), context.parallelism()));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> unassignedSplits) {
    return new FixedSplitsEnumerator<>(context, unassignedSplits);
  }

  @Override
  public SourceReader<T, IndexRangeSplit> createReader(SourceReaderContext context) {
    return new IndexRangeReader<>(null) {
      @Override
      protected T elementAt(long index) {
        return elements.get((int) index);
      }
    };
  }
}
