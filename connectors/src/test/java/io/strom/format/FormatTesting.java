package io.strom.format;

import io.strom.connector.DecoderContext;
import io.strom.connector.DecodingFormatFactory;
import io.strom.connector.EncodingFormatFactory;
import io.strom.connector.ReadableOptions;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.data.GenericConverter;
import io.strom.data.Row;
import io.strom.runtime.metrics.MetricRegistry;
import io.strom.serde.DataOutputSerializer;
import io.strom.types.RowType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a format's decoder and encoder on records in memory, for format tests. */
public final class FormatTesting {
  private final MetricRegistry metrics = new MetricRegistry();
  private final Object factory;
  private final RowType type;
  private final Map<String, String> options;

  /** @param factory a decoding and/or encoding format factory */
  public FormatTesting(Object factory, RowType type, Map<String, String> options) {
    this.factory = factory;
    this.type = type;
    this.options = options;
  }

  /** The rows the records decode to, printed as {@code +I[...]}. */
  public List<String> decode(List<byte[]> records) throws RowDecodeException {
    RowDecoder decoder = ((DecodingFormatFactory) factory)
        .createDecoder(type, ReadableOptions.of(options, "format"));
    decoder.open(new DecoderContext(metrics.group("t")));
    List<String> rows = new ArrayList<>();
    for (byte[] record : records) {
      decoder.decode(record, 0, record.length, row -> rows.add(GenericConverter.format(row, type)));
    }
    return rows;
  }

  /** The records the rows encode to. */
  public List<byte[]> encode(List<? extends Row> rows) throws IOException {
    RowEncoder encoder = ((EncodingFormatFactory) factory)
        .createEncoder(type, ReadableOptions.of(options, "format"));
    List<byte[]> records = new ArrayList<>();
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (Row row : rows) {
      out.clear();
      encoder.encode(row, out);
      records.add(out.toByteArray());
    }
    return records;
  }

  /** How many malformed records the decoders dropped. */
  public long dropped() {
    return metrics.group("t").counter(DecoderContext.DROPPED_RECORDS_METRIC).count();
  }
}
