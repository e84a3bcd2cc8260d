package io.strom.configuration;

/** Options of the task executors: slots and the fixed network buffer pool. */
public final class TaskManagerOptions {
  private TaskManagerOptions() {}

  public static final ConfigOption<Integer> NUM_TASK_SLOTS =
      ConfigOptions.key("taskmanager.numberOfTaskSlots")
          .intType()
          .noDefaultValue()
          .withDescription(
              "Slots per task manager. Unset in the embedded cluster: it grows to the job's"
                  + " largest parallelism.");

  public static final ConfigOption<MemorySize> SEGMENT_SIZE =
      ConfigOptions.key("taskmanager.memory.segment-size")
          .memoryType()
          .defaultValue(MemorySize.parse("32 kb"))
          .withDescription("Size of one network buffer.");

  public static final ConfigOption<MemorySize> NETWORK_MEMORY =
      ConfigOptions.key("taskmanager.memory.network.max")
          .memoryType()
          .defaultValue(MemorySize.parse("64 mb"))
          .withDescription(
              "Memory of the fixed pool of network buffers; exchanges between tasks never use"
                  + " more.");

  public static final ConfigOption<Integer> BUFFERS_PER_CHANNEL =
      ConfigOptions.key("taskmanager.network.memory.buffers-per-channel")
          .intType()
          .defaultValue(2)
          .withDescription("Buffers an output may have in flight per downstream channel.");

  public static final ConfigOption<Integer> FLOATING_BUFFERS =
      ConfigOptions.key("taskmanager.network.memory.floating-buffers-per-gate")
          .intType()
          .defaultValue(8)
          .withDescription("Extra buffers an output may use for whichever channel needs them.");
}
