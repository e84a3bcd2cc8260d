package io.strom.datastream.functions;

/** Which clock a timer follows. */
public enum TimeDomain {
  EVENT_TIME,
  PROCESSING_TIME
}
