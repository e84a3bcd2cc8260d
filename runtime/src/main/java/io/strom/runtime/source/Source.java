package io.strom.runtime.source;

import java.io.Serializable;

/**
 * A source of records, split into {@link SourceSplit}s. One {@link SplitEnumerator} (in the job
 * manager role) discovers splits and assigns them; each parallel subtask runs a {@link SourceReader}
 * that reads the splits it was given.
 */
public interface Source<T, S extends SourceSplit> extends Serializable {

  Boundedness boundedness();

  SplitEnumerator<S> createEnumerator(SplitEnumeratorContext<S> context) throws Exception;

  SourceReader<T, S> createReader(SourceReaderContext context) throws Exception;
}
