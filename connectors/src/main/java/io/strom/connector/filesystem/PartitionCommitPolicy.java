package io.strom.connector.filesystem;

import java.io.Serializable;

/**
 * When and how a filesystem sink commits partitions.
 *
 * @param successFileName the name of the success file a committed partition gets, or null when
 *     the {@code success-file} policy is not chosen
 * @param commitsOnCheckpoint whether partitions are committed when a checkpoint completes
 *     ({@code process-time} trigger, no delay); otherwise only at the end of a bounded input
 */
record PartitionCommitPolicy(String successFileName, boolean commitsOnCheckpoint)
    implements Serializable {

  static final PartitionCommitPolicy NONE = new PartitionCommitPolicy(null, false);

  boolean writesSuccessFile() {
    return successFileName != null;
  }

  @Override
  public boolean commitsOnCheckpoint() {
    return commitsOnCheckpoint && successFileName != null;
  }
}
