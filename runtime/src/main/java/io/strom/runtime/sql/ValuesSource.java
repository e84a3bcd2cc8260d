package io.strom.runtime.sql;

import io.strom.data.Row;
import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.runtime.source.lib.IndexRangeSplit;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The rows of a {@code VALUES} clause, evaluated when the query was planned, read once. */
public final class ValuesSource implements Source<Row, IndexRangeSplit> {
  private static final long serialVersionUID = 1L;

  private final GeneratorSource<Row> rows;

  public ValuesSource(RowType type, List<Row> values) {
    RowSerializer serializer = new RowSerializer(type);
    byte[][] encoded = new byte[values.size()][];
    DataOutputSerializer out = new DataOutputSerializer(64);
    for (int i = 0; i < encoded.length; i++) {
      out.clear();
      try {
        serializer.serialize(values.get(i), out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      encoded[i] = out.toByteArray();
    }
    this.rows =
        new GeneratorSource<>(
            index -> {
              DataInputDeserializer in = new DataInputDeserializer(encoded[(int) index]);
              return new RowSerializer(type).deserialize(in);
            },
            encoded.length,
            0);
  }

  @Override
  public Boundedness boundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) throws Exception {
    return rows.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> unassignedSplits)
      throws Exception {
    return rows.restoreEnumerator(context, unassignedSplits);
  }

  @Override
  public SourceReader<Row, IndexRangeSplit> createReader(SourceReaderContext context)
      throws Exception {
    return rows.createReader(context);
  }
}
