package io.strom.runtime.source;

import java.io.Serializable;

/** A unit of a source's work that one reader processes: a file, a partition, a range of numbers. */
public interface SourceSplit extends Serializable {
  /** Unique within the source; watermarks are tracked per split id. */
  String splitId();
}
