package io.strom.format;

import io.strom.connector.DecoderContext;
import io.strom.connector.RowDecodeException;
import io.strom.runtime.metrics.Counter;
import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a decoder does with a record it cannot decode: rethrow, so the reader fails naming the
 * record, or with {@code <format>.ignore-parse-errors} drop it, count it in {@link
 * DecoderContext#DROPPED_RECORDS_METRIC} and log the first one.
 *
 * <p>Each decoder copy holds its own; used by one thread.
 */
public final class MalformedRecords implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(MalformedRecords.class);

  private final String format;
  private final boolean ignore;
  private transient Counter dropped;
  private transient boolean logged;

  /** @param format the format's name, for the log */
  public MalformedRecords(String format, boolean ignoreParseErrors) {
    this.format = format;
    this.ignore = ignoreParseErrors;
  }

  public void open(DecoderContext context) {
    dropped = context.droppedRecords();
  }

  /** Rethrows {@code error}, or drops and counts its record when errors are ignored. */
  public void handle(RowDecodeException error) throws RowDecodeException {
    if (!ignore) {
      throw error;
    }
    if (dropped != null) {
      dropped.inc();
    }
    if (!logged) {
      logged = true;
      LOG.warn("Skipping a malformed {} record ({}); later ones are only counted in {}",
          format, error.getMessage(), DecoderContext.DROPPED_RECORDS_METRIC);
    }
  }
}
