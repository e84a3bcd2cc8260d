package io.strom.runtime.network;

/**
 * Tags of the elements in the byte stream of a channel. Each element is framed as a 4-byte length
 * (of what follows), a one-byte tag, and the body.
 */
public final class ElementKind {
  private ElementKind() {}

  /** A record without timestamp; body: the serialized record. */
  public static final byte RECORD = 0;
  /** A record with event timestamp; body: 8-byte timestamp, then the serialized record. */
  public static final byte TIMESTAMPED_RECORD = 1;
  /** Body: 8-byte watermark. */
  public static final byte WATERMARK = 2;
  /** Body: one byte, 1 when the producer became idle, 0 when it became active. */
  public static final byte WATERMARK_STATUS = 3;
  /** The producer finished; nothing follows on this channel. No body. */
  public static final byte END_OF_PARTITION = 4;
  /**
   * A checkpoint barrier; body: 8-byte checkpoint id, 8-byte trigger timestamp. Always the last
   * element of its buffer: it travels in a buffer of its own.
   */
  public static final byte CHECKPOINT_BARRIER = 5;
}
